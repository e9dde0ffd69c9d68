package rootcause.metric;

import org.apache.spark.sql.Column;

/**
 * A column of {@code OUT/stats} and the aggregation that fills it in the one {@code groupBy.agg} of the scan. It holds
 * a count or a sum, never a ratio, so months and slices add up.
 *
 * @param name        the column's name
 * @param position    its place in {@code OUT/stats}, from 0; fixed once written
 * @param aggregation the aggregate expression over the scan's entries ({@link CauseStatsRow#ENTRY_SENTIMENT} and the
 *                    metric's own {@link CauseMetric#complaintInputs})
 */
public record StatsColumn(String name, int position, Column aggregation) {}
