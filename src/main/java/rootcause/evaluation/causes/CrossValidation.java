package rootcause.evaluation.causes;

import rootcause.classify.Cause;
import rootcause.classify.CauseMatcher;
import rootcause.classify.ExampleMatcher;
import rootcause.classify.Taxonomy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * k-fold cross-validation of {@link CauseTrainer}: each fold is scored by a semantic layer trained without it.
 * Complaints with the same normalised text share a fold, so a repeated text is never scored by a model that saw it.
 */
public final class CrossValidation {
    private CrossValidation() {}

    /** The fold (0..folds-1) of a complaint text: a stable hash of its normalised words. */
    public static int fold(String text, int folds) {
        String normalised = text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
        int h = 0;
        for (byte b : normalised.getBytes(StandardCharsets.UTF_8)) {
            h = 31 * h + b;
        }
        return Math.floorMod(h * 0x9E3779B1, folds);
    }

    /** Every complaint scored by the semantic layer trained on the other folds (out-of-fold), in fold order. */
    public static List<ScoredComplaint> outOfFold(Taxonomy base, List<ScoredComplaint> complaints,
                                                  Map<String, Set<String>> labels, int folds,
                                                  Function<String, float[]> embed) {
        List<ScoredComplaint> scored = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            List<ScoredComplaint> train = new ArrayList<>();
            List<ScoredComplaint> test = new ArrayList<>();
            for (ScoredComplaint c : complaints) {
                (fold(c.complaint().text(), folds) == f ? test : train).add(c);
            }
            if (test.isEmpty()) {
                continue;
            }
            Taxonomy trained = CauseTrainer.train(base, base.version() + "+fold" + f, train, labels);
            ExampleMatcher layer = ExampleMatcher.fit(trained, embed);
            for (ScoredComplaint c : test) {
                scored.add(c.rescored(layer));
            }
        }
        return scored;
    }

    /**
     * The linear rule's threshold with the best micro F1 over out-of-fold predictions, from 0.50 to 0.99 in steps
     * of 0.01 (the class-balanced training calibrates for equal priors, so the best threshold is usually well above 0.5);
     * a trained head's from 0.20.
     */
    public static double bestThreshold(Taxonomy base, List<ScoredComplaint> outOfFold, Map<String, Set<String>> labels) {
        double best = base.semantic().threshold();
        double bestF1 = -1;
        // A trained head is not class-balanced: its best threshold may lie below 0.5.
        int from = base.semantic().decision() == rootcause.classify.SemanticSettings.Decision.HEAD ? 20 : 50;
        for (int t = from; t <= 99; t++) {
            double f1 = score(base, outOfFold, labels, t / 100.0).micro().f1();
            if (f1 > bestF1 + 1e-9) {
                bestF1 = f1;
                best = t / 100.0;
            }
        }
        return best;
    }

    /** Scores of out-of-fold predictions at one global threshold, the causes' own thresholds held (as the bundle runs). */
    public static CauseScores score(Taxonomy base, List<ScoredComplaint> outOfFold, Map<String, Set<String>> labels,
                                    double threshold) {
        CauseScores scores = new CauseScores(base.causes().stream().map(Cause::id).toList());
        CauseMatcher patterns = CauseMatcher.shared(base);
        var settings = base.semantic().with(base.semantic().decision(), threshold, base.semantic().margin());
        Map<String, Double> own = base.ownThresholds();
        for (ScoredComplaint c : outOfFold) {
            scores.add(c.complaint().source(), labels.get(c.complaint().key()),
                    ScoredComplaint.ids(c.classify(patterns, settings, own)));
        }
        return scores;
    }
}
