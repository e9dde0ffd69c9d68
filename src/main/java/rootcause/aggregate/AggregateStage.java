package rootcause.aggregate;

import rootcause.metric.EmergingRule;
import rootcause.metric.ScoreImpact;
import rootcause.metric.OutcomeCounts;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import rootcause.model.CauseInfo;
import rootcause.model.CauseMatch;
import rootcause.model.Columns;
import rootcause.model.StageInput;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.when;

/**
 * Month x cause aggregates (whole month and per source, channel, product, region; causes and cause groups) from
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
    public static final String CHANGE_Q_VALUE = "change_q_value";
    public static final String CHANGE_TEST = "change_test";
    public static final String LOW_VOLUME = "low_volume";
    public static final String EMERGING = "emerging";
    public static final String EMERGING_RULE = "emerging_rule";
    public static final String SCORED_COMPLAINTS = "scored_complaints";
    public static final String MEAN_SCORE = "mean_score";
    public static final String MEAN_SCORE_WITHOUT = "mean_score_without";
    public static final String SCORE_IMPACT = "score_impact";
    public static final String SCORE_IMPACT_LOW = "score_impact_low";
    public static final String SCORE_IMPACT_HIGH = "score_impact_high";
    public static final String NPS_POINTS = "nps_points";
    public static final String OUTCOME_RATES = "outcome_rates";
    public static final String TAXONOMY_VERSION = Columns.TAXONOMY_VERSION;
    public static final String TAXONOMY_CHANGED = "taxonomy_changed";

    /** Slices besides the whole month; a complaint with a null value is left out of that dimension only. */
    public static final List<String> DIMENSIONS = List.of(Columns.SOURCE, Columns.CHANNEL, Columns.PRODUCT, Columns.REGION);

    public static final List<String> REQUIRED_COLUMNS = List.of(Columns.COMPLAINT_ID, Columns.SOURCE, Columns.CHANNEL,
            Columns.PRODUCT, Columns.REGION, Columns.SCORE, Columns.MONTH, Columns.IS_DUPLICATE, Columns.SENTIMENT_SCORE,
            Columns.CAUSES);

    /** One column of {@code OUT/causes}: its name, type, nullability, and where a {@link CauseMetrics} keeps it. */
    private record Field(String name, DataType type, boolean nullable, Function<CauseMetrics, Object> value) {}

    /** The columns of {@code OUT/causes}, in order; {@link #OUTPUT_SCHEMA} and the rows are built from this list. */
    private static final List<Field> FIELDS = List.of(
            new Field(Columns.MONTH, DataTypes.StringType, false, CauseMetrics::month),
            new Field(DIMENSION, DataTypes.StringType, false, CauseMetrics::dimension),
            new Field(DIMENSION_VALUE, DataTypes.StringType, false, CauseMetrics::dimensionValue),
            new Field(LEVEL, DataTypes.StringType, false, CauseMetrics::level),
            new Field(CAUSE_ID, DataTypes.StringType, false, CauseMetrics::causeId),
            new Field(CAUSE_NAME, DataTypes.StringType, false, CauseMetrics::causeName),
            new Field(CAUSE_GROUP, DataTypes.StringType, false, CauseMetrics::causeGroup),
            new Field(CAUSE_GROUP_NAME, DataTypes.StringType, false, CauseMetrics::causeGroupName),
            new Field(COMPLAINTS, DataTypes.LongType, false, CauseMetrics::complaints),
            new Field(MONTH_COMPLAINTS, DataTypes.LongType, false, CauseMetrics::monthComplaints),
            new Field(SENTIMENT_SUM, DataTypes.DoubleType, false, CauseMetrics::sentimentSum),
            new Field(NEGATIVE_COMPLAINTS, DataTypes.LongType, false, CauseMetrics::negativeComplaints),
            new Field(SHARE, DataTypes.DoubleType, false, CauseMetrics::share),
            new Field(MEAN_SENTIMENT, DataTypes.DoubleType, false, CauseMetrics::meanSentiment),
            new Field(NEGATIVE_SHARE, DataTypes.DoubleType, false, CauseMetrics::negativeShare),
            new Field(IMPACT, DataTypes.DoubleType, false, CauseMetrics::impact),
            new Field(PREVIOUS_COMPLAINTS, DataTypes.LongType, true, CauseMetrics::previousComplaints),
            new Field(PREVIOUS_MONTH_COMPLAINTS, DataTypes.LongType, true, CauseMetrics::previousMonthComplaints),
            new Field(PREVIOUS_SHARE, DataTypes.DoubleType, true, CauseMetrics::previousShare),
            new Field(CHANGE_IN_SHARE, DataTypes.DoubleType, true, CauseMetrics::changeInShare),
            new Field(CHANGE_P_VALUE, DataTypes.DoubleType, true, CauseMetrics::changePValue),
            new Field(CHANGE_Q_VALUE, DataTypes.DoubleType, true, CauseMetrics::changeQValue),
            new Field(CHANGE_TEST, DataTypes.StringType, true, CauseMetrics::changeTest),
            new Field(LOW_VOLUME, DataTypes.BooleanType, false, CauseMetrics::lowVolume),
            new Field(EMERGING, DataTypes.BooleanType, false, CauseMetrics::emerging),
            new Field(EMERGING_RULE, DataTypes.StringType, true, CauseMetrics::emergingRule),
            new Field(SCORED_COMPLAINTS, DataTypes.LongType, false, CauseMetrics::scoredComplaints),
            new Field(MEAN_SCORE, DataTypes.DoubleType, true, CauseMetrics::meanScore),
            new Field(MEAN_SCORE_WITHOUT, DataTypes.DoubleType, true, CauseMetrics::meanScoreWithout),
            new Field(SCORE_IMPACT, DataTypes.DoubleType, true, CauseMetrics::scoreImpact),
            new Field(SCORE_IMPACT_LOW, DataTypes.DoubleType, true, CauseMetrics::scoreImpactLow),
            new Field(SCORE_IMPACT_HIGH, DataTypes.DoubleType, true, CauseMetrics::scoreImpactHigh),
            new Field(NPS_POINTS, DataTypes.DoubleType, true, CauseMetrics::npsPoints),
            new Field(OUTCOME_RATES, DataTypes.StringType, true, CauseMetrics::outcomeRates),
            new Field(TAXONOMY_VERSION, DataTypes.StringType, true, CauseMetrics::taxonomyVersion),
            new Field(TAXONOMY_CHANGED, DataTypes.BooleanType, true, CauseMetrics::taxonomyChanged));

    /** Schema of {@code OUT/causes} (partitioned by {@code month}). */
    public static final StructType OUTPUT_SCHEMA = new StructType(FIELDS.stream()
            .map(f -> DataTypes.createStructField(f.name(), f.type(), f.nullable())).toArray(StructField[]::new));

    // Internal columns and the fields of the structs built per complaint (never in the output).
    private static final String DOC_SENTIMENT = "rc_doc_sentiment";
    private static final String COMPLAINT_CAUSES = "rc_causes";
    private static final String SLICE = "rc_slice";
    private static final String ENTRY = "rc_entry";
    private static final String SLICE_DIMENSION = "dimension";
    private static final String SLICE_VALUE = "value";
    private static final String ENTRY_LEVEL = "level";
    private static final String ENTRY_ID = "id";
    private static final String ENTRY_GROUP = "grp";
    private static final String ENTRY_SENTIMENT = "sentiment";
    private static final String COMPLAINT_TAXONOMY = "rc_taxonomy";
    private static final String COMPLAINT_SCORE = "rc_score";
    private static final String COMPLAINT_OUTCOMES = "rc_outcomes";
    private static final String OUTCOME = "rc_outcome";
    private static final String COMPLAINT_NPS = "rc_nps";

    // Columns of OUT/stats besides those OUT/causes shares with it (month, dimension, ..., complaints).
    public static final String OUTCOME_NAME = "outcome_name";
    public static final String OUTCOME_VALUE = "outcome_value";
    public static final String SCORE_SUM = "score_sum";
    public static final String SCORE_SUM_OF_SQUARES = "score_sum_of_squares";
    public static final String NPS_ANSWERS = "nps_answers";
    public static final String NPS_PROMOTERS = "nps_promoters";
    public static final String NPS_DETRACTORS = "nps_detractors";
    public static final String TAXONOMY_VERSIONS = "taxonomy_versions";

    /**
     * Columns of {@link #statistics}, i.e. of {@code OUT/stats}: the addable counts and sums of one month, slice and
     * cause, and one more row per outcome value stated (outcome_name set), holding that value's counts.
     */
    public static final List<String> STATS_COLUMNS = List.of(Columns.MONTH, DIMENSION, DIMENSION_VALUE, LEVEL, CAUSE_ID,
            OUTCOME_NAME, OUTCOME_VALUE, COMPLAINTS, SENTIMENT_SUM, NEGATIVE_COMPLAINTS, CAUSE_GROUP, TAXONOMY_VERSIONS,
            SCORED_COMPLAINTS, SCORE_SUM, SCORE_SUM_OF_SQUARES, NPS_ANSWERS, NPS_PROMOTERS, NPS_DETRACTORS);

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
        List<CauseMetrics> metrics = CauseMetrics.deriveAll(statsRows(statistics.collectAsList()), causes, emergingRule);
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
        Dataset<Row> entries = complaints
                .where(not(coalesce(col(Columns.IS_DUPLICATE), lit(false))).and(col(Columns.MONTH).isNotNull()))
                .select(col(Columns.MONTH), col(Columns.SOURCE).cast("string").as(Columns.SOURCE),
                        col(Columns.CHANNEL).cast("string").as(Columns.CHANNEL),
                        col(Columns.PRODUCT).cast("string").as(Columns.PRODUCT),
                        col(Columns.REGION).cast("string").as(Columns.REGION),
                        coalesce(col(Columns.SENTIMENT_SCORE), lit(0.0)).as(DOC_SENTIMENT),
                        col(Columns.SCORE).cast(DataTypes.DoubleType).as(COMPLAINT_SCORE),
                        npsAnswer(complaints).as(COMPLAINT_NPS),
                        coalesce(col(Columns.CAUSES), array().cast(causesType)).as(COMPLAINT_CAUSES),
                        // complaints written before the job recorded the taxonomy have none
                        (Arrays.asList(complaints.columns()).contains(Columns.TAXONOMY_VERSION)
                                ? col(Columns.TAXONOMY_VERSION) : lit(null).cast(DataTypes.StringType)).as(COMPLAINT_TAXONOMY),
                        outcomeEntries(complaints).as(COMPLAINT_OUTCOMES))
                .withColumn(SLICE, explode(slices()))
                .select(col(Columns.MONTH), col(SLICE), col(COMPLAINT_TAXONOMY), col(COMPLAINT_SCORE), col(COMPLAINT_NPS),
                        col(COMPLAINT_OUTCOMES), explode(entriesPerComplaint()).as(ENTRY))
                // one more copy of each entry per outcome the complaint states: its counts per outcome value
                .withColumn(OUTCOME, explode(concat(array(outcome(lit(null), lit(null))), col(COMPLAINT_OUTCOMES))))
                .drop(COMPLAINT_OUTCOMES);
        Column sentiment = col(ENTRY).getField(ENTRY_SENTIMENT);
        return entries
                .groupBy(col(Columns.MONTH), col(SLICE).getField(SLICE_DIMENSION).as(DIMENSION),
                        col(SLICE).getField(SLICE_VALUE).as(DIMENSION_VALUE), col(ENTRY).getField(ENTRY_LEVEL).as(LEVEL),
                        col(ENTRY).getField(ENTRY_ID).as(CAUSE_ID), col(OUTCOME).getField(OUTCOME_NAME).as(OUTCOME_NAME),
                        col(OUTCOME).getField(OUTCOME_VALUE).as(OUTCOME_VALUE))
                .agg(count(lit(1)).as(COMPLAINTS),
                        sum(sentiment).as(SENTIMENT_SUM),
                        sum(when(sentiment.lt(0), 1L).otherwise(0L)).as(NEGATIVE_COMPLAINTS),
                        max(col(ENTRY).getField(ENTRY_GROUP)).as(CAUSE_GROUP),
                        array_sort(collect_set(col(COMPLAINT_TAXONOMY))).as(TAXONOMY_VERSIONS),
                        count(col(COMPLAINT_SCORE)).as(SCORED_COMPLAINTS),
                        coalesce(sum(col(COMPLAINT_SCORE)), lit(0.0)).as(SCORE_SUM),
                        coalesce(sum(col(COMPLAINT_SCORE).multiply(col(COMPLAINT_SCORE))), lit(0.0)).as(SCORE_SUM_OF_SQUARES),
                        count(col(COMPLAINT_NPS)).as(NPS_ANSWERS),
                        sum(when(col(COMPLAINT_NPS).geq(ScoreImpact.NpsCounts.PROMOTER), 1L).otherwise(0L)).as(NPS_PROMOTERS),
                        sum(when(col(COMPLAINT_NPS).leq(ScoreImpact.NpsCounts.DETRACTOR), 1L).otherwise(0L)).as(NPS_DETRACTORS))
                .select(STATS_COLUMNS.stream().map(functions::col).toArray(Column[]::new));
    }

    /** Rows of {@link #statistics} as stats rows: the outcome rows folded into their cause's {@link OutcomeCounts}. */
    private static List<CauseStatsRow> statsRows(List<Row> rows) {
        Map<List<String>, OutcomeCounts> outcomes = new java.util.HashMap<>();
        for (Row r : rows) {
            if (r.getAs(OUTCOME_NAME) != null) {
                outcomes.merge(List.of(r.getAs(Columns.MONTH), r.getAs(DIMENSION), r.getAs(DIMENSION_VALUE), r.getAs(LEVEL),
                                r.getAs(CAUSE_ID)),
                        OutcomeCounts.of(r.getAs(OUTCOME_NAME), r.getAs(OUTCOME_VALUE), r.<Long>getAs(COMPLAINTS)),
                        OutcomeCounts::plus);
            }
        }
        List<CauseStatsRow> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            if (r.getAs(OUTCOME_NAME) != null) {
                continue;
            }
            List<String> key = List.of(r.getAs(Columns.MONTH), r.getAs(DIMENSION), r.getAs(DIMENSION_VALUE),
                    r.getAs(LEVEL), r.getAs(CAUSE_ID));
            out.add(new CauseStatsRow(r.getAs(Columns.MONTH), r.getAs(DIMENSION), r.getAs(DIMENSION_VALUE),
                    r.getAs(LEVEL), r.getAs(CAUSE_ID), r.getAs(CAUSE_GROUP), new MonthlyCauseStats(
                    r.<Long>getAs(COMPLAINTS), r.<Double>getAs(SENTIMENT_SUM), r.<Long>getAs(NEGATIVE_COMPLAINTS),
                    new ScoreImpact.Moments(r.<Long>getAs(SCORED_COMPLAINTS), r.<Double>getAs(SCORE_SUM),
                            r.<Double>getAs(SCORE_SUM_OF_SQUARES)),
                    new ScoreImpact.NpsCounts(r.<Long>getAs(NPS_ANSWERS), r.<Long>getAs(NPS_PROMOTERS),
                            r.<Long>getAs(NPS_DETRACTORS))),
                    r.getList(r.fieldIndex(TAXONOMY_VERSIONS)), outcomes.getOrDefault(key, OutcomeCounts.EMPTY)));
        }
        return out;
    }

    /**
     * The complaint's score when its profile declares it an NPS answer and it lies in 0–10, else null. Complaints
     * written before the scale was recorded have no {@code score_scale}: none of their scores is an answer.
     */
    private static Column npsAnswer(Dataset<Row> complaints) {
        if (!Arrays.asList(complaints.columns()).contains(Columns.SCORE_SCALE)) {
            return lit(null).cast(DataTypes.DoubleType);
        }
        Column score = col(Columns.SCORE).cast(DataTypes.DoubleType);
        return when(col(Columns.SCORE_SCALE).equalTo(Columns.NPS_SCALE)
                .and(score.between(0, ScoreImpact.NpsCounts.MAX_ANSWER)), score);
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
        return struct(name.cast(DataTypes.StringType).as(OUTCOME_NAME), value.cast(DataTypes.StringType).as(OUTCOME_VALUE));
    }

    /** The whole month plus each dimension whose value is present. */
    private static Column slices() {
        List<Column> slices = new ArrayList<>();
        slices.add(slice(lit(ALL), lit(ALL)));
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
        return struct(lit(level).as(ENTRY_LEVEL), id.as(ENTRY_ID), group.as(ENTRY_GROUP),
                sentiment.cast(DataTypes.DoubleType).as(ENTRY_SENTIMENT));
    }

    private static Dataset<Row> toDataset(SparkSession spark, List<CauseMetrics> metrics) {
        List<Row> rows = new ArrayList<>(metrics.size());
        for (CauseMetrics m : metrics) {
            rows.add(RowFactory.create(FIELDS.stream().map(f -> f.value().apply(m)).toArray()));
        }
        return spark.createDataFrame(rows, OUTPUT_SCHEMA);
    }

    /** Reads rows of {@link #OUTPUT_SCHEMA} (e.g. from {@code OUT/causes}) back into metrics by name, on the driver. */
    public static List<CauseMetrics> collectMetrics(Dataset<Row> aggregates) {
        List<CauseMetrics> out = new ArrayList<>();
        for (Row r : aggregates.collectAsList()) {
            out.add(new CauseMetrics(r.getAs(Columns.MONTH), r.getAs(DIMENSION), r.getAs(DIMENSION_VALUE),
                    r.getAs(LEVEL), r.getAs(CAUSE_ID), r.getAs(CAUSE_NAME), r.getAs(CAUSE_GROUP),
                    r.getAs(CAUSE_GROUP_NAME), r.<Long>getAs(COMPLAINTS), r.<Long>getAs(MONTH_COMPLAINTS),
                    r.<Double>getAs(SENTIMENT_SUM), r.<Long>getAs(NEGATIVE_COMPLAINTS), r.<Double>getAs(SHARE),
                    r.<Double>getAs(MEAN_SENTIMENT), r.<Double>getAs(NEGATIVE_SHARE), r.<Double>getAs(IMPACT),
                    r.getAs(PREVIOUS_COMPLAINTS), r.getAs(PREVIOUS_MONTH_COMPLAINTS), r.getAs(PREVIOUS_SHARE),
                    r.getAs(CHANGE_IN_SHARE), r.getAs(CHANGE_P_VALUE), r.getAs(CHANGE_Q_VALUE), r.getAs(CHANGE_TEST),
                    r.<Boolean>getAs(LOW_VOLUME), r.getAs(EMERGING_RULE), r.<Long>getAs(SCORED_COMPLAINTS),
                    r.getAs(MEAN_SCORE), r.getAs(MEAN_SCORE_WITHOUT), r.getAs(SCORE_IMPACT), r.getAs(SCORE_IMPACT_LOW), r.getAs(SCORE_IMPACT_HIGH),
                    r.getAs(NPS_POINTS),
                    r.getAs(OUTCOME_RATES), r.getAs(TAXONOMY_VERSION), r.getAs(TAXONOMY_CHANGED)));
        }
        out.sort(CauseMetrics.ORDER);
        return out;
    }
}
