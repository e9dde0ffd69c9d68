package rootcause.evaluation.causes;

import rootcause.classify.SemanticSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code evaluate-taxonomy --sweep} scores: the labelled complaints again at each point of a grid of semantic
 * thresholds (and, unless the decision is linear, margins), for tuning on a dev set only. Runs on the driver.
 */
public final class ThresholdSweep {
    private ThresholdSweep() {}

    /** One point of the grid, swept with the taxonomy's decision, and the scores there. */
    public record Point(SemanticSettings.Decision decision, double threshold, double margin, CauseScores scores) {
        /** A linear decision's point has no margin. */
        public boolean linear() {
            return decision == SemanticSettings.Decision.LINEAR;
        }
    }

    /** Linear decisions: thresholds 0.30 to 0.99 by 0.05; otherwise 0.40 to 0.80 by 0.025, each with margins 0, 0.02, 0.05. */
    public static List<Point> of(TaxonomyEvaluation evaluation, List<ScoredComplaint> analysed, Map<String, Set<String>> gold) {
        SemanticSettings base = evaluation.taxonomy().semantic();
        List<Point> points = new ArrayList<>();
        if (base.decision() == SemanticSettings.Decision.LINEAR) {
            for (double t = 0.30; t <= 0.991; t += 0.05) {
                points.add(new Point(base.decision(), t, 0, evaluation.score(analysed, gold, base.with(base.decision(), t, 0), Map.of())));
            }
            return points;
        }
        for (double t = 0.40; t <= 0.801; t += 0.025) {
            for (double m : new double[]{0.0, 0.02, 0.05}) {
                points.add(new Point(base.decision(), t, m, evaluation.score(analysed, gold, base.with(base.decision(), t, m), Map.of())));
            }
        }
        return points;
    }
}
