package rootcause.aggregate;

import rootcause.metric.CauseMetricRegistry;
import rootcause.metric.CauseMetrics;
import rootcause.metric.CauseStatsRow;
import rootcause.metric.EmergingRule;
import rootcause.metric.MetricDerivation;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import rootcause.model.CauseInfo;
import rootcause.model.CauseMatch;
import rootcause.model.Columns;
import rootcause.model.StageInput;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.transform;

/**
 * Month x cause aggregates (whole month and per source, channel, product, region; causes and cause groups) from
 * classified complaints, in one Spark scan. Runs on the driver: the one {@code groupBy.agg} result is small
 * and collected, metrics are derived by {@link MetricDerivation}, and the returned Dataset is a local relation,
 * so writing it and reporting from it never re-run the stages before.
 */
public final class AggregateStage {

    /** Slices besides the whole month; a complaint with a null value is left out of that dimension only. */
    public static final List<String> DIMENSIONS = List.of(Columns.SOURCE, Columns.CHANNEL, Columns.PRODUCT, Columns.REGION);

    public static final List<String> REQUIRED_COLUMNS = List.of(Columns.COMPLAINT_ID, Columns.SOURCE, Columns.CHANNEL,
            Columns.PRODUCT, Columns.REGION, Columns.SCORE, Columns.MONTH, Columns.IS_DUPLICATE, Columns.SENTIMENT_SCORE,
            Columns.CAUSES);

    /** Schema of {@code OUT/causes} (partitioned by {@code month}), built from the metrics' declarations. */
    public static final StructType OUTPUT_SCHEMA = CauseMetricRegistry.CAUSES_SCHEMA;

    /**
     * Columns of {@link #statistics}, i.e. of {@code OUT/stats}: the addable counts and sums of one month, slice and
     * cause, and one more row per outcome value stated (outcome_name set), holding that value's counts.
     */
    public static final List<String> STATS_COLUMNS = CauseMetricRegistry.STATS_COLUMNS;

    // Internal columns and the fields of the structs built per complaint (never in the output).
    private static final String DOC_SENTIMENT = "rc_doc_sentiment";
    private static final String COMPLAINT_CAUSES = "rc_causes";
    private static final String SLICE = "rc_slice";
    private static final String SLICE_DIMENSION = "dimension";
    private static final String SLICE_VALUE = "value";
    private static final String COMPLAINT_OUTCOMES = "rc_outcomes";
    private static final String OUTCOME = "rc_outcome";

    private final Map<String, CauseInfo> causes;
    private final EmergingRule emergingRule;

    public AggregateStage(Map<String, CauseInfo> causes, EmergingRule emergingRule) {
        this.causes = Map.copyOf(causes);
        this.emergingRule = emergingRule;
    }

    /** Aggregates classified complaints into rows of {@link #OUTPUT_SCHEMA}; runs the one Spark scan now. */
    public Dataset<Row> aggregate(Dataset<Row> complaints) {
        return derive(statistics(complaints));
    }

    /**
     * Derives rows of {@link #OUTPUT_SCHEMA} from rows of {@link #statistics} (of one scan, or read back from
     * {@code OUT/stats} and unioned: each month's rows are its own, so months computed apart combine). Collects them.
     */
    public Dataset<Row> derive(Dataset<Row> statistics) {
        StageInput.require("aggregate (statistics)", statistics, STATS_COLUMNS);
        List<CauseMetrics> metrics = MetricDerivation.deriveAll(CauseMetricRegistry.statsRows(statistics.collectAsList()),
                causes, emergingRule);
        return toDataset(statistics.sparkSession(), metrics);
    }

    private static void checkInput(Dataset<Row> complaints) {
        StageInput.require("aggregate", complaints, REQUIRED_COLUMNS);
    }

    /**
     * The single pass, lazily: non-duplicates, one row per (month, slice, cause or group or total, outcome value),
     * one groupBy.agg, columns {@link #STATS_COLUMNS}. Every row is of one month, and all sums add up, so a month's
     * rows can be stored and later derived from beside other months' ({@link #derive}).
     */
    public static Dataset<Row> statistics(Dataset<Row> complaints) {
        checkInput(complaints);
        DataType causesType = complaints.schema().apply(Columns.CAUSES).dataType();
        List<Column> perComplaint = new ArrayList<>(List.of(col(Columns.MONTH),
                col(Columns.SOURCE).cast("string").as(Columns.SOURCE), col(Columns.CHANNEL).cast("string").as(Columns.CHANNEL),
                col(Columns.PRODUCT).cast("string").as(Columns.PRODUCT), col(Columns.REGION).cast("string").as(Columns.REGION),
                coalesce(col(Columns.SENTIMENT_SCORE), lit(0.0)).as(DOC_SENTIMENT),
                coalesce(col(Columns.CAUSES), array().cast(causesType)).as(COMPLAINT_CAUSES),
                outcomeEntries(complaints).as(COMPLAINT_OUTCOMES)));
        perComplaint.addAll(CauseMetricRegistry.complaintInputs(complaints.schema()));
        Dataset<Row> entries = complaints
                .where(not(coalesce(col(Columns.IS_DUPLICATE), lit(false))).and(col(Columns.MONTH).isNotNull()))
                .select(perComplaint.toArray(Column[]::new))
                .withColumn(SLICE, explode(slices()))
                .withColumn(CauseStatsRow.ENTRY, explode(entriesPerComplaint()))
                .drop(Columns.SOURCE, Columns.CHANNEL, Columns.PRODUCT, Columns.REGION, DOC_SENTIMENT, COMPLAINT_CAUSES)
                // one more copy of each entry per outcome the complaint states: its counts per outcome value
                .withColumn(OUTCOME, explode(concat(array(outcome(lit(null), lit(null))), col(COMPLAINT_OUTCOMES))))
                .drop(COMPLAINT_OUTCOMES);
        List<Column> aggregations = CauseMetricRegistry.statsAggregations();
        return entries
                .groupBy(col(Columns.MONTH), col(SLICE).getField(SLICE_DIMENSION).as(CauseMetrics.DIMENSION.column()),
                        col(SLICE).getField(SLICE_VALUE).as(CauseMetrics.DIMENSION_VALUE.column()),
                        col(CauseStatsRow.ENTRY).getField(CauseStatsRow.ENTRY_LEVEL).as(CauseMetrics.LEVEL.column()),
                        col(CauseStatsRow.ENTRY).getField(CauseStatsRow.ENTRY_ID).as(CauseMetrics.CAUSE_ID.column()),
                        col(OUTCOME).getField(CauseStatsRow.OUTCOME_NAME).as(CauseStatsRow.OUTCOME_NAME),
                        col(OUTCOME).getField(CauseStatsRow.OUTCOME_VALUE).as(CauseStatsRow.OUTCOME_VALUE))
                .agg(aggregations.get(0), aggregations.subList(1, aggregations.size()).toArray(Column[]::new))
                .select(STATS_COLUMNS.stream().map(functions::col).toArray(Column[]::new));
    }

