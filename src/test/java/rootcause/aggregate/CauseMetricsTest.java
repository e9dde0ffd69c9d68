package rootcause.aggregate;

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
        assertThat(wait.emerging()).isTrue();
        CauseMetrics rude = metrics.get(2);
        assertThat(rude.previousComplaints()).isZero();
        assertThat(rude.emerging()).as("new cause with 6 >= 5 complaints").isTrue();
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
