package rootcause.classify;

import java.util.List;
import java.util.Set;

/**
 * One logistic regression per cause over unit-length sentence embeddings, trained by full-batch gradient descent
 * with L2 regularisation and class-balanced weights. Deterministic: the same sentences give the same weights in
 * every JVM. Pure; serializable, so the job trains it once on the driver and broadcasts it inside the
 * {@link ExampleMatcher}.
 */
public final class LinearCauseModel implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    /** Gradient steps. */
    static final int ITERATIONS = 300;
    /** Step size (the inputs are unit vectors). */
    static final double LEARNING_RATE = 2.0;
    /** L2 penalty on the weights. */
    static final double L2 = 1e-3;

    /**
     * One training sentence.
     *
     * @param vector    its embedding
     * @param positive  causes it shows
     * @param negative  causes it does not show; a cause in neither set is not trained on this sentence
     */
    public record Sample(float[] vector, Set<String> positive, Set<String> negative) {
    }

    private final List<String> causeIds;
    private final double[][] weights;
    private final double[] bias;

    private LinearCauseModel(List<String> causeIds, double[][] weights, double[] bias) {
        this.causeIds = List.copyOf(causeIds);
        this.weights = weights;
        this.bias = bias;
    }

    /** Trains one model per cause on the samples that say something about it. */
    public static LinearCauseModel train(List<String> causeIds, List<Sample> samples, int dimension) {
        double[][] w = new double[causeIds.size()][dimension];
        double[] b = new double[causeIds.size()];
        for (int c = 0; c < causeIds.size(); c++) {
            String cause = causeIds.get(c);
            int positives = 0;
            int negatives = 0;
            for (Sample s : samples) {
                if (s.positive().contains(cause)) {
                    positives++;
                } else if (s.negative().contains(cause)) {
                    negatives++;
                }
            }
            if (positives == 0 || negatives == 0) {
                b[c] = positives == 0 ? -10 : 10;
                continue;
            }
            // Each class carries half the total weight, however few positives there are.
            double positiveWeight = 0.5 / positives;
            double negativeWeight = 0.5 / negatives;
            for (int it = 0; it < ITERATIONS; it++) {
                double[] gradient = new double[dimension];
                double gradientBias = 0;
                for (Sample s : samples) {
                    boolean pos = s.positive().contains(cause);
                    if (!pos && !s.negative().contains(cause)) {
                        continue;
                    }
                    double p = sigmoid(dot(w[c], s.vector()) + b[c]);
                    double err = (p - (pos ? 1 : 0)) * (pos ? positiveWeight : negativeWeight);
                    float[] v = s.vector();
                    for (int k = 0; k < dimension; k++) {
                        gradient[k] += err * v[k];
                    }
                    gradientBias += err;
                }
                for (int k = 0; k < dimension; k++) {
                    w[c][k] -= LEARNING_RATE * (gradient[k] + L2 * w[c][k]);
                }
                b[c] -= LEARNING_RATE * gradientBias;
            }
        }
        return new LinearCauseModel(causeIds, w, b);
    }

    /** The probability that a sentence with this embedding shows the cause at {@code causeIndex} (taxonomy order). */
    public double probability(int causeIndex, float[] vector) {
        return sigmoid(dot(weights[causeIndex], vector) + bias[causeIndex]);
    }

    public List<String> causeIds() {
        return causeIds;
    }

    private static double dot(double[] w, float[] v) {
        double s = 0;
        for (int k = 0; k < w.length; k++) {
            s += w[k] * v[k];
        }
        return s;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
