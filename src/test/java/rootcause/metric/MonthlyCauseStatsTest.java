package rootcause.metric;

import org.junit.jupiter.api.Test;
import rootcause.model.CauseInfo;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MonthlyCauseStatsTest {

    /** The metrics of one cause with these statistics in a month whose slice holds {@code total} complaints. */
    private static CauseMetrics derived(MonthlyCauseStats stats, long total) {
        return MetricDerivation.deriveAll(List.of(
                new CauseStatsRow("2024-01", "all", "all", "total", "*", "*", TestStats.of(total, 0, 0)),
                new CauseStatsRow("2024-01", "all", "all", "cause", "c", "g", stats)),
                Map.<String, CauseInfo>of(), EmergingRule.DEFAULT).get(0);
    }

    @Test
    void mergeAddsCountsAndSums() {
        MonthlyCauseStats a = TestStats.ofComplaint(-0.5).merge(TestStats.ofComplaint(0.25));
        MonthlyCauseStats b = TestStats.ofComplaint(-1.0);
        MonthlyCauseStats merged = a.merge(b);
        assertThat(merged.of(Volume.METRIC)).isEqualTo(3);
        assertThat(merged.of(Sentiment.METRIC).sentimentSum()).isCloseTo(-1.25, within(1e-12));
        assertThat(merged.of(Sentiment.METRIC).negativeComplaints()).isEqualTo(2);
    }

    @Test
    void mergeIsAssociativeAndEmptyIsNeutral() {
        MonthlyCauseStats a = TestStats.of(4, -1.5, 3);
        MonthlyCauseStats b = TestStats.of(2, 0.5, 0);
        MonthlyCauseStats c = TestStats.of(7, -3.0, 5);
        assertThat(a.merge(b).merge(c)).isEqualTo(a.merge(b.merge(c)));
        assertThat(a.merge(MonthlyCauseStats.EMPTY)).isEqualTo(a);
        assertThat(a.merge(b)).isNotEqualTo(a);
    }

    @Test
    void mergeAddsScoresNpsCountsAndTaxonomiesToo() {
        MonthlyCauseStats a = TestStats.classifiedBy(TestStats.of(2, -1, 2, ScoreImpact.Moments.of(2, 10),
                ScoreImpact.NpsCounts.of(2, 10)), List.of("t 2"));
        MonthlyCauseStats b = TestStats.of(1, 0.5, 0, ScoreImpact.Moments.of(8), ScoreImpact.NpsCounts.of(8));
        MonthlyCauseStats c = TestStats.classifiedBy(TestStats.of(3, -2, 2, ScoreImpact.Moments.of(0, 9, 9),
                ScoreImpact.NpsCounts.of(0, 9, 9)), List.of("t 1", "t 2"));
        MonthlyCauseStats all = a.merge(b).merge(c);
        assertThat(all).isEqualTo(a.merge(b.merge(c)));
        assertThat(all.of(NpsPoints.METRIC)).isEqualTo(ScoreImpact.NpsCounts.of(2, 10, 8, 0, 9, 9))
                .isEqualTo(new ScoreImpact.NpsCounts(6, 3, 2));
        assertThat(all.of(CustomerScoreImpact.METRIC)).isEqualTo(ScoreImpact.Moments.of(2, 10, 8, 0, 9, 9));
        assertThat(all.of(TaxonomyVersion.METRIC)).containsExactly("t 1", "t 2");
        assertThat(a.merge(MonthlyCauseStats.EMPTY)).isEqualTo(a);
    }

    @Test
    void metricsOfMergedStatsEqualMetricsOfAllComplaintsTogether() {
        // Averaging two means would give (-0.5 + 0.5) / 2 = 0; the pooled mean is -0.25.
        CauseMetrics both = derived(TestStats.of(3, -1.5, 3).merge(TestStats.of(1, 0.5, 0)), 10);
        assertThat(both.get(Sentiment.MEAN_SENTIMENT)).isCloseTo(-0.25, within(1e-12));
        assertThat(both.get(Sentiment.NEGATIVE_SHARE)).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void impactIsComplaintsTimesMeanNegativity() {
        // negativity (1 - s) / 2: -1 -> 1, 0 -> 0.5, +1 -> 0
        CauseMetrics c = derived(TestStats.ofComplaint(-1).merge(TestStats.ofComplaint(0)).merge(TestStats.ofComplaint(1)), 3);
        assertThat(c.get(Impact.IMPACT)).isCloseTo(1.5, within(1e-12));
        double meanNegativity = (1 - c.get(Sentiment.MEAN_SENTIMENT)) / 2;
        assertThat(c.get(Impact.IMPACT)).isCloseTo(c.get(Volume.COMPLAINTS) * meanNegativity, within(1e-12));
    }

    @Test
    void frequentPainfulCauseOutranksRarePainfulAndFrequentMildCauses() {
        double frequentPainful = derived(TestStats.of(40, -30, 38), 100).get(Impact.IMPACT);
        double rarePainful = derived(TestStats.of(5, -5, 5), 100).get(Impact.IMPACT);
        double frequentMild = derived(TestStats.of(40, 20, 2), 100).get(Impact.IMPACT);
        assertThat(frequentPainful).isGreaterThan(rarePainful).isGreaterThan(0);
        assertThat(frequentPainful).isGreaterThan(frequentMild);
    }

    @Test
    void shareIsComplaintsOverTheMonthsComplaints() {
        assertThat(derived(TestStats.of(25, 0, 0), 200).get(Volume.SHARE)).isCloseTo(0.125, within(1e-12));
        assertThat(MetricDerivation.deriveAll(List.of(new CauseStatsRow("2024-01", "all", "all", "cause", "c", "g",
                TestStats.of(0, 0, 0))), Map.of(), EmergingRule.DEFAULT).get(0).get(Volume.SHARE)).isNaN();
    }
}
