package rootcause.aggregate;

import rootcause.metric.ScoreImpact;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MonthlyCauseStatsTest {

    @Test
    void mergeAddsCountsAndSums() {
        MonthlyCauseStats a = MonthlyCauseStats.ofComplaint(-0.5).merge(MonthlyCauseStats.ofComplaint(0.25));
        MonthlyCauseStats b = MonthlyCauseStats.ofComplaint(-1.0);
        MonthlyCauseStats merged = a.merge(b);
        assertThat(merged.complaints()).isEqualTo(3);
        assertThat(merged.sentimentSum()).isCloseTo(-1.25, within(1e-12));
        assertThat(merged.negativeComplaints()).isEqualTo(2);
    }

    @Test
    void mergeIsAssociativeAndEmptyIsNeutral() {
        MonthlyCauseStats a = new MonthlyCauseStats(4, -1.5, 3);
        MonthlyCauseStats b = new MonthlyCauseStats(2, 0.5, 0);
        MonthlyCauseStats c = new MonthlyCauseStats(7, -3.0, 5);
        assertThat(a.merge(b).merge(c)).isEqualTo(a.merge(b.merge(c)));
        assertThat(a.merge(MonthlyCauseStats.EMPTY)).isEqualTo(a);
    }

    @Test
    void mergeAddsScoresAndNpsCountsToo() {
        MonthlyCauseStats a = new MonthlyCauseStats(2, -1, 2, ScoreImpact.Moments.of(2, 10), ScoreImpact.NpsCounts.of(2, 10));
        MonthlyCauseStats b = new MonthlyCauseStats(1, 0.5, 0, ScoreImpact.Moments.of(8), ScoreImpact.NpsCounts.of(8));
        MonthlyCauseStats c = new MonthlyCauseStats(3, -2, 2, ScoreImpact.Moments.of(0, 9, 9), ScoreImpact.NpsCounts.of(0, 9, 9));
        MonthlyCauseStats all = a.merge(b).merge(c);
        assertThat(all).isEqualTo(a.merge(b.merge(c)));
        assertThat(all.nps()).isEqualTo(ScoreImpact.NpsCounts.of(2, 10, 8, 0, 9, 9)).isEqualTo(new ScoreImpact.NpsCounts(6, 3, 2));
        assertThat(all.scores()).isEqualTo(ScoreImpact.Moments.of(2, 10, 8, 0, 9, 9));
        assertThat(a.merge(MonthlyCauseStats.EMPTY)).isEqualTo(a);
    }

    @Test
    void metricsOfMergedStatsEqualMetricsOfAllComplaintsTogether() {
        // Averaging two means would give (-0.5 + 0.5) / 2 = 0; the pooled mean is -0.25.
        MonthlyCauseStats january = new MonthlyCauseStats(3, -1.5, 3);
        MonthlyCauseStats february = new MonthlyCauseStats(1, 0.5, 0);
        MonthlyCauseStats both = january.merge(february);
        assertThat(both.meanSentiment()).isCloseTo(-0.25, within(1e-12));
        assertThat(both.negativeShare()).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void impactIsComplaintsTimesMeanNegativity() {
        // negativity (1 - s) / 2: -1 -> 1, 0 -> 0.5, +1 -> 0
        MonthlyCauseStats stats = MonthlyCauseStats.ofComplaint(-1).merge(MonthlyCauseStats.ofComplaint(0))
                .merge(MonthlyCauseStats.ofComplaint(1));
        assertThat(stats.impact()).isCloseTo(1.5, within(1e-12));
        double meanNegativity = (1 - stats.meanSentiment()) / 2;
        assertThat(stats.impact()).isCloseTo(stats.complaints() * meanNegativity, within(1e-12));
    }

    @Test
    void frequentPainfulCauseOutranksRarePainfulAndFrequentMildCauses() {
        MonthlyCauseStats frequentPainful = new MonthlyCauseStats(40, -30, 38);
        MonthlyCauseStats rarePainful = new MonthlyCauseStats(5, -5, 5);
        MonthlyCauseStats frequentMild = new MonthlyCauseStats(40, 20, 2);
        assertThat(frequentPainful.impact()).isGreaterThan(rarePainful.impact()).isGreaterThan(0);
        assertThat(frequentPainful.impact()).isGreaterThan(frequentMild.impact());
    }

    @Test
    void shareIsComplaintsOverTheMonthsComplaints() {
        assertThat(new MonthlyCauseStats(25, 0, 0).shareOf(200)).isCloseTo(0.125, within(1e-12));
        assertThat(new MonthlyCauseStats(0, 0, 0).shareOf(0)).isNaN();
    }

    @Test
    void rejectsMoreNegativeComplaintsThanComplaints() {
        assertThatThrownBy(() -> new MonthlyCauseStats(1, -2, 2)).hasMessageContaining("negativeComplaints 2");
    }
}
