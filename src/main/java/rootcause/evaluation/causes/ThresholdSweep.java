package rootcause.evaluation.causes;

import rootcause.classify.SemanticSettings;
import rootcause.classify.SemanticSettings.Decision;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@code evaluate-taxonomy --sweep} scores: the labelled complaints again at each point of a grid of semantic
 * thresholds and the one other setting the decision uses (a {@code nearest_example} margin, a {@code head}'s pattern
 * confirmation; a linear decision has none), for tuning on a dev set only. Runs on the driver.
 */
public final class ThresholdSweep {
    private ThresholdSweep() {}

    /** The confirmations a head is swept with: the union, and the values tried since taxonomy 3.0.0. */
    static final double[] HEAD_CONFIRMS = {0.0, 0.3, 0.5};
    static final double[] MARGINS = {0.0, 0.02, 0.05};

    /** One point of the grid, swept with the taxonomy's decision, and the scores there. */
    public record Point(Decision decision, double threshold, double margin, double confirm, CauseScores scores) {
        /** The setting swept beside the threshold, as printed ("margin 0.02", "confirm 0.30"), or "" for linear. */
        public String second() {
            return switch (decision) {
                case LINEAR -> "";
                case NEAREST_EXAMPLE -> String.format(java.util.Locale.ROOT, "margin %.2f", margin);
                case HEAD -> String.format(java.util.Locale.ROOT, "confirm %.2f", confirm);
            };
        }
    }

    /**
     * Linear decisions: thresholds 0.30 to 0.99 by 0.05; otherwise 0.40 to 0.80 by 0.025, each with margins 0, 0.02
     * and 0.05 ({@code nearest_example}) or with the taxonomy's own confirmation and 0, 0.3 and 0.5 ({@code head}).
     */
    public static List<Point> of(TaxonomyEvaluation evaluation, List<ScoredComplaint> analysed, Map<String, Set<String>> gold) {
        SemanticSettings base = evaluation.taxonomy().semantic();
        List<Point> points = new ArrayList<>();
        if (base.decision() == Decision.LINEAR) {
            for (double t = 0.30; t <= 0.991; t += 0.05) {
                points.add(point(evaluation, analysed, gold, base.with(base.decision(), t, 0)));
            }
            return points;
        }
        Set<Double> confirms = new TreeSet<>();
        for (double c : HEAD_CONFIRMS) {
            confirms.add(c);
        }
        confirms.add(base.confirm());
        for (double t = 0.40; t <= 0.801; t += 0.025) {
            if (base.decision() == Decision.HEAD) {
                for (double c : confirms) {
                    points.add(point(evaluation, analysed, gold, base.with(base.decision(), t, base.margin()).withConfirm(c)));
                }
            } else {
                for (double m : MARGINS) {
                    points.add(point(evaluation, analysed, gold, base.with(base.decision(), t, m)));
                }
            }
        }
        return points;
    }

    /** The thresholds a cause's own threshold is chosen from: 0.20 to 0.90 by 0.05. */
    static final double[] CAUSE_GRID = {0.20, 0.25, 0.30, 0.35, 0.40, 0.45, 0.50, 0.55, 0.60, 0.65, 0.70, 0.75, 0.80, 0.85, 0.90};

    /** A cause's own threshold, with its label count and the scores once it (and those chosen before it) apply. */
    public record CauseThreshold(String causeId, int labels, double threshold, CauseScores scores) {}

    /**
     * Per-cause thresholds for the causes with at least {@code minLabels} labels, chosen one cause at a time, the most
     * labelled first, each holding those chosen before it: a cause keeps its threshold (its own, else the global one) unless a
     * point of {@link #CAUSE_GRID} gives a higher micro F1. Fewer labels than that overfit (docs/BENCHMARK-CAUSES.md),
     * so the rest keep theirs. For tuning sets only.
     */
    public static List<CauseThreshold> perCause(TaxonomyEvaluation evaluation, List<ScoredComplaint> analysed,
                                                Map<String, Set<String>> gold, int minLabels) {
        SemanticSettings base = evaluation.taxonomy().semantic();
        Map<String, Integer> counts = new HashMap<>();
        gold.values().forEach(causes -> causes.forEach(c -> counts.merge(c, 1, Integer::sum)));
        List<String> order = counts.entrySet().stream().filter(e -> e.getValue() >= minLabels)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
        Map<String, Double> chosen = new LinkedHashMap<>(evaluation.taxonomy().ownThresholds());
        List<CauseThreshold> out = new ArrayList<>();
        for (String cause : order) {
            double best = chosen.getOrDefault(cause, base.threshold());
            CauseScores bestScores = evaluation.score(analysed, gold, base, chosen);
            for (int i = CAUSE_GRID.length - 1; i >= 0; i--) { // from the top: of equal scores, the highest threshold
                double t = CAUSE_GRID[i];
                Map<String, Double> trial = new LinkedHashMap<>(chosen);
                trial.put(cause, t);
                CauseScores scores = evaluation.score(analysed, gold, base, trial);
                if (scores.micro().f1() > bestScores.micro().f1() + 1e-9) {
                    best = t;
                    bestScores = scores;
                }
            }
            chosen.put(cause, best);
            out.add(new CauseThreshold(cause, counts.get(cause), best, bestScores));
        }
        return out;
    }

    private static Point point(TaxonomyEvaluation evaluation, List<ScoredComplaint> analysed, Map<String, Set<String>> gold,
                               SemanticSettings settings) {
        return new Point(settings.decision(), settings.threshold(), settings.margin(), settings.confirm(),
                evaluation.score(analysed, gold, settings, evaluation.taxonomy().ownThresholds()));
    }
}
