package rootcause.report;


import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.storage.StorageLevel;
import rootcause.metric.CauseMetricRegistry;
import rootcause.metric.CauseMetrics;
import rootcause.aggregate.SegmentComparison;
import rootcause.model.CauseMatch;
import rootcause.model.Columns;
import rootcause.model.Evidence;
import rootcause.model.SentenceAnalysis;
import rootcause.model.StageInput;
import rootcause.model.TrendWindow;

import java.io.IOException;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.array_min;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.median;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

/**
 * Writes the monthly report files (CSV, quotes, HTML, PDF, alerts) from the month x cause aggregates and the classified
 * complaints. Spark collects the small aggregate rows and a few quotes per cause to the driver, where the files
 * are written. Give it complaints read back from Parquet (or cached): quotes are one more scan of them.
 */
public final class ReportStage {

    public static final List<String> REQUIRED_COMPLAINT_COLUMNS = List.of(Columns.COMPLAINT_ID, Columns.MONTH,
            Columns.IS_DUPLICATE, Columns.CAUSES, Columns.SENTENCES, Columns.MOST_NEGATIVE_SENTENCE);

    // Internal columns of the quote query.
    private static final String CAUSE = "rc_cause";
    private static final String EVIDENCE = "rc_evidence";
    private static final String CAUSE_ID = "rc_cause_id";
    private static final String SENTENCE = "rc_sentence";
    private static final String POLARITY = "rc_polarity";
    private static final String MATCHED_BY = "rc_matched_by";
    private static final String MATCHED_TEXT = "rc_matched_text";
    private static final String RANK = "rc_rank";
    private static final String KIND = "rc_kind";
    private static final String WORDS = "rc_words";
    private static final String DISTANCE = "rc_distance";

    /** The writer of each month's files. */
    private final Function<String, ReportWriter> writers;
    private final RunCounts counts;
    private final List<String> unchanged = new ArrayList<>();

    public ReportStage(ReportWriter writer, RunCounts counts) {
        this(month -> writer, counts);
    }

    /**
     * A stage whose months need different writers (reclassify: the reclassified months name the new taxonomy file,
     * the months after them the run's), so that one pass collects every month's quotes.
     */
    public ReportStage(Function<String, ReportWriter> writers, RunCounts counts) {
        this.writers = writers;
        this.counts = counts;
    }

    /** Writes the report files of every month present in the aggregates; returns the files written. */
    public List<Path> writeAll(Dataset<Row> aggregates, Dataset<Row> complaints, Path outputRoot) throws IOException {
        return write(aggregates, complaints, outputRoot, List.of());
    }

    /**
     * Writes the report files of the given months (all months present in the aggregates when empty);
     * the other months' aggregates still feed the trend and month-over-month views. A month whose files already
     * show what they would show now is left alone when the writer is given a build ({@link ReportWriter#write}).
     */
    public List<Path> write(Dataset<Row> aggregates, Dataset<Row> complaints, Path outputRoot, List<String> months)
            throws IOException {
        check("aggregates", aggregates, Arrays.asList(CauseMetricRegistry.CAUSES_SCHEMA.fieldNames()));
        check("complaints", complaints, REQUIRED_COMPLAINT_COLUMNS);
        List<CauseMetrics> wholeMonths = CauseMetricRegistry.collect(
                aggregates.where(col(CauseMetrics.DIMENSION.column()).equalTo(CauseMetrics.ALL)));
        TreeSet<String> present = new TreeSet<>();
        wholeMonths.forEach(m -> present.add(m.month()));
        List<String> selected = months.isEmpty() ? List.copyOf(present) : months;
        for (String month : selected) {
            if (!present.contains(month)) {
                throw new IllegalArgumentException("report stage: no aggregates for month " + month
                        + "; months present: " + present);
            }
        }
        Map<String, Map<String, List<Quote>>> quotes = collectQuotes(complaints, selected);
        // The selected months' slices, for the segment comparisons (small: months x slices x causes).
        List<CauseMetrics> sliced = CauseMetricRegistry.collect(aggregates.where(
                col(Columns.MONTH).isin(selected.toArray()).and(col(CauseMetrics.LEVEL.column()).equalTo(CauseMetrics.LEVEL_CAUSE))));
        ZonedDateTime now = ZonedDateTime.now();
        unchanged.clear();
        List<Path> written = new ArrayList<>();
        for (String month : selected) {
            ReportWriter writer = writers.apply(month);
            List<SegmentComparison.Row> segments = SegmentComparison.compare(
                    sliced.stream().filter(m -> m.month().equals(month)).toList(), writer.emergingRule());
            List<Path> files = writer.write(monthReport(month, wholeMonths, quotes.getOrDefault(month, Map.of()), segments),
                    outputRoot, now);
            if (files.isEmpty()) {
                unchanged.add(month);
            }
            written.addAll(files);
        }
        return written;
    }