    /** The outcomes a complaint states, as an array of (name, value); empty without the column or a value. */
    private static Column outcomeEntries(Dataset<Row> complaints) {
        if (!Arrays.asList(complaints.columns()).contains(Columns.OUTCOMES)) {
            return filter(array(outcome(lit(null), lit(null))), x -> lit(false));
        }
        return transform(filter(coalesce(col(Columns.OUTCOMES),
                                array().cast(complaints.schema().apply(Columns.OUTCOMES).dataType())),
                        e -> e.getField(Columns.OUTCOME_VALUE).isNotNull()),
                e -> outcome(e.getField(Columns.OUTCOME_NAME), e.getField(Columns.OUTCOME_VALUE)));
    }

    private static Column outcome(Column name, Column value) {
        return struct(name.cast(DataTypes.StringType).as(CauseStatsRow.OUTCOME_NAME),
                value.cast(DataTypes.StringType).as(CauseStatsRow.OUTCOME_VALUE));
    }

    /** The whole month plus each dimension whose value is present. */
    private static Column slices() {
        List<Column> slices = new ArrayList<>();
        slices.add(slice(lit(CauseMetrics.ALL), lit(CauseMetrics.ALL)));
        for (String d : DIMENSIONS) {
            slices.add(slice(lit(d), col(d)));
        }
        return filter(array(slices.toArray(Column[]::new)), s -> s.getField(SLICE_VALUE).isNotNull());
    }

    private static Column slice(Column dimension, Column value) {
        return struct(dimension.as(SLICE_DIMENSION), value.as(SLICE_VALUE));
    }

    /**
     * Per complaint: one entry per cause (its sentiment), one per cause group (mean of its causes' sentiment),
     * an unclassified cause and group when nothing matched (the document sentiment), and one month-total entry.
     */
    private static Column entriesPerComplaint() {
        Column causes = col(COMPLAINT_CAUSES);
        Column unclassified = lit(Columns.UNCLASSIFIED);
        Column perCause = transform(causes, c -> entry(CauseMetrics.LEVEL_CAUSE, c.getField(CauseMatch.CAUSE_ID),
                coalesce(c.getField(CauseMatch.CAUSE_GROUP), unclassified), causeSentiment(c)));
        Column perGroup = transform(array_distinct(transform(causes, c -> c.getField(CauseMatch.CAUSE_GROUP))), g -> {
            Column ofGroup = filter(causes, c -> c.getField(CauseMatch.CAUSE_GROUP).eqNullSafe(g));
            Column mean = functions.aggregate(ofGroup, lit(0.0), (acc, c) -> acc.plus(causeSentiment(c))).divide(size(ofGroup));
            return entry(CauseMetrics.LEVEL_GROUP, coalesce(g, unclassified), coalesce(g, unclassified), mean);
        });
        Column none = filter(array(entry(CauseMetrics.LEVEL_CAUSE, unclassified, unclassified, col(DOC_SENTIMENT)),
                entry(CauseMetrics.LEVEL_GROUP, unclassified, unclassified, col(DOC_SENTIMENT))), x -> size(causes).equalTo(0));
        Column total = array(entry(CauseMetrics.LEVEL_TOTAL, lit(CauseMetrics.TOTAL_ID), lit(CauseMetrics.TOTAL_ID),
                col(DOC_SENTIMENT)));
        return concat(perCause, perGroup, none, total);
    }

    private static Column causeSentiment(Column cause) {
        return coalesce(cause.getField(CauseMatch.SENTIMENT), lit(0.0));
    }

    private static Column entry(String level, Column id, Column group, Column sentiment) {
        return struct(lit(level).as(CauseStatsRow.ENTRY_LEVEL), id.as(CauseStatsRow.ENTRY_ID),
                group.as(CauseStatsRow.ENTRY_GROUP), sentiment.cast(DataTypes.DoubleType).as(CauseStatsRow.ENTRY_SENTIMENT));
    }

    private static Dataset<Row> toDataset(SparkSession spark, List<CauseMetrics> metrics) {
        return spark.createDataFrame(metrics.stream().map(CauseMetricRegistry::rowOf).toList(), OUTPUT_SCHEMA);
    }

    /** Reads rows of {@link #OUTPUT_SCHEMA} (e.g. from {@code OUT/causes}) back into metrics by name, on the driver. */
    public static List<CauseMetrics> collectMetrics(Dataset<Row> aggregates) {
        return CauseMetricRegistry.collect(aggregates);
    }
}
