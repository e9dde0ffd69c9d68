package rootcause.aggregate;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import rootcause.model.CauseInfo;
import rootcause.model.Columns;
import rootcause.model.StageInput;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * Month x cause aggregates (whole month and per source, channel, product; causes and cause groups) from
 * classified complaints, in one Spark scan. Runs on the driver: the one {@code groupBy.agg} result is small
 * and collected, metrics are derived in {@link CauseMetrics}, and the returned Dataset is a local relation,
 * so writing it and reporting from it never re-run the stages before.
 */
public final class AggregateStage {

    public static final String ALL = "all";
    public static final String DIMENSION = "dimension";
    public static final String DIMENSION_VALUE = "dimension_value";
    public static final String LEVEL = "level";
    public static final String CAUSE_NAME = "cause_name";
    public static final String CAUSE_GROUP = "cause_group";
    public static final String CAUSE_GROUP_NAME = "cause_group_name";
    public static final String CAUSE_ID = "cause_id";
    public static final String COMPLAINTS = "complaints";
    public static final String MONTH_COMPLAINTS = "month_complaints";
    public static final String SENTIMENT_SUM = "sentiment_sum";
    public static final String NEGATIVE_COMPLAINTS = "negative_complaints";
    public static final String SHARE = "share";
    public static final String MEAN_SENTIMENT = "mean_sentiment";
    public static final String NEGATIVE_SHARE = "negative_share";
    public static final String IMPACT = "impact";
    public static final String PREVIOUS_COMPLAINTS = "previous_complaints";
    public static final String PREVIOUS_MONTH_COMPLAINTS = "previous_month_complaints";
    public static final String PREVIOUS_SHARE = "previous_share";
    public static final String CHANGE_IN_SHARE = "change_in_share";
    public static final String CHANGE_P_VALUE = "change_p_value";
    public static final String EMERGING = "emerging";

    /** Slices besides the whole month; a complaint with a null value is left out of that dimension only. */
    public static final List<String> DIMENSIONS = List.of(Columns.SOURCE, Columns.CHANNEL, Columns.PRODUCT);

    public static final List<String> REQUIRED_COLUMNS = List.of(Columns.COMPLAINT_ID, Columns.SOURCE, Columns.CHANNEL,
            Columns.PRODUCT, Columns.MONTH, Columns.IS_DUPLICATE, Columns.SENTIMENT_SCORE, Columns.CAUSES);

    /** Schema of {@code OUT/causes} (partitioned by {@code month}). */
    public static final StructType OUTPUT_SCHEMA = new StructType()
            .add(Columns.MONTH, DataTypes.StringType, false)
            .add(DIMENSION, DataTypes.StringType, false)
            .add(DIMENSION_VALUE, DataTypes.StringType, false)
            .add(LEVEL, DataTypes.StringType, false)
            .add(CAUSE_ID, DataTypes.StringType, false)
            .add(CAUSE_NAME, DataTypes.StringType, false)
            .add(CAUSE_GROUP, DataTypes.StringType, false)
            .add(CAUSE_GROUP_NAME, DataTypes.StringType, false)
            .add(COMPLAINTS, DataTypes.LongType, false)
            .add(MONTH_COMPLAINTS, DataTypes.LongType, false)
            .add(SENTIMENT_SUM, DataTypes.DoubleType, false)
            .add(NEGATIVE_COMPLAINTS, DataTypes.LongType, false)
            .add(SHARE, DataTypes.DoubleType, false)
            .add(MEAN_SENTIMENT, DataTypes.DoubleType, false)
            .add(NEGATIVE_SHARE, DataTypes.DoubleType, false)
            .add(IMPACT, DataTypes.DoubleType, false)
            .add(PREVIOUS_COMPLAINTS, DataTypes.LongType, true)
            .add(PREVIOUS_MONTH_COMPLAINTS, DataTypes.LongType, true)
            .add(PREVIOUS_SHARE, DataTypes.DoubleType, true)
            .add(CHANGE_IN_SHARE, DataTypes.DoubleType, true)
            .add(CHANGE_P_VALUE, DataTypes.DoubleType, true)
            .add(EMERGING, DataTypes.BooleanType, false);

    private final Map<String, CauseInfo> causes;
    private final EmergingRule emergingRule;

    public AggregateStage(Map<String, CauseInfo> causes, EmergingRule emergingRule) {
        this.causes = Map.copyOf(causes);
        this.emergingRule = emergingRule;
    }

    /** Aggregates classified complaints into rows of {@link #OUTPUT_SCHEMA}; runs the one Spark scan now. */
    public Dataset<Row> aggregate(Dataset<Row> complaints) {
        checkInput(complaints);
        List<CauseStatsRow> stats = collectStats(complaints);
        List<CauseMetrics> metrics = CauseMetrics.deriveAll(stats, causes, emergingRule);
        return toDataset(complaints.sparkSession(), metrics);
    }

    private static void checkInput(Dataset<Row> complaints) {
        StageInput.require("aggregate", complaints, REQUIRED_COLUMNS);
    }

