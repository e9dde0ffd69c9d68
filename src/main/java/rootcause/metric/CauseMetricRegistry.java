package rootcause.metric;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;

/**
 * The per-cause metrics, and everything built from their declarations: the schema of {@code OUT/causes}, the columns
 * and aggregations of {@code OUT/stats}, the per-complaint inputs of the scan, reading stats rows into states, the
 * columns of {@code root-causes.csv} and the report's cells. A column's place comes from its own declaration; this
 * class fails at load on a place taken twice or left empty, so a new metric cannot silently reorder a file.
 */
public final class CauseMetricRegistry {
    private CauseMetricRegistry() {}

    /** The metrics in the order they derive: each reads only the values of those before it. */
    public static final List<CauseMetric<?>> METRICS = List.of(Volume.METRIC, Sentiment.METRIC, Impact.METRIC,
            ChangeInShare.METRIC, LowVolume.METRIC, TaxonomyVersion.METRIC, Emerging.METRIC, CustomerScoreImpact.METRIC,
            NpsPoints.METRIC, OutcomeRates.METRIC, MedianSentiment.METRIC);

    /** Which cause, month and slice a row is about: the first columns of {@code OUT/causes}. */
    private static final List<MetricValue<?>> IDENTITY = List.of(CauseMetrics.MONTH, CauseMetrics.DIMENSION,
            CauseMetrics.DIMENSION_VALUE, CauseMetrics.LEVEL, CauseMetrics.CAUSE_ID, CauseMetrics.CAUSE_NAME,
            CauseMetrics.CAUSE_GROUP, CauseMetrics.CAUSE_GROUP_NAME);

    /** Every value of a {@link CauseMetrics} row, in the column order of {@code OUT/causes}. */
    public static final List<MetricValue<?>> VALUES = inOrder("OUT/causes", Stream.concat(IDENTITY.stream(),
            METRICS.stream().flatMap(m -> m.values().stream())).toList(), MetricValue::position, MetricValue::column);

    /** Schema of {@code OUT/causes} (partitioned by {@code month}). */
    public static final StructType CAUSES_SCHEMA = new StructType(VALUES.stream().map(MetricValue::field)
            .toArray(StructField[]::new));

    /** The aggregations of the scan: each metric's, and the cause's group. */
    private static final List<StatsColumn> AGGREGATIONS = Stream.concat(
            METRICS.stream().flatMap(m -> m.statsColumns().stream()), Stream.of(CauseStatsRow.CAUSE_GROUP)).toList();

    /** Columns of {@code OUT/stats}, in order: the scan's key columns, then the aggregations at their places. */
    public static final List<String> STATS_COLUMNS = inOrder("OUT/stats", Stream.concat(
                    CauseStatsRow.KEY_COLUMNS.stream().map(k -> new StatsColumn(k, CauseStatsRow.KEY_COLUMNS.indexOf(k), null)),
                    AGGREGATIONS.stream()).toList(), StatsColumn::position, StatsColumn::name)
            .stream().map(StatsColumn::name).toList();

    /** The columns of {@code root-causes.csv} that show values: the identity's and the metrics', by place. */
    public static final List<CsvColumn> CSV_COLUMNS = Stream.concat(Stream.of(
                    new CsvColumn("month", 0, CauseMetrics.MONTH, CsvColumn.Format.TEXT),
                    new CsvColumn("cause_id", 1, CauseMetrics.CAUSE_ID, CsvColumn.Format.TEXT),
                    new CsvColumn("cause", 2, CauseMetrics.CAUSE_NAME, CsvColumn.Format.TEXT),
                    new CsvColumn("group", 3, CauseMetrics.CAUSE_GROUP_NAME, CsvColumn.Format.TEXT),
                    new CsvColumn("group_id", 12, CauseMetrics.CAUSE_GROUP, CsvColumn.Format.TEXT)),
            METRICS.stream().flatMap(m -> m.csvColumns().stream()))
            .sorted(Comparator.comparingInt(CsvColumn::position)).toList();

    /** The scan's aggregations, each named after its column. */
    public static List<Column> statsAggregations() {
        return AGGREGATIONS.stream().map(c -> c.aggregation().as(c.name())).toList();
    }

    /** What the scan keeps of each complaint for the metrics, given the complaints' schema. */
    public static List<Column> complaintInputs(StructType complaints) {
        return METRICS.stream().flatMap(m -> m.complaintInputs(complaints).stream()).toList();
    }

    /** The cells of one of the report's tables. */
    public static List<ReportCell> reportCells(ReportCell.Table table) {
        return METRICS.stream().flatMap(m -> m.reportCells().stream()).filter(c -> c.table() == table).toList();
    }

