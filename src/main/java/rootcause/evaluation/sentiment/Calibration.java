package rootcause.evaluation.sentiment;

import rootcause.sentiment.Polarity;
import rootcause.sentiment.PolarityModel;

/**
 * How well three-class probabilities are calibrated, accumulated one prediction at a time: the expected calibration
 * error of the most probable class (10 equal bins of its probability: the gap between confidence and accuracy,
 * weighted by the bin's share) and the multi-class Brier score (mean squared distance of the three probabilities
 * from the one-hot truth; 0 is perfect, always answering 1/3 each scores 0.667). Pure, not thread-safe.
 */
final class Calibration {
    private static final int BINS = 10;
    private final double[] binConfidence = new double[BINS];
    private final double[] binCorrect = new double[BINS];
    private double squaredError;
    private int n;

    /** Adds one prediction: the probabilities in {@link Polarity} order and the true class. */
    void add(double[] probabilities, Polarity truth) {
        Polarity predicted = PolarityModel.mostProbable(probabilities);
        double top = probabilities[predicted.ordinal()];
        int bin = Math.min(BINS - 1, (int) (top * BINS));
        binConfidence[bin] += top;
        binCorrect[bin] += predicted == truth ? 1 : 0;
        for (Polarity c : Polarity.values()) {
            double y = c == truth ? 1 : 0;
            squaredError += (probabilities[c.ordinal()] - y) * (probabilities[c.ordinal()] - y);
        }
        n++;
    }

    double expectedCalibrationError() {
        double gap = 0;
        for (int b = 0; b < BINS; b++) gap += Math.abs(binConfidence[b] - binCorrect[b]);
        return n == 0 ? 0 : gap / n;
    }

    double brier() {
        return n == 0 ? 0 : squaredError / n;
    }
}
