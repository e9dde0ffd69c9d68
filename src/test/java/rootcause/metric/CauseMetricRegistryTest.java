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

    /*
     * The one place the published columns are written out by hand. Runs read earlier months' OUT/stats back, and
     * docs/REPORTS.md promises OUT/causes: a published column is never dropped, renamed, retyped or moved past
     * another. A new metric adds its own columns at its places without editing these lists; every other test takes
     * the columns from the registry.
     */

    /** OUT/stats as runs have written it. */
    static final List<String> PUBLISHED_STATS_COLUMNS = List.of("month", "dimension", "dimension_value", "level",
            "cause_id", "outcome_name", "outcome_value", "complaints", "sentiment_sum", "negative_complaints",
            "cause_group", "taxonomy_versions", "scored_complaints", "score_sum", "score_sum_of_squares",
            "nps_answers", "nps_promoters", "nps_detractors", "sentiment_histogram");

    /** {@code OUT/causes} as docs/REPORTS.md promises it: name, type, "?" when nullable. */
    static final List<String> PUBLISHED_CAUSES_COLUMNS = List.of("month string", "dimension string",
            "dimension_value string", "level string", "cause_id string", "cause_name string", "cause_group string",
            "cause_group_name string", "complaints bigint", "month_complaints bigint", "sentiment_sum double",
            "negative_complaints bigint", "share double", "mean_sentiment double", "negative_share double", "impact double",
            "previous_complaints bigint?", "previous_month_complaints bigint?", "previous_share double?",
            "change_in_share double?", "change_p_value double?", "change_q_value double?", "change_test string?",
            "low_volume boolean", "emerging boolean", "emerging_rule string?", "scored_complaints bigint", "mean_score double?",
            "mean_score_without double?", "score_impact double?", "score_impact_low double?", "score_impact_high double?",
            "nps_points double?", "outcome_rates string?", "taxonomy_version string?", "taxonomy_changed boolean?",
            "median_sentiment double?");

    @Test
    void statsKeepThePublishedColumnsInTheirOrder() {
        assertThat(CauseMetricRegistry.STATS_COLUMNS).containsSubsequence(PUBLISHED_STATS_COLUMNS).doesNotHaveDuplicates();
    }

    @Test
    void causesKeepThePublishedColumnsInTheirOrderWithTheirTypes() {
        List<String> described = java.util.Arrays.stream(CauseMetricRegistry.CAUSES_SCHEMA.fields())
                .map(f -> f.name() + " " + f.dataType().simpleString() + (f.nullable() ? "?" : "")).toList();
        assertThat(described).containsSubsequence(PUBLISHED_CAUSES_COLUMNS);
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
