package rootcause.metric;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

import java.util.List;

/**
 * One per-cause metric, after deequ's analyzers: its mergeable state (addable counts and sums, stored in
 * {@code OUT/stats}), how the one scan fills that state, how its values derive from it, and where they show: columns of
 * {@code OUT/causes}, of {@code root-causes.csv} and cells of the report. {@link CauseMetricRegistry} lists the metrics
 * and builds the schemas, the scan and the CSV from them; nothing else names a metric's columns.
 *
 * @param <S> the state; {@link Void} for a metric derived from other metrics' values alone
 */
public interface CauseMetric<S> {

    /** The state of no complaints: merging it with any state gives that state back. */
    S emptyState();

    /** The state of two disjoint sets of complaints (other months, slices or runs) as one. */
    S merge(S a, S b);

    /**
     * Columns of each complaint this metric aggregates, aliased to internal names ({@code rc_…}), from the complaints'
     * schema (a column written only by newer runs may be missing).
     */
    default List<Column> complaintInputs(StructType complaints) {
        return List.of();
    }

    /** Its columns in {@code OUT/stats}, each with its aggregation in the scan's one {@code groupBy.agg}. */
    default List<StatsColumn> statsColumns() {
        return List.of();
    }

    /** Its state from a row of {@code OUT/stats} holding a cause's (or group's, or month's) counts. */
    S stateOf(Row statsRow);

    /** Its state from a row holding one outcome value's counts: none, unless the metric is broken down by outcome. */
    default S stateOfOutcomeRow(Row statsRow) {
        return emptyState();
    }

    /**
     * Puts its values into every row of one family (the causes, or the groups, of one month and slice). The values of
     * the metrics listed before it in the registry are already there.
     */
    void derive(List<MetricRow> family);

    /** Its values, which are its columns of {@code OUT/causes}. */
    List<MetricValue<?>> values();

    /** Its columns of {@code root-causes.csv}. */
    default List<CsvColumn> csvColumns() {
        return List.of();
    }

    /** Its cells in the report's tables. */
    default List<ReportCell> reportCells() {
        return List.of();
    }

    /** A metric whose values derive from other metrics' values and states alone: it keeps no state of its own. */
    interface Derived extends CauseMetric<Void> {
        @Override
        default Void emptyState() {
            return null;
        }

        @Override
        default Void merge(Void a, Void b) {
            return null;
        }

        @Override
        default Void stateOf(Row statsRow) {
            return null;
        }
    }
}
