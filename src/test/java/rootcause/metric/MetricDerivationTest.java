package rootcause.metric;


import org.junit.jupiter.api.Test;
import rootcause.model.CauseInfo;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MetricDerivationTest {
    private static final Map<String, CauseInfo> CAUSES = Map.of(
            "long_wait", new CauseInfo("long_wait", "Long waits", "process", "Process and policy", "waits"),
            "rudeness", new CauseInfo("rudeness", "Rudeness", "people", "People", "rude staff"));

    private static CauseStatsRow total(String month, long n) {
        return new CauseStatsRow(month, "all", "all", "total", "*", "*", TestStats.of(n, 0, 0));
    }

    private static CauseStatsRow cause(String month, String id, String group, long n, double sum, long neg) {
        return new CauseStatsRow(month, "all", "all", "cause", id, group, TestStats.of(n, sum, neg));
    }

    @Test
    void derivesSharesNamesAndChangeAgainstTheCalendarMonthBefore() {
        List<CauseMetrics> metrics = MetricDerivation.deriveAll(List.of(
                total("2024-01", 100), total("2024-02", 100),
                cause("2024-01", "long_wait", "process", 10, -5, 8),
                cause("2024-02", "long_wait", "process", 20, -12, 18),
                cause("2024-02", "rudeness", "people", 6, -6, 6)), CAUSES, EmergingRule.DEFAULT);

        assertThat(metrics).extracting(CauseMetrics::month, CauseMetrics::causeId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2024-01", "long_wait"),
                        org.assertj.core.groups.Tuple.tuple("2024-02", "long_wait"),
                        org.assertj.core.groups.Tuple.tuple("2024-02", "rudeness"));
        CauseMetrics january = metrics.get(0);
        assertThat(january.get(ChangeInShare.CHANGE_IN_SHARE)).isNull();
        assertThat(january.get(Emerging.EMERGING)).isFalse();
        CauseMetrics wait = metrics.get(1);
        assertThat(wait.causeName()).isEqualTo("Long waits");
        assertThat(wait.causeGroupName()).isEqualTo("Process and policy");
        assertThat(wait.get(Volume.SHARE)).isCloseTo(0.20, within(1e-12));
        assertThat(wait.get(Sentiment.MEAN_SENTIMENT)).isCloseTo(-0.6, within(1e-12));
        assertThat(wait.get(Sentiment.NEGATIVE_SHARE)).isCloseTo(0.9, within(1e-12));
        assertThat(wait.get(Impact.IMPACT)).isCloseTo(16.0, within(1e-12));
        assertThat(wait.get(ChangeInShare.CHANGE_IN_SHARE)).isCloseTo(0.10, within(1e-12));
        assertThat(wait.get(ChangeInShare.CHANGE_P_VALUE)).isCloseTo(0.04767038, within(1e-6));
        assertThat(wait.get(Emerging.EMERGING_RULE)).isEqualTo(EmergingRule.SHARE_ROSE);
        CauseMetrics rude = metrics.get(2);
        assertThat(rude.get(ChangeInShare.PREVIOUS_COMPLAINTS)).isZero();
        assertThat(rude.get(ChangeInShare.CHANGE_TEST)).as("expected count 3 < 5").isEqualTo(ShareChange.FISHER);
        // BH over {rudeness, long_wait}: rudeness's smaller p x 2 / 1 is above long_wait's p x 2 / 2, so both get q = 0.0477
        assertThat(rude.get(ChangeInShare.CHANGE_Q_VALUE)).isCloseTo(0.04767038, within(1e-6));
        assertThat(rude.get(Emerging.EMERGING_RULE)).as("new cause with 6 >= 5 complaints").isEqualTo(EmergingRule.NEW_CAUSE);
    }

    @Test
    void aNonDefaultRuleChangesWhichCausesAreFlaggedEmerging() {
        List<CauseStatsRow> rows = List.of(total("2024-01", 100), total("2024-02", 100),
                cause("2024-01", "long_wait", "process", 10, -5, 8),
                cause("2024-02", "long_wait", "process", 20, -12, 18),
                cause("2024-02", "rudeness", "people", 6, -6, 6));
        // The default flags both (share +10 points at q = 0.048; new with 6 >= 5): see the first test.
        assertThat(emerging(MetricDerivation.deriveAll(rows, CAUSES, EmergingRule.DEFAULT)))
                .containsExactly("long_wait", "rudeness");
        // A rise must now be 15 points, and a new cause needs 10 complaints: neither is emerging.
        assertThat(emerging(MetricDerivation.deriveAll(rows, CAUSES, new EmergingRule(0.15, 0.05, 10, 30)))).isEmpty();
        // A stricter false discovery rate alone (q = 0.048 is not below 0.01) flags neither either.
        assertThat(emerging(MetricDerivation.deriveAll(rows, CAUSES, new EmergingRule(0.05, 0.01, 5, 30)))).isEmpty();
        // Months of 100 complaints are too small for a rule that wants 200: no change is called, nothing emerges.
        List<CauseMetrics> small = MetricDerivation.deriveAll(rows, CAUSES, new EmergingRule(0.05, 0.05, 5, 200));
        assertThat(emerging(small)).isEmpty();
        assertThat(small).allSatisfy(m -> assertThat(m.get(LowVolume.LOW_VOLUME)).isTrue());
        // A looser one flags the new cause from 3 complaints on, the rise from 10 points on: the same two.
        assertThat(emerging(MetricDerivation.deriveAll(rows, CAUSES, new EmergingRule(0.10, 0.05, 3, 30))))
                .containsExactly("long_wait", "rudeness");
    }

    private static List<String> emerging(List<CauseMetrics> metrics) {
        return metrics.stream().filter(m -> m.month().equals("2024-02") && m.get(Emerging.EMERGING))
                .map(CauseMetrics::causeId).toList();
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
        List<CauseMetrics> metrics = MetricDerivation.deriveAll(rows, CAUSES, EmergingRule.DEFAULT);
        CauseMetrics wait = metrics.stream().filter(m -> m.month().equals("2024-02") && m.causeId().equals("long_wait"))
                .findFirst().orElseThrow();
        assertThat(wait.get(ChangeInShare.CHANGE_P_VALUE)).isCloseTo(0.04767038, within(1e-6));
        assertThat(wait.get(ChangeInShare.CHANGE_Q_VALUE)).as("23 tests, ranked first: min over ranks of 23/rank x p")
                .isCloseTo(Math.min(1, 23 * 0.04767038), within(1e-6));
        assertThat(wait.get(ChangeInShare.CHANGE_TEST)).isEqualTo(ShareChange.Z_TEST);
        assertThat(wait.get(Emerging.EMERGING)).isFalse();
        CauseMetrics unclassified = metrics.stream().filter(m -> m.causeId().equals("unclassified")).findFirst().orElseThrow();
        assertThat(unclassified.get(ChangeInShare.CHANGE_P_VALUE)).isNotNull();
        assertThat(unclassified.get(ChangeInShare.CHANGE_Q_VALUE)).as("unclassified is not tested").isNull();
        assertThat(unclassified.get(Emerging.EMERGING)).isFalse();
    }

    @Test
    void noChangeIsCalledAcrossALowVolumeMonth() {
        // 0 of 20 -> 15 of 1,000 would be a "new" cause; January is below 30 complaints
        List<CauseMetrics> metrics = MetricDerivation.deriveAll(List.of(total("2024-01", 20), total("2024-02", 1000),
                cause("2024-01", "long_wait", "process", 2, 0, 0),
                cause("2024-02", "long_wait", "process", 300, 0, 0),
                cause("2024-02", "rudeness", "people", 400, 0, 0)), CAUSES, EmergingRule.DEFAULT);
        assertThat(metrics).extracting(CauseMetrics::month, (CauseMetrics c) -> c.get(LowVolume.LOW_VOLUME)).containsExactly(
                org.assertj.core.groups.Tuple.tuple("2024-01", true), org.assertj.core.groups.Tuple.tuple("2024-02", false),
                org.assertj.core.groups.Tuple.tuple("2024-02", false));
        CauseMetrics rude = metrics.stream().filter(m -> m.causeId().equals("rudeness")).findFirst().orElseThrow();
        assertThat(rude.get(ChangeInShare.CHANGE_Q_VALUE)).isLessThan(0.001);
        assertThat(rude.get(Emerging.EMERGING)).isFalse();
        assertThat(MetricDerivation.deriveAll(List.of(total("2024-01", 30), total("2024-02", 1000),
                cause("2024-02", "rudeness", "people", 400, 0, 0)), CAUSES, EmergingRule.DEFAULT).get(0).get(Emerging.EMERGING_RULE))
                .as("the same rise against a month of 30").isEqualTo(EmergingRule.NEW_CAUSE);
    }

    @Test
    void aChangeOfTaxonomyBetweenTheMonthsIsNotCalledEmerging() {
        List<String> v1 = List.of("t 1.0.0 (sha256 aaa)");
        List<String> v2 = List.of("t 1.0.0 (sha256 bbb)");
        List<CauseStatsRow> rows = List.of(
                new CauseStatsRow("2024-01", "all", "all", "total", "*", "*", TestStats.of(1000, 0, 0).with(TaxonomyVersion.METRIC, v1)),
                new CauseStatsRow("2024-02", "all", "all", "total", "*", "*", TestStats.of(1000, 0, 0).with(TaxonomyVersion.METRIC, v2)),
                cause("2024-02", "rudeness", "people", 400, 0, 0));
        CauseMetrics rude = MetricDerivation.deriveAll(rows, CAUSES, EmergingRule.DEFAULT).get(0);
        assertThat(rude.get(TaxonomyVersion.TAXONOMY_VERSION)).isEqualTo("t 1.0.0 (sha256 bbb)");
        assertThat(rude.get(TaxonomyVersion.TAXONOMY_CHANGED)).isTrue();
        assertThat(rude.get(ChangeInShare.CHANGE_Q_VALUE)).isLessThan(0.001);
        assertThat(rude.get(Emerging.EMERGING)).isFalse();
        List<CauseStatsRow> same = List.of(rows.get(0),
                new CauseStatsRow("2024-02", "all", "all", "total", "*", "*", TestStats.of(1000, 0, 0).with(TaxonomyVersion.METRIC, v1)),
                rows.get(2));
        CauseMetrics again = MetricDerivation.deriveAll(same, CAUSES, EmergingRule.DEFAULT).get(0);
        assertThat(again.get(TaxonomyVersion.TAXONOMY_CHANGED)).isFalse();
        assertThat(again.get(Emerging.EMERGING)).isTrue();
    }

    @Test
    void scoreImpactIsTheMonthsMeanScoreMinusTheMeanWithoutTheCause() {
        // scores 1, 2, 1 with the cause; 5, 4, 5, 4, 5, 4, 5 without: mean 3.6 against 32 / 7
        ScoreImpact.Moments cause = ScoreImpact.Moments.of(1, 2, 1);
        ScoreImpact.Moments all = cause.plus(ScoreImpact.Moments.of(5, 4, 5, 4, 5, 4, 5));
        List<CauseMetrics> metrics = MetricDerivation.deriveAll(List.of(
                new CauseStatsRow("2024-01", "all", "all", "total", "*", "*", TestStats.of(12, 0, 0, all)),
                new CauseStatsRow("2024-01", "all", "all", "cause", "rudeness", "people", TestStats.of(4, -3, 3, cause)),
                cause("2024-01", "long_wait", "process", 2, 0, 0)), CAUSES, EmergingRule.DEFAULT);
        CauseMetrics rude = metrics.stream().filter(m -> m.causeId().equals("rudeness")).findFirst().orElseThrow();
        assertThat(rude.get(CustomerScoreImpact.SCORED_COMPLAINTS)).isEqualTo(3);
        assertThat(rude.get(CustomerScoreImpact.MEAN_SCORE)).isCloseTo(4.0 / 3, within(1e-12));
        assertThat(rude.get(CustomerScoreImpact.MEAN_SCORE_WITHOUT)).isCloseTo(32.0 / 7, within(1e-12));
        assertThat(rude.get(CustomerScoreImpact.SCORE_IMPACT)).isCloseTo(3.6 - 32.0 / 7, within(1e-12));
        assertThat(rude.get(CustomerScoreImpact.SCORE_IMPACT_LOW)).isLessThan(rude.get(CustomerScoreImpact.SCORE_IMPACT));
        assertThat(rude.get(CustomerScoreImpact.SCORE_IMPACT_HIGH)).isGreaterThan(rude.get(CustomerScoreImpact.SCORE_IMPACT)).isLessThan(0);
        CauseMetrics wait = metrics.stream().filter(m -> m.causeId().equals("long_wait")).findFirst().orElseThrow();
        assertThat(wait.get(CustomerScoreImpact.SCORED_COMPLAINTS)).isZero();
        assertThat(wait.get(CustomerScoreImpact.MEAN_SCORE)).isNull();
        assertThat(wait.get(CustomerScoreImpact.SCORE_IMPACT)).as("no scored complaint with the cause").isNull();
    }

    @Test
    void npsPointsAreTheMonthsNpsMinusTheNpsWithoutTheCausesAnswers() {
        // 10 answers: the cause's 2, 6, 8, 10 and the rest's 9, 10, 9, 7, 3, 10. NPS of all: 5 promoters and
        // 3 detractors of 10 = 20; of the rest: 4 and 1 of 6 = 50; the cause costs -30 points (ScoreImpactTest).
        ScoreImpact.NpsCounts cause = ScoreImpact.NpsCounts.of(2, 6, 8, 10);
        ScoreImpact.NpsCounts all = cause.plus(ScoreImpact.NpsCounts.of(9, 10, 9, 7, 3, 10));
        ScoreImpact.Moments causeScores = ScoreImpact.Moments.of(2, 6, 8, 10);
        ScoreImpact.Moments allScores = causeScores.plus(ScoreImpact.Moments.of(9, 10, 9, 7, 3, 10));
        List<CauseMetrics> metrics = MetricDerivation.deriveAll(List.of(
                new CauseStatsRow("2024-01", "all", "all", "total", "*", "*", TestStats.of(12, 0, 0, allScores, all)),
                new CauseStatsRow("2024-01", "all", "all", "cause", "rudeness", "people",
                        TestStats.of(4, -3, 3, causeScores, cause)),
                cause("2024-01", "long_wait", "process", 2, 0, 0)), CAUSES, EmergingRule.DEFAULT);
        CauseMetrics rude = metrics.stream().filter(m -> m.causeId().equals("rudeness")).findFirst().orElseThrow();
        assertThat(rude.get(NpsPoints.NPS_POINTS)).isCloseTo(-30.0, within(1e-12));
        assertThat(rude.get(CustomerScoreImpact.SCORE_IMPACT)).as("the mean-score impact as before").isCloseTo(7.4 - 48.0 / 6, within(1e-12));
        assertThat(metrics.stream().filter(m -> m.causeId().equals("long_wait")).findFirst().orElseThrow().get(NpsPoints.NPS_POINTS))
                .as("no NPS answer with the cause").isNull();
    }

    @Test
    void gapMonthHasNothingToCompareWith() {
        List<CauseMetrics> metrics = MetricDerivation.deriveAll(List.of(total("2024-01", 50), total("2024-03", 50),
                cause("2024-01", "long_wait", "process", 5, 0, 0),
                cause("2024-03", "long_wait", "process", 30, 0, 0)), CAUSES, EmergingRule.DEFAULT);
        assertThat(metrics.get(1).month()).isEqualTo("2024-03");
        assertThat(metrics.get(1).get(ChangeInShare.CHANGE_IN_SHARE)).isNull();
        assertThat(metrics.get(1).get(Emerging.EMERGING)).isFalse();
    }

    @Test
    void unknownCauseKeepsItsIdAsNameAndUnclassifiedIsNamed() {
        List<CauseMetrics> metrics = MetricDerivation.deriveAll(List.of(total("2024-01", 10),
                cause("2024-01", "not_in_taxonomy", "misc", 1, 0, 0),
                cause("2024-01", "unclassified", "unclassified", 4, -1, 1)), CAUSES, EmergingRule.DEFAULT);
        assertThat(metrics).extracting(CauseMetrics::causeName).containsExactly("Unclassified", "not_in_taxonomy");
    }

    @Test
    void ordersByImpactWithinAMonth() {
        List<CauseMetrics> metrics = MetricDerivation.deriveAll(List.of(total("2024-01", 100),
                cause("2024-01", "rudeness", "people", 5, -5, 5),
                cause("2024-01", "long_wait", "process", 30, -10, 20)), CAUSES, EmergingRule.DEFAULT);
        assertThat(metrics).extracting(CauseMetrics::causeId).containsExactly("long_wait", "rudeness");
    }
}
