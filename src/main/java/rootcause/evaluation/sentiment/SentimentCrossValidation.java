package rootcause.evaluation.sentiment;

import rootcause.sentiment.ConfusionMatrix;
import rootcause.sentiment.PolarityFeatures;
import rootcause.sentiment.PolarityModel;


import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * K-fold cross-validation of the polarity layer. Pure. A text's fold comes from a hash of its normalised words, so
 * duplicate texts (retweets, re-delivered rows) always share a fold and never score a model that saw them.
 */
public final class SentimentCrossValidation {
    private SentimentCrossValidation() {}

    /** Out-of-fold results: the pooled confusion matrix, and how well the probabilities are calibrated ({@link Calibration}). */
    public record Result(ConfusionMatrix matrix, double calibrationError, double brier) {}

    /** A labelled example and the text its fold is decided by. */
    public record Item(PolarityModel.Example example, String text) {}

    /** The fold (0..folds-1) of a text. */
    public static int fold(String text, int folds) {
        CRC32 crc = new CRC32();
        crc.update(normalised(text).getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % folds);
    }

    static String normalised(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /** The pooled confusion matrix of every item predicted by the model trained on the other folds. */
    public static Result run(List<Item> items, int folds, Set<PolarityFeatures.Family> families, double sigma) {
        return run(items, folds, families, sigma, t -> rootcause.embed.SentenceEmbedder.shared().embed(t));
    }

    /** {@link #run} with the sentence embeddings taken from {@code embed} (a memo: every fold reads them again). */
    public static Result run(List<Item> items, int folds, Set<PolarityFeatures.Family> families, double sigma,
                             java.util.function.Function<String, float[]> embed) {
        if (folds < 2) throw new IllegalArgumentException("folds must be at least 2, got " + folds);
        ConfusionMatrix m = ConfusionMatrix.empty();
        Calibration calibration = new Calibration();
        for (int k = 0; k < folds; k++) {
            List<PolarityModel.Example> train = new ArrayList<>();
            List<PolarityModel.Example> test = new ArrayList<>();
            for (Item i : items) {
                (fold(i.text(), folds) == k ? test : train).add(i.example());
            }
            if (test.isEmpty() || train.isEmpty()) continue;
            PolarityModel model = PolarityModel.train(train, families, sigma, "fold " + k, embed);
            for (PolarityModel.Example e : test) {
                double[] p = model.probabilities(e.sentences(), embed);
                m = m.add(e.label(), PolarityModel.mostProbable(p));
                calibration.add(p, e.label());
            }
        }
        return new Result(m, calibration.expectedCalibrationError(), calibration.brier());
    }
}
