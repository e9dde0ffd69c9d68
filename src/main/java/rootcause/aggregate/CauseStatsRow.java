package rootcause.aggregate;

import rootcause.metric.OutcomeCounts;

import java.util.List;

/**
 * One row of the single aggregation pass: the statistics of one cause, group or month total in one
 * month and one slice (dimension = value).
 *
 * @param month          {@code YYYY-MM}
 * @param dimension      {@link AggregateStage#ALL}, {@code source}, {@code channel}, {@code product} or {@code region}
 * @param dimensionValue the slice's value ({@link AggregateStage#ALL} for the whole month)
 * @param level          {@link CauseMetrics#LEVEL_CAUSE}, {@link CauseMetrics#LEVEL_GROUP} or {@link CauseMetrics#LEVEL_TOTAL}
 * @param causeId        cause id, group id, or {@link CauseMetrics#TOTAL_ID}
 * @param causeGroup     the cause's group id (the group id itself for groups)
 * @param stats          counts and sums
 * @param taxonomyVersions the distinct {@code taxonomy_version}s of the row's complaints, sorted (empty when unknown)
 * @param outcomes       complaints per outcome and value (e.g. company_response = "Closed with monetary relief")
 */
public record CauseStatsRow(String month, String dimension, String dimensionValue, String level, String causeId,
                            String causeGroup, MonthlyCauseStats stats, List<String> taxonomyVersions,
                            OutcomeCounts outcomes) {

    public CauseStatsRow {
        taxonomyVersions = List.copyOf(taxonomyVersions);
    }

    /** A row of complaints whose taxonomy is not known. */
    public CauseStatsRow(String month, String dimension, String dimensionValue, String level, String causeId,
                         String causeGroup, MonthlyCauseStats stats) {
        this(month, dimension, dimensionValue, level, causeId, causeGroup, stats, List.of());
    }

    /** A row without outcomes. */
    public CauseStatsRow(String month, String dimension, String dimensionValue, String level, String causeId,
                         String causeGroup, MonthlyCauseStats stats, List<String> taxonomyVersions) {
        this(month, dimension, dimensionValue, level, causeId, causeGroup, stats, taxonomyVersions, OutcomeCounts.EMPTY);
    }
}
