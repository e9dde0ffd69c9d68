package rootcause.metric;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CauseMetricRegistryTest {

    /**
     * The registry's list is the one hand-written line a new metric needs (its place in the derivation order); a
     * metric class left out of it would never be computed, so this fails naming it.
     */
    @Test
    void everyMetricClassIsRegistered() {
        var classes = new com.tngtech.archunit.core.importer.ClassFileImporter()
                .withImportOption(com.tngtech.archunit.core.importer.ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("rootcause.metric");
        List<String> metricClasses = classes.stream().filter(c -> c.isAssignableTo(CauseMetric.class)
                        && !c.isInterface() && !c.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.ABSTRACT))
                .map(com.tngtech.archunit.core.domain.JavaClass::getName).toList();
        assertThat(metricClasses).hasSizeGreaterThanOrEqualTo(11);
        assertThat(CauseMetricRegistry.METRICS.stream().map(m -> m.getClass().getName()).toList())
                .containsExactlyInAnyOrderElementsOf(metricClasses);
    }

    /** OUT/stats as runs have written it: later runs read earlier months' statistics back. */
    @Test
    void statsColumnsAreThePublishedOnesInTheirOrder() {
        assertThat(CauseMetricRegistry.STATS_COLUMNS).containsExactly("month", "dimension", "dimension_value", "level",
                "cause_id", "outcome_name", "outcome_value", "complaints", "sentiment_sum", "negative_complaints",
                "cause_group", "taxonomy_versions", "scored_complaints", "score_sum", "score_sum_of_squares",
                "nps_answers", "nps_promoters", "nps_detractors", "sentiment_histogram");
    }

    @Test
    void everyValueIsOneColumnOfOutCauses() {
        assertThat(CauseMetricRegistry.CAUSES_SCHEMA.fieldNames())
                .containsExactlyElementsOf(CauseMetricRegistry.VALUES.stream().map(MetricValue::column).toList())
                .doesNotHaveDuplicates();
    }

    @Test
    void aPlaceTakenTwiceOrLeftEmptyFailsNamingTheColumns() {
        List<MetricValue<?>> twice = List.of(MetricValue.count("a", 0), MetricValue.count("b", 1), MetricValue.count("c", 1));
        assertThatThrownBy(() -> CauseMetricRegistry.inOrder("OUT/causes", twice, MetricValue::position, MetricValue::column))
                .hasMessageContaining("OUT/causes: place 2 is empty or taken twice").hasMessageContaining("1 b")
                .hasMessageContaining("1 c");
        List<MetricValue<?>> gap = List.of(MetricValue.count("a", 0), MetricValue.count("c", 2));
        assertThatThrownBy(() -> CauseMetricRegistry.inOrder("OUT/causes", gap, MetricValue::position, MetricValue::column))
                .hasMessageContaining("place 1 is empty or taken twice");
    }

    @Test
    void aRowMustNameEveryValueItsDeclarationDoesNotAllowToBeNull() {
        CauseMetrics built = MetricDerivation.deriveAll(List.of(
                new CauseStatsRow("2024-01", "all", "all", "total", "*", "*", TestStats.of(10, 0, 0)),
                new CauseStatsRow("2024-01", "all", "all", "cause", "c", "g", TestStats.of(4, -2, 2))),
                java.util.Map.of(), EmergingRule.DEFAULT).get(0);
        assertThat(built.with(NpsPoints.NPS_POINTS, null).get(NpsPoints.NPS_POINTS)).isNull();
        assertThatThrownBy(() -> built.with(Volume.COMPLAINTS, null))
                .hasMessageContaining("metric value complaints is null but not nullable");
    }
}