    /**
     * Rows of {@code OUT/stats} as stats rows: each outcome row (one outcome value's counts) folded into the row of its
     * cause, month and slice.
     */
    public static List<CauseStatsRow> statsRows(List<Row> rows) {
        Map<List<String>, MonthlyCauseStats> outcomes = new HashMap<>();
        for (Row r : rows) {
            if (r.getAs(CauseStatsRow.OUTCOME_NAME) != null) {
                MonthlyCauseStats stats = MonthlyCauseStats.EMPTY;
                for (CauseMetric<?> m : METRICS) {
                    stats = withOutcomeState(stats, m, r);
                }
                outcomes.merge(keyOf(r), stats, MonthlyCauseStats::merge);
            }
        }
        List<CauseStatsRow> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            if (r.getAs(CauseStatsRow.OUTCOME_NAME) != null) {
                continue;
            }
            MonthlyCauseStats stats = MonthlyCauseStats.EMPTY;
            for (CauseMetric<?> m : METRICS) {
                stats = withState(stats, m, r);
            }
            out.add(new CauseStatsRow(r.getAs(CauseMetrics.MONTH.column()), r.getAs(CauseMetrics.DIMENSION.column()),
                    r.getAs(CauseMetrics.DIMENSION_VALUE.column()), r.getAs(CauseMetrics.LEVEL.column()),
                    r.getAs(CauseMetrics.CAUSE_ID.column()), r.getAs(CauseMetrics.CAUSE_GROUP.column()),
                    stats.merge(outcomes.getOrDefault(keyOf(r), MonthlyCauseStats.EMPTY))));
        }
        return out;
    }

    private static List<String> keyOf(Row r) {
        return List.of(r.getAs(CauseMetrics.MONTH.column()), r.getAs(CauseMetrics.DIMENSION.column()),
                r.getAs(CauseMetrics.DIMENSION_VALUE.column()), r.getAs(CauseMetrics.LEVEL.column()),
                r.getAs(CauseMetrics.CAUSE_ID.column()));
    }

    private static <S> MonthlyCauseStats withState(MonthlyCauseStats stats, CauseMetric<S> metric, Row r) {
        return stats.with(metric, metric.stateOf(r));
    }

    private static <S> MonthlyCauseStats withOutcomeState(MonthlyCauseStats stats, CauseMetric<S> metric, Row r) {
        return stats.with(metric, metric.stateOfOutcomeRow(r));
    }

    /** A row of {@link #CAUSES_SCHEMA}. */
    public static Row rowOf(CauseMetrics metrics) {
        return RowFactory.create(VALUES.stream().map(v -> metrics.values().get(v.column())).toArray());
    }

    /**
     * Rows of {@link #CAUSES_SCHEMA} (e.g. read back from {@code OUT/causes}) as metrics, by column name, in
     * {@link CauseMetrics#ORDER}; collected on the driver.
     */
    public static List<CauseMetrics> collect(Dataset<Row> causes) {
        List<CauseMetrics> out = new ArrayList<>();
        for (Row r : causes.collectAsList()) {
            out.add(metricsOf(r));
        }
        out.sort(CauseMetrics.ORDER);
        return out;
    }

    /** A row of {@link #CAUSES_SCHEMA} (e.g. read back from {@code OUT/causes}) as metrics, by column name. */
    public static CauseMetrics metricsOf(Row row) {
        Map<String, Object> values = new HashMap<>();
        for (MetricValue<?> v : VALUES) {
            values.put(v.column(), row.getAs(v.column()));
        }
        return checked(values);
    }

    /** Metrics from values by column name, each checked against its declaration; every value must be named. */
    static CauseMetrics checked(Map<String, Object> values) {
        Set<String> unknown = new HashSet<>(values.keySet());
        Map<String, Object> complete = new HashMap<>();
        for (MetricValue<?> v : VALUES) {
            unknown.remove(v.column());
            complete.put(v.column(), v.cast(values.get(v.column())));
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("not metric values: " + unknown);
        }
        return new CauseMetrics(complete);
    }

    /** The items sorted by place, which must run 0, 1, 2, … without a gap or a place taken twice. */
    static <T> List<T> inOrder(String file, List<T> items, ToIntFunction<T> position, Function<T, String> name) {
        List<T> sorted = items.stream().sorted(Comparator.comparingInt(position)).toList();
        for (int i = 0; i < sorted.size(); i++) {
            if (position.applyAsInt(sorted.get(i)) != i) {
                throw new IllegalStateException(file + ": place " + i + " is empty or taken twice; columns by place: "
                        + sorted.stream().map(t -> position.applyAsInt(t) + " " + name.apply(t)).toList());
            }
        }
        return sorted;
    }
}
