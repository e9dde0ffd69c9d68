package rootcause.evaluation.causes;

import rootcause.classify.SemanticSettings;
import rootcause.classify.SemanticSettings.Decision;

import java.util.ArrayList;
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

    private static Point point(TaxonomyEvaluation evaluation, List<ScoredComplaint> analysed, Map<String, Set<String>> gold,
                               SemanticSettings settings) {
        return new Point(settings.decision(), settings.threshold(), settings.margin(), settings.confirm(),
                evaluation.score(analysed, gold, settings, Map.of()));
    }
}
