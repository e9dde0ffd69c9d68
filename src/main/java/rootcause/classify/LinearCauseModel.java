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
    /** SHA-256 of the encoder a head was trained on (its model and tokenizer files); null when not recorded. */
    private final String encoderSha256;

    private LinearCauseModel(List<String> causeIds, double[][] weights, double[] bias, String encoderSha256) {
        this.causeIds = List.copyOf(causeIds);
        this.weights = weights;
        this.bias = bias;
        this.encoderSha256 = encoderSha256;
    }

    private LinearCauseModel(List<String> causeIds, double[][] weights, double[] bias) {
        this(causeIds, weights, bias, null);
    }

    /**
     * A head trained elsewhere (the cause encoder's, {@code training/}): weights per cause over the encoder's unit
     * vectors, in {@code causeIds} order.
     */
    public static LinearCauseModel of(List<String> causeIds, double[][] weights, double[] bias) {
        return of(causeIds, weights, bias, null);
    }

    /** A head trained elsewhere on the encoder whose files hash to {@code encoderSha256} (null: not recorded). */
    public static LinearCauseModel of(List<String> causeIds, double[][] weights, double[] bias, String encoderSha256) {
        if (weights.length != causeIds.size() || bias.length != causeIds.size()) {
            throw new IllegalArgumentException("a head needs one weight row and one bias per cause: " + causeIds.size()
                    + " causes, " + weights.length + " rows, " + bias.length + " biases");
        }
        return new LinearCauseModel(causeIds, weights, bias, encoderSha256);
    }

    /** SHA-256 of the encoder this head was trained on, or null when not recorded. */
    public String encoderSha256() {
        return encoderSha256;
    }

    /** The number of inputs per cause. */
    public int dimension() {
        return weights.length == 0 ? 0 : weights[0].length;
    }

    /** Trains one model per cause on the samples that say something about it. */
    public static LinearCauseModel train(List<String> causeIds, List<Sample> samples, int dimension) {
        double[][] w = new double[causeIds.size()][dimension];
        double[] b = new double[causeIds.size()];
        for (int c = 0; c < causeIds.size(); c++) {
            String cause = causeIds.get(c);
            Double fitted = descend(cause, samples, w[c], 0, null);
            if (fitted == null) {
                b[c] = samples.stream().anyMatch(x -> x.positive().contains(cause)) ? 10 : -10;
            } else {
                b[c] = fitted;
            }
        }
        return new LinearCauseModel(causeIds, w, b);
    }

    /** How strongly {@link #fineTune} pulls the weights back toward the prior head. */
    static final double PRIOR_PULL = 1e-2;

    /**
     * A copy of a trained head adjusted to new labelled sentences: gradient descent from the prior's weights, with
     * an L2 pull toward them (not toward zero), class-balanced like {@link #train}. A cause with no positive or no
     * negative among the samples keeps the prior's weights. Deterministic.
     */
    public static LinearCauseModel fineTune(LinearCauseModel prior, List<Sample> samples) {
        double[][] w = new double[prior.weights.length][];
        double[] b = prior.bias.clone();
        for (int c = 0; c < w.length; c++) {
            w[c] = prior.weights[c].clone();
            Double fitted = descend(prior.causeIds.get(c), samples, w[c], b[c], prior.weights[c]);
            if (fitted != null) {
                b[c] = fitted;
            }
        }
        return new LinearCauseModel(prior.causeIds, w, b, prior.encoderSha256);
    }

    /**
     * Class-balanced full-batch gradient descent of one cause's weights {@code w} (in place) from bias {@code b},
     * with an L2 pull toward {@code anchor} ({@link #PRIOR_PULL}), or toward zero ({@link #L2}) when it is null.
     * Returns the new bias, or null when the samples hold no positive or no negative for the cause.
     */
    private static Double descend(String cause, List<Sample> samples, double[] w, double b, double[] anchor) {
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
            return null;
        }
        // Each class carries half the total weight, however few positives there are.
        double positiveWeight = 0.5 / positives;
        double negativeWeight = 0.5 / negatives;
        double pull = anchor == null ? L2 : PRIOR_PULL;
        for (int it = 0; it < ITERATIONS; it++) {
            double[] gradient = new double[w.length];
            double gradientBias = 0;
            for (Sample s : samples) {
                boolean pos = s.positive().contains(cause);
                if (!pos && !s.negative().contains(cause)) {
                    continue;
                }
                double err = (sigmoid(dot(w, s.vector()) + b) - (pos ? 1 : 0)) * (pos ? positiveWeight : negativeWeight);
                float[] v = s.vector();
                for (int k = 0; k < w.length; k++) {
                    gradient[k] += err * v[k];
                }
                gradientBias += err;
            }
            for (int k = 0; k < w.length; k++) {
                w[k] -= LEARNING_RATE * (gradient[k] + pull * (w[k] - (anchor == null ? 0 : anchor[k])));
            }
            b -= LEARNING_RATE * gradientBias;
        }
        return b;
    }

    /** The weights of the cause at {@code causeIndex}, a copy. */
    public double[] weights(int causeIndex) {
        return weights[causeIndex].clone();
    }

    /** The bias of the cause at {@code causeIndex}. */
    public double bias(int causeIndex) {
        return bias[causeIndex];
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
