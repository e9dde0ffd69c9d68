package rootcause.metric;

import org.apache.spark.sql.Column;

import java.util.List;

import static org.apache.spark.sql.functions.col;

/**
 * One row of the single aggregation pass ({@code OUT/stats}): the statistics of one cause, group or month total in one
 * month and one slice (dimension = value). The constants name the scan's key columns and what it gives each metric.
 *
 * @param month          {@code YYYY-MM}
 * @param dimension      {@link CauseMetrics#ALL}, {@code source}, {@code channel}, {@code product} or {@code region}
 * @param dimensionValue the slice's value ({@link CauseMetrics#ALL} for the whole month)
 * @param level          {@link CauseMetrics#LEVEL_CAUSE}, {@link CauseMetrics#LEVEL_GROUP} or {@link CauseMetrics#LEVEL_TOTAL}
 * @param causeId        cause id, group id, or {@link CauseMetrics#TOTAL_ID}
 * @param causeGroup     the cause's group id (the group id itself for groups)
 * @param stats          every metric's counts and sums
 */
public record CauseStatsRow(String month, String dimension, String dimensionValue, String level, String causeId,
                            String causeGroup, MonthlyCauseStats stats) {

    /** The columns an outcome row of {@code OUT/stats} carries besides the key of its cause: the outcome and its value. */
    public static final String OUTCOME_NAME = "outcome_name";
    public static final String OUTCOME_VALUE = "outcome_value";

    /** The scan's key columns: one row per month, slice, level, cause and outcome value (null on a cause's own row). */
    public static final List<String> KEY_COLUMNS = List.of(CauseMetrics.MONTH.column(), CauseMetrics.DIMENSION.column(),
            CauseMetrics.DIMENSION_VALUE.column(), CauseMetrics.LEVEL.column(), CauseMetrics.CAUSE_ID.column(),
            OUTCOME_NAME, OUTCOME_VALUE);

    /** The struct the scan explodes each complaint into, one per cause, group and month total it counts for. */
    public static final String ENTRY = "rc_entry";
    public static final String ENTRY_LEVEL = "level";
    public static final String ENTRY_ID = "id";
    public static final String ENTRY_GROUP = "grp";
    public static final String ENTRY_SENTIMENT = "sentiment";

    /** The entry's sentiment in [-1, 1]: the cause's, the mean of a group's causes, or the complaint's for a total. */
    public static Column entrySentiment() {
        return col(ENTRY).getField(ENTRY_SENTIMENT);
    }

    /** The cause's group, stated on every stats row after the counts of the sentiment metric. */
    static final StatsColumn CAUSE_GROUP = new StatsColumn(CauseMetrics.CAUSE_GROUP.column(), 10,
            org.apache.spark.sql.functions.max(col(ENTRY).getField(ENTRY_GROUP)));
}