    /** The single pass: non-duplicates, one row per (slice, cause or group or total), one groupBy.agg. */
    private static List<CauseStatsRow> collectStats(Dataset<Row> complaints) {
        DataType causesType = complaints.schema().apply(Columns.CAUSES).dataType();
        Dataset<Row> entries = complaints
                .where(not(coalesce(col(Columns.IS_DUPLICATE), lit(false))).and(col(Columns.MONTH).isNotNull()))
                .select(col(Columns.MONTH), col(Columns.SOURCE).cast("string").as(Columns.SOURCE),
                        col(Columns.CHANNEL).cast("string").as(Columns.CHANNEL),
                        col(Columns.PRODUCT).cast("string").as(Columns.PRODUCT),
                        coalesce(col(Columns.SENTIMENT_SCORE), lit(0.0)).as("rc_doc_sentiment"),
                        coalesce(col(Columns.CAUSES), array().cast(causesType)).as("rc_causes"))
                .withColumn("rc_slice", explode(slices()))
                .select(col(Columns.MONTH), col("rc_slice"), explode(entriesPerComplaint()).as("rc_entry"));
        List<Row> rows = entries
                .groupBy(col(Columns.MONTH), col("rc_slice.dimension").as(DIMENSION),
                        col("rc_slice.value").as(DIMENSION_VALUE), col("rc_entry.level").as(LEVEL),
                        col("rc_entry.id").as(CAUSE_ID))
                .agg(count(lit(1)).as(COMPLAINTS),
                        sum(col("rc_entry.sentiment")).as(SENTIMENT_SUM),
                        sum(when(col("rc_entry.sentiment").lt(0), 1L).otherwise(0L)).as(NEGATIVE_COMPLAINTS),
                        max(col("rc_entry.grp")).as(CAUSE_GROUP))
                .collectAsList();
        List<CauseStatsRow> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            out.add(new CauseStatsRow(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                    r.getString(8), new MonthlyCauseStats(r.getLong(5), r.getDouble(6), r.getLong(7))));
        }
        return out;
    }

    /** The whole month plus each dimension whose value is present. */
    private static Column slices() {
        StringBuilder sql = new StringBuilder("filter(array(named_struct('dimension', '" + ALL + "', 'value', '" + ALL + "')");
        for (String d : DIMENSIONS) {
            sql.append(", named_struct('dimension', '").append(d).append("', 'value', ").append(d).append(")");
        }
        return expr(sql.append("), s -> s.value is not null)").toString());
    }

    /**
     * Per complaint: one entry per cause (its sentiment), one per cause group (mean of its causes' sentiment),
     * an unclassified cause and group when nothing matched (the document sentiment), and one month-total entry.
     */
    private static Column entriesPerComplaint() {
        String groupSentiment = "aggregate(filter(rc_causes, c -> c.cause_group <=> g), 0D, (acc, c) -> acc + coalesce(c.sentiment, 0D))"
                + " / size(filter(rc_causes, c -> c.cause_group <=> g))";
        String u = Columns.UNCLASSIFIED;
        return expr("concat("
                + "transform(rc_causes, c -> named_struct('level', '" + CauseMetrics.LEVEL_CAUSE + "', 'id', c.cause_id,"
                + " 'grp', coalesce(c.cause_group, '" + u + "'), 'sentiment', coalesce(c.sentiment, 0D))),"
                + "transform(array_distinct(transform(rc_causes, c -> c.cause_group)), g -> named_struct('level', '"
                + CauseMetrics.LEVEL_GROUP + "', 'id', coalesce(g, '" + u + "'), 'grp', coalesce(g, '" + u + "'), 'sentiment', "
                + groupSentiment + ")),"
                + "filter(array(named_struct('level', '" + CauseMetrics.LEVEL_CAUSE + "', 'id', '" + u + "', 'grp', '" + u
                + "', 'sentiment', rc_doc_sentiment), named_struct('level', '" + CauseMetrics.LEVEL_GROUP + "', 'id', '" + u
                + "', 'grp', '" + u + "', 'sentiment', rc_doc_sentiment)), x -> size(rc_causes) = 0),"
                + "array(named_struct('level', '" + CauseMetrics.LEVEL_TOTAL + "', 'id', '" + CauseMetrics.TOTAL_ID
                + "', 'grp', '" + CauseMetrics.TOTAL_ID + "', 'sentiment', rc_doc_sentiment)))");
    }

    private static Dataset<Row> toDataset(SparkSession spark, List<CauseMetrics> metrics) {
        List<Row> rows = new ArrayList<>(metrics.size());
        for (CauseMetrics m : metrics) {
            rows.add(RowFactory.create(m.month(), m.dimension(), m.dimensionValue(), m.level(), m.causeId(), m.causeName(),
                    m.causeGroup(), m.causeGroupName(), m.complaints(), m.monthComplaints(), m.sentimentSum(),
                    m.negativeComplaints(), m.share(), m.meanSentiment(), m.negativeShare(), m.impact(),
                    m.previousComplaints(), m.previousMonthComplaints(), m.previousShare(), m.changeInShare(),
                    m.changePValue(), m.emerging()));
        }
        return spark.createDataFrame(rows, OUTPUT_SCHEMA);
    }

    /** Reads rows of {@link #OUTPUT_SCHEMA} (e.g. from {@code OUT/causes}) back into metrics, on the driver. */
    public static List<CauseMetrics> collectMetrics(Dataset<Row> aggregates) {
        List<CauseMetrics> out = new ArrayList<>();
        for (Row r : aggregates.select(Arrays.stream(OUTPUT_SCHEMA.fieldNames()).map(org.apache.spark.sql.functions::col)
                .toArray(Column[]::new)).collectAsList()) {
            out.add(new CauseMetrics(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                    r.getString(5), r.getString(6), r.getString(7), r.getLong(8), r.getLong(9), r.getDouble(10),
                    r.getLong(11), r.getDouble(12), r.getDouble(13), r.getDouble(14), r.getDouble(15),
                    (Long) r.get(16), (Long) r.get(17), (Double) r.get(18), (Double) r.get(19), (Double) r.get(20),
                    r.getBoolean(21)));
        }
        out.sort(CauseMetrics.ORDER);
        return out;
    }
}
