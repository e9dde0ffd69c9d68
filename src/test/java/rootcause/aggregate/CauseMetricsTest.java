package rootcause.aggregate;

import rootcause.metric.ShareChange;
import rootcause.metric.EmergingRule;
import rootcause.metric.ScoreImpact;

import org.junit.jupiter.api.Test;
import rootcause.model.CauseInfo;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CauseMetricsTest {
    private static final Map<String, CauseInfo> CAUSES = Map.of(
            "long_wait", new CauseInfo("long_wait", "Long waits", "process", "Process and policy", "waits"),
            "rudeness", new CauseInfo("rudeness", "Rudeness", "people", "People", "rude staff"));

    private static CauseStatsRow total(String month, long n) {
        return new CauseStatsRow(month, "all", "all", "total", "*", "*", new MonthlyCauseStats(n, 0, 0));
    }

    private static CauseStatsRow cause(String month, String id, String group, long n, double sum, long neg) {
        return new CauseStatsRow(month, "all", "all", "cause", id, group, new MonthlyCauseStats(n, sum, neg));
    }

    @Test
    void derivesSharesNamesAndChangeAgainstTheCalendarMonthBefore() {
        List<CauseMetrics> metrics = CauseMetrics.deriveAll(List.of(
                total("2024-01", 100), total("2024-02", 100),
                cause("2024-01", "long_wait", "process", 10, -5, 8),
                cause("2024-02", "long_wait", "process", 20, -12, 18),
                cause("2024-02", "rudeness", "people", 6, -6, 6)), CAUSES, EmergingRule.DEFAULT);

        assertThat(metrics).extracting(CauseMetrics::month, CauseMetrics::causeId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2024-01", "long_wait"),
                        org.assertj.core.groups.Tuple.tuple("2024-02", "long_wait"),
                        org.assertj.core.groups.Tuple.tuple("2024-02", "rudeness"));
        CauseMetrics january = metrics.get(0);
        assertThat(january.changeInShare()).isNull();
        assertThat(january.emerging()).isFalse();
        CauseMetrics wait = metrics.get(1);
        assertThat(wait.causeName()).isEqualTo("Long waits");
        assertThat(wait.causeGroupName()).isEqualTo("Process and policy");
        assertThat(wait.share()).isCloseTo(0.20, within(1e-12));
        assertThat(wait.meanSentiment()).isCloseTo(-0.6, within(1e-12));
        assertThat(wait.negativeShare()).isCloseTo(0.9, within(1e-12));
        assertThat(wait.impact()).isCloseTo(16.0, within(1e-12));
        assertThat(wait.changeInShare()).isCloseTo(0.10, within(1e-12));
        assertThat(wait.changePValue()).isCloseTo(0.04767038, within(1e-6));
        assertThat(wait.emergingRule()).isEqualTo(EmergingRule.SHARE_ROSE);
        CauseMetrics rude = metrics.get(2);
        assertThat(rude.previousComplaints()).isZero();
        assertThat(rude.changeTest()).as("expected count 3 < 5").isEqualTo(ShareChange.FISHER);
        // BH over {rudeness, long_wait}: rudeness's smaller p x 2 / 1 is above long_wait's p x 2 / 2, so both get q = 0.0477
        assertThat(rude.changeQValue()).isCloseTo(0.04767038, within(1e-6));
        assertThat(rude.emergingRule()).as("new cause with 6 >= 5 complaints").isEqualTo(EmergingRule.NEW_CAUSE);
    }

    @Test
    void qValuesAreAdjustedWithinTheMonthAndEmergingFollowsThem() {
        // The same rise as long_wait above (p = 0.048) among 22 causes that did not move: q = 23 x 0.048 > 0.05.
        List<CauseStatsRow> rows = new java.util.ArrayList<>(List.of(total("2024-01", 100), total("2024-02", 100),
                cause("2024-01", "long_wait", "process", 10, -5, 8), cause("2024-02", "long_wait", "process", 20, -12, 18)));
        for (int i = 0; i < 22; i++) {
            rows.add(cause("2024-01", "other_" + i, "misc", 10, 0, 0));
            rows.add(cause("2024-02", "other_" + i, "misc", 10, 0, 0));
        }
        rows.add(cause("2024-02", "unclassified", "unclassified", 50, 0, 0));
        List<CauseMetrics> metrics = CauseMetrics.deriveAll(rows, CAUSES, EmergingRule.DEFAULT);
        CauseMetrics wait = metrics.stream().filter(m -> m.month().equals("2024-02") && m.causeId().equals("long_wait"))
                .findFirst().orElseThrow();
        assertThat(wait.changePValue()).isCloseTo(0.04767038, within(1e-6));
        assertThat(wait.changeQValue()).as("23 tests, ranked first: min over ranks of 23/rank x p")
                .isCloseTo(Math.min(1, 23 * 0.04767038), within(1e-6));
        assertThat(wait.changeTest()).isEqualTo(ShareChange.Z_TEST);
        assertThat(wait.emerging()).isFalse();
        CauseMetrics unclassified = metrics.stream().filter(m -> m.causeId().equals("unclassified")).findFirst().orElseThrow();
        assertThat(unclassified.changePValue()).isNotNull();
        assertThat(unclassified.changeQValue()).as("unclassified is not tested").isNull();
        assertThat(unclassified.emerging()).isFalse();
    }

    @Test
    void noChangeIsCalledAcrossALowVolumeMonth() {
        // 0 of 20 -> 15 of 1,000 would be a "new" cause; January is below 30 complaints
        List<CauseMetrics> metrics = CauseMetrics.deriveAll(List.of(total("2024-01", 20), total("2024-02", 1000),
                cause("2024-01", "long_wait", "process", 2, 0, 0),
                cause("2024-02", "long_wait", "process", 300, 0, 0),
                cause("2024-02", "rudeness", "people", 400, 0, 0)), CAUSES, EmergingRule.DEFAULT);
        assertThat(metrics).extracting(CauseMetrics::month, CauseMetrics::lowVolume).containsExactly(
                org.assertj.core.groups.Tuple.tuple("2024-01", true), org.assertj.core.groups.Tuple.tuple("2024-02", false),
                org.assertj.core.groups.Tuple.tuple("2024-02", false));
        CauseMetrics rude = metrics.stream().filter(m -> m.causeId().equals("rudeness")).findFirst().orElseThrow();
        assertThat(rude.changeQValue()).isLessThan(0.001);
        assertThat(rude.emerging()).isFalse();
        assertThat(CauseMetrics.deriveAll(List.of(total("2024-01", 30), total("2024-02", 1000),
                cause("2024-02", "rudeness", "people", 400, 0, 0)), CAUSES, EmergingRule.DEFAULT).get(0).emergingRule())
                .as("the same rise against a month of 30").isEqualTo(EmergingRule.NEW_CAUSE);
    }

    @Test
    void aChangeOfTaxonomyBetweenTheMonthsIsNotCalledEmerging() {
        List<String> v1 = List.of("t 1.0.0 (sha256 aaa)");
        List<String> v2 = List.of("t 1.0.0 (sha256 bbb)");
        List<CauseStatsRow> rows = List.of(
                new CauseStatsRow("2024-01", "all", "all", "total", "*", "*", new MonthlyCauseStats(1000, 0, 0), v1),
                new CauseStatsRow("2024-02", "all", "all", "total", "*", "*", new MonthlyCauseStats(1000, 0, 0), v2),
                cause("2024-02", "rudeness", "people", 400, 0, 0));
        CauseMetrics rude = CauseMetrics.deriveAll(rows, CAUSES, EmergingRule.DEFAULT).get(0);
        assertThat(rude.taxonomyVersion()).isEqualTo("t 1.0.0 (sha256 bbb)");
        assertThat(rude.taxonomyChanged()).isTrue();
        assertThat(rude.changeQValue()).isLessThan(0.001);
        assertThat(rude.emerging()).isFalse();
        List<CauseStatsRow> same = List.of(rows.get(0),
                new CauseStatsRow("2024-02", "all", "all", "total", "*", "*", new MonthlyCauseStats(1000, 0, 0), v1),
                rows.get(2));
        CauseMetrics again = CauseMetrics.deriveAll(same, CAUSES, EmergingRule.DEFAULT).get(0);
        assertThat(again.taxonomyChanged()).isFalse();
        assertThat(again.emerging()).isTrue();
    }

    @Test
    void scoreImpactIsTheMonthsMeanScoreMinusTheMeanWithoutTheCause() {
        // scores 1, 2, 1 with the cause; 5, 4, 5, 4, 5, 4, 5 without: mean 3.6 against 32 / 7
        ScoreImpact.Moments cause = ScoreImpact.Moments.of(1, 2, 1);
        ScoreImpact.Moments all = cause.plus(ScoreImpact.Moments.of(5, 4, 5, 4, 5, 4, 5));
        List<CauseMetrics> metrics = CauseMetrics.deriveAll(List.of(
                new CauseStatsRow("2024-01", "all", "all", "total", "*", "*", new MonthlyCauseStats(12, 0, 0, all)),
                new CauseStatsRow("2024-01", "all", "all", "cause", "rudeness", "people", new MonthlyCauseStats(4, -3, 3, cause)),
                cause("2024-01", "long_wait", "process", 2, 0, 0)), CAUSES, EmergingRule.DEFAULT);
        CauseMetrics rude = metrics.stream().filter(m -> m.causeId().equals("rudeness")).findFirst().orElseThrow();
        assertThat(rude.scoredComplaints()).isEqualTo(3);
        assertThat(rude.meanScore()).isCloseTo(4.0 / 3, within(1e-12));
        assertThat(rude.meanScoreWithout()).isCloseTo(32.0 / 7, within(1e-12));
        assertThat(rude.scoreImpact()).isCloseTo(3.6 - 32.0 / 7, within(1e-12));
        assertThat(rude.scoreImpactLow()).isLessThan(rude.scoreImpact());
        assertThat(rude.scoreImpactHigh()).isGreaterThan(rude.scoreImpact()).isLessThan(0);
        CauseMetrics wait = metrics.stream().filter(m -> m.causeId().equals("long_wait")).findFirst().orElseThrow();
        assertThat(wait.scoredComplaints()).isZero();
        assertThat(wait.meanScore()).isNull();
        assertThat(wait.scoreImpact()).as("no scored complaint with the cause").isNull();
    }

    @Test
    void npsPointsAreTheMonthsNpsMinusTheNpsWithoutTheCausesAnswers() {
        // 10 answers: the cause's 2, 6, 8, 10 and the rest's 9, 10, 9, 7, 3, 10. NPS of all: 5 promoters and
        // 3 detractors of 10 = 20; of the rest: 4 and 1 of 6 = 50; the cause costs -30 points (ScoreImpactTest).
        ScoreImpact.NpsCounts cause = ScoreImpact.NpsCounts.of(2, 6, 8, 10);
        ScoreImpact.NpsCounts all = cause.plus(ScoreImpact.NpsCounts.of(9, 10, 9, 7, 3, 10));
        ScoreImpact.Moments causeScores = ScoreImpact.Moments.of(2, 6, 8, 10);
        ScoreImpact.Moments allScores = causeScores.plus(ScoreImpact.Moments.of(9, 10, 9, 7, 3, 10));
        List<CauseMetrics> metrics = CauseMetrics.deriveAll(List.of(
                new CauseStatsRow("2024-01", "all", "all", "total", "*", "*", new MonthlyCauseStats(12, 0, 0, allScores, all)),
                new CauseStatsRow("2024-01", "all", "all", "cause", "rudeness", "people",
                        new MonthlyCauseStats(4, -3, 3, causeScores, cause)),
                cause("2024-01", "long_wait", "process", 2, 0, 0)), CAUSES, EmergingRule.DEFAULT);
        CauseMetrics rude = metrics.stream().filter(m -> m.causeId().equals("rudeness")).findFirst().orElseThrow();
        assertThat(rude.npsPoints()).isCloseTo(-30.0, within(1e-12));
        assertThat(rude.scoreImpact()).as("the mean-score impact as before").isCloseTo(7.4 - 48.0 / 6, within(1e-12));
        assertThat(metrics.stream().filter(m -> m.causeId().equals("long_wait")).findFirst().orElseThrow().npsPoints())
                .as("no NPS answer with the cause").isNull();
    }

    @Test
    void gapMonthHasNothingToCompareWith() {
        List<CauseMetrics> metrics = CauseMetrics.deriveAll(List.of(total("2024-01", 50), total("2024-03", 50),
                cause("2024-01", "long_wait", "process", 5, 0, 0),
                cause("2024-03", "long_wait", "process", 30, 0, 0)), CAUSES, EmergingRule.DEFAULT);
        assertThat(metrics.get(1).month()).isEqualTo("2024-03");
        assertThat(metrics.get(1).changeInShare()).isNull();
        assertThat(metrics.get(1).emerging()).isFalse();
    }

    @Test
    void unknownCauseKeepsItsIdAsNameAndUnclassifiedIsNamed() {
        List<CauseMetrics> metrics = CauseMetrics.deriveAll(List.of(total("2024-01", 10),
                cause("2024-01", "not_in_taxonomy", "misc", 1, 0, 0),
                cause("2024-01", "unclassified", "unclassified", 4, -1, 1)), CAUSES, EmergingRule.DEFAULT);
        assertThat(metrics).extracting(CauseMetrics::causeName).containsExactly("Unclassified", "not_in_taxonomy");
    }

    @Test
    void ordersByImpactWithinAMonth() {
        List<CauseMetrics> metrics = CauseMetrics.deriveAll(List.of(total("2024-01", 100),
                cause("2024-01", "rudeness", "people", 5, -5, 5),
                cause("2024-01", "long_wait", "process", 30, -10, 20)), CAUSES, EmergingRule.DEFAULT);
        assertThat(metrics).extracting(CauseMetrics::causeId).containsExactly("long_wait", "rudeness");
    }
}