    /** The months whose report files the last {@link #write} left as they were: {@link ReportWriter#UNCHANGED}. */
    public List<String> unchanged() {
        return List.copyOf(unchanged);
    }

    private MonthReport monthReport(String month, List<CauseMetrics> wholeMonths, Map<String, List<Quote>> quotes,
                                    List<SegmentComparison.Row> segments) {
        String firstTrendMonth = TrendWindow.firstShown(java.time.YearMonth.parse(month)).toString();
        List<CauseMetrics> causes = wholeMonths.stream()
                .filter(m -> m.month().equals(month) && m.level().equals(CauseMetrics.LEVEL_CAUSE)).toList();
        List<CauseMetrics> groups = wholeMonths.stream()
                .filter(m -> m.month().equals(month) && m.level().equals(CauseMetrics.LEVEL_GROUP)).toList();
        List<CauseMetrics> history = wholeMonths.stream().filter(m -> m.level().equals(CauseMetrics.LEVEL_CAUSE)
                && m.month().compareTo(firstTrendMonth) >= 0 && m.month().compareTo(month) <= 0).toList();
        return new MonthReport(month, causes, groups, history, quotes, counts, segments);
    }

    /**
     * Per month and cause, up to {@link LeadershipReport#QUOTES_PER_CAUSE} most negative quotes (each complaint's most
     * negative evidencing sentence, distinct sentences only, most negative first), then up to
     * {@link LeadershipReport#TYPICAL_QUOTES_PER_CAUSE} typical ones from other complaints ({@link #typical}).
     * Unclassified complaints offer their most negative sentence.
     */
    private static Map<String, Map<String, List<Quote>>> collectQuotes(Dataset<Row> complaints, List<String> months) {
        Dataset<Row> kept = complaints
                .where(not(coalesce(col(Columns.IS_DUPLICATE), lit(false)))
                        .and(col(Columns.MONTH).isin(months.toArray())));
        Dataset<Row> evidence = kept
                .select(col(Columns.MONTH), col(Columns.COMPLAINT_ID), explode(col(Columns.CAUSES)).as(CAUSE))
                .select(col(Columns.MONTH), col(Columns.COMPLAINT_ID), col(CAUSE).getField(CauseMatch.CAUSE_ID).as(CAUSE_ID),
                        explode(col(CAUSE).getField(CauseMatch.EVIDENCE)).as(EVIDENCE))
                .select(col(Columns.MONTH), col(Columns.COMPLAINT_ID), col(CAUSE_ID),
                        col(EVIDENCE).getField(Evidence.SENTENCE).as(SENTENCE),
                        col(EVIDENCE).getField(Evidence.SENTENCE_POLARITY).as(POLARITY),
                        col(EVIDENCE).getField(Evidence.MATCHED_BY).as(MATCHED_BY),
                        col(EVIDENCE).getField(Evidence.MATCHED_TEXT).as(MATCHED_TEXT));
        Dataset<Row> unclassified = kept
                .where(coalesce(size(col(Columns.CAUSES)), lit(0)).leq(0))
                .select(col(Columns.MONTH), col(Columns.COMPLAINT_ID), lit(Columns.UNCLASSIFIED).as(CAUSE_ID),
                        col(Columns.MOST_NEGATIVE_SENTENCE).as(SENTENCE),
                        array_min(transform(col(Columns.SENTENCES), s -> s.getField(SentenceAnalysis.POLARITY))).as(POLARITY),
                        lit(null).cast("string").as(MATCHED_BY), lit(null).cast("string").as(MATCHED_TEXT));
        // A sentence a pattern matched comes before the same sentence matched by the model: its words can be shown.
        Column patternFirst = col(MATCHED_BY).desc_nulls_last();
        Dataset<Row> candidates = evidence.unionByName(unclassified)
                .where(col(SENTENCE).isNotNull().and(length(trim(col(SENTENCE))).gt(0)))
                .withColumn(RANK, row_number().over(Window.partitionBy(col(Columns.MONTH), col(CAUSE_ID),
                        col(Columns.COMPLAINT_ID), col(SENTENCE)).orderBy(patternFirst, col(MATCHED_TEXT))))
                .where(col(RANK).equalTo(1))
                // Read three times below (the most negative quotes, the typical ones, and those again to leave out):
                // kept, so the complaints are scanned and exploded once.
                .persist(StorageLevel.MEMORY_AND_DISK());
        List<Row> rows;
        try {
            Column negativeFirst = col(POLARITY).asc_nulls_last();
            Dataset<Row> negative = chosen(candidates, LeadershipReport.QUOTES_PER_CAUSE,
                    negativeFirst, negativeFirst, length(col(SENTENCE)), col(Columns.COMPLAINT_ID))
                    .withColumn(KIND, lit(Quote.MOST_NEGATIVE));
            rows = negative.unionByName(typical(candidates, negative))
                    // most_negative sorts before typical
                    .orderBy(col(Columns.MONTH), col(CAUSE_ID), col(KIND), col(RANK))
                    .collectAsList();
        } finally {
            candidates.unpersist();
        }
        Map<String, Map<String, List<Quote>>> out = new LinkedHashMap<>();
        for (Row r : rows) {
            Double polarity = r.getAs(POLARITY);
            Quote q = new Quote(r.getAs(Columns.MONTH), r.getAs(CAUSE_ID), r.getAs(Columns.COMPLAINT_ID),
                    Quote.excerpt(r.getAs(SENTENCE), r.getAs(MATCHED_BY), r.getAs(MATCHED_TEXT)),
                    polarity == null ? 0.0 : polarity, r.getAs(MATCHED_BY),
                    r.getAs(MATCHED_TEXT), r.getAs(KIND));
            out.computeIfAbsent(q.month(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(q.causeId(), k -> new ArrayList<>()).add(q);
        }
        return out;
    }

    /**
     * Up to {@code limit} quotes per month and cause: each complaint's first sentence by {@code withinComplaint}
     * (its sentences are the candidates), one complaint per distinct sentence, the first {@code limit} by
     * {@code acrossComplaints}.
     */
    private static Dataset<Row> chosen(Dataset<Row> candidates, int limit, Column withinComplaint,
                                       Column... acrossComplaints) {
        WindowSpec perComplaint = Window.partitionBy(col(Columns.MONTH), col(CAUSE_ID), col(Columns.COMPLAINT_ID))
                .orderBy(withinComplaint, col(SENTENCE), col(MATCHED_BY).desc_nulls_last(), col(MATCHED_TEXT));
        WindowSpec perSentence = Window.partitionBy(col(Columns.MONTH), col(CAUSE_ID), col(SENTENCE))
                .orderBy(col(Columns.COMPLAINT_ID));
        WindowSpec perCause = Window.partitionBy(col(Columns.MONTH), col(CAUSE_ID)).orderBy(acrossComplaints);
        return candidates
                .withColumn(RANK, row_number().over(perComplaint)).where(col(RANK).equalTo(1))
                .withColumn(RANK, row_number().over(perSentence)).where(col(RANK).equalTo(1))
                .withColumn(RANK, row_number().over(perCause))
                .where(col(RANK).leq(limit));
    }

    /**
     * Typical quotes: among the candidate sentences of complaints not already quoted as most negative, those whose
     * polarity is nearest the median polarity of all the cause's evidencing sentences of the month, then those with
     * the most matched words (a pattern's lemmas; a model match has none), then the shorter. The report stage has
     * no sentence embeddings to find the sentence nearest the cause's centre, so sentiment stands in for it.
     */
    private static Dataset<Row> typical(Dataset<Row> candidates, Dataset<Row> negative) {
        Column words = when(col(MATCHED_BY).equalTo(Evidence.PATTERN).and(col(MATCHED_TEXT).isNotNull()),
                size(split(trim(col(MATCHED_TEXT)), " "))).otherwise(0);
        Column median = median(col(POLARITY)).over(Window.partitionBy(col(Columns.MONTH), col(CAUSE_ID)));
        Dataset<Row> scored = candidates.withColumn(WORDS, words)
                .withColumn(DISTANCE, abs(col(POLARITY).minus(median)))
                .join(negative.select(col(Columns.MONTH), col(CAUSE_ID), col(Columns.COMPLAINT_ID)),
                        new String[]{Columns.MONTH, CAUSE_ID, Columns.COMPLAINT_ID}, "left_anti");
        Column nearest = col(DISTANCE).asc_nulls_last();
        return chosen(scored, LeadershipReport.TYPICAL_QUOTES_PER_CAUSE, nearest, nearest, col(WORDS).desc(),
                length(col(SENTENCE)), col(Columns.COMPLAINT_ID))
                .drop(WORDS, DISTANCE).withColumn(KIND, lit(Quote.TYPICAL));
    }

    private static void check(String input, Dataset<Row> data, List<String> required) {
        StageInput.require("report (" + input + ")", data, required);
    }
}
