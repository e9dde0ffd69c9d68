package rootcause.aggregate;

import rootcause.metric.NpsPoints;
import rootcause.metric.CustomerScoreImpact;
import rootcause.metric.ChangeInShare;
import rootcause.metric.Emerging;
import rootcause.metric.OutcomeRates;
import rootcause.metric.Sentiment;
import rootcause.metric.TaxonomyVersion;
import rootcause.metric.Volume;
import rootcause.metric.CauseMetrics;
import rootcause.metric.CauseMetricRegistry;

import rootcause.metric.EmergingRule;

import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rootcause.SparkTestSession;
import rootcause.model.CauseInfo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static rootcause.aggregate.ComplaintFixtures.cause;
import static rootcause.aggregate.ComplaintFixtures.complaint;

public class AggregateStageTest {
    public static final Map<String, CauseInfo> CAUSES = Map.of(
            "long_wait", new CauseInfo("long_wait", "Long waits", "process", "Process and policy", "waiting"),
            "transfer_loop", new CauseInfo("transfer_loop", "Transferred around", "process", "Process and policy", "transfers"),
            "rudeness", new CauseInfo("rudeness", "Rudeness", "people", "People", "rude staff"));

    private static SparkSession spark;
    private static Dataset<Row> input;
    private static List<CauseMetrics> metrics;

    /** January: 10 complaints (4 unclassified) and a duplicate; February: 10 complaints, rudeness surges. */
    public static List<ComplaintFixtures.Complaint> twoMonths() {
        List<ComplaintFixtures.Complaint> list = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            list.add(complaint("j-wait-" + i, "2024-01", "phone", -0.5, cause("long_wait", "process", -0.5, "I waited an hour on hold " + i + ".")));
        }
        list.add(list.get(0).duplicateOf());
        list.add(complaint("j-both", "2024-01", "email", -0.8,
                cause("long_wait", "process", -0.6, "Waited for days."),
                cause("transfer_loop", "process", -1.0, "They transferred me five times.")));
        list.add(complaint("j-rude", "2024-01", "email", -1.0, cause("rudeness", "people", -1.0, "The agent was rude.")));
        for (int i = 0; i < 4; i++) {
            list.add(complaint("j-none-" + i, "2024-01", null, 0.2));
        }
        for (int i = 0; i < 3; i++) {
            list.add(complaint("f-wait-" + i, "2024-02", "phone", -0.5, cause("long_wait", "process", -0.5, "On hold again " + i + ".")));
        }
        for (int i = 0; i < 6; i++) {
            list.add(complaint("f-rude-" + i, "2024-02", "chat", -1.0, cause("rudeness", "people", -1.0, "Rude agent <script>alert(1)</script> " + i)));
        }
        list.add(complaint("f-none", "2024-02", "chat", 0.5));
        return list;
    }

    @BeforeAll
    static void aggregateFixture() {
        spark = SparkTestSession.get();
        input = ComplaintFixtures.toDataset(spark, twoMonths()).cache();
        input.count();
        metrics = AggregateStage.collectMetrics(new AggregateStage(CAUSES, EmergingRule.DEFAULT).aggregate(input));
    }

    private static CauseMetrics find(String month, String dimension, String value, String level, String id) {
        return metrics.stream().filter(m -> m.month().equals(month) && m.dimension().equals(dimension)
                        && m.dimensionValue().equals(value) && m.level().equals(level) && m.causeId().equals(id))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + month + "/" + dimension + "=" + value
                        + "/" + level + "/" + id + " in " + metrics));
    }

    @Test
    void countsOnlyNonDuplicatesAndSharesAreOfTheMonthsComplaints() {
        CauseMetrics wait = find("2024-01", "all", "all", "cause", "long_wait");
        assertThat(wait.get(Volume.MONTH_COMPLAINTS)).isEqualTo(10);
        assertThat(wait.get(Volume.COMPLAINTS)).isEqualTo(5);
        assertThat(wait.get(Volume.SHARE)).isCloseTo(0.5, within(1e-12));
        assertThat(wait.get(Sentiment.MEAN_SENTIMENT)).isCloseTo((-0.5 * 4 - 0.6) / 5, within(1e-12));
        assertThat(wait.causeName()).isEqualTo("Long waits");
        assertThat(wait.causeGroupName()).isEqualTo("Process and policy");
    }

    @Test
    void unclassifiedIsACauseRowWithItsShare() {
        CauseMetrics none = find("2024-01", "all", "all", "cause", "unclassified");
        assertThat(none.get(Volume.COMPLAINTS)).isEqualTo(4);
        assertThat(none.get(Volume.SHARE)).isCloseTo(0.4, within(1e-12));
        assertThat(none.get(Sentiment.MEAN_SENTIMENT)).isCloseTo(0.2, within(1e-12));
        assertThat(none.causeName()).isEqualTo("Unclassified");
        assertThat(find("2024-01", "all", "all", "group", "unclassified").get(Volume.COMPLAINTS)).isEqualTo(4);
    }

    @Test
    void groupCountsAComplaintOnceWithTheMeanOfItsCauses() {
        CauseMetrics process = find("2024-01", "all", "all", "group", "process");
        assertThat(process.get(Volume.COMPLAINTS)).isEqualTo(5);
        assertThat(process.get(Sentiment.SENTIMENT_SUM)).isCloseTo(-0.5 * 4 + (-0.6 - 1.0) / 2, within(1e-12));
        assertThat(process.causeName()).isEqualTo("Process and policy");
    }

    @Test
    void slicesByChannelSourceAndProductWhenPresent() {
        CauseMetrics email = find("2024-01", "channel", "email", "cause", "rudeness");
        assertThat(email.get(Volume.MONTH_COMPLAINTS)).isEqualTo(2);
        assertThat(email.get(Volume.SHARE)).isCloseTo(0.5, within(1e-12));
        assertThat(metrics).noneMatch(m -> m.month().equals("2024-01") && m.dimension().equals("channel")
                && m.causeId().equals("unclassified"));
        assertThat(find("2024-01", "source", "survey", "cause", "long_wait").get(Volume.COMPLAINTS)).isEqualTo(5);
        assertThat(find("2024-02", "product", "cards", "cause", "rudeness").get(Volume.COMPLAINTS)).isEqualTo(6);
    }

    @Test
    void testsTheSurgeExactlyInMonthsThisSmall() {
        CauseMetrics rude = find("2024-02", "all", "all", "cause", "rudeness");
        assertThat(rude.get(ChangeInShare.PREVIOUS_SHARE)).isCloseTo(0.1, within(1e-12));
        assertThat(rude.get(ChangeInShare.CHANGE_IN_SHARE)).isCloseTo(0.5, within(1e-12));
        // 1 of 10 then 6 of 10: expected counts of 3.5, so Fisher's exact test (scipy: 0.0572755), not the z-test's
        // 0.024; a 50-point rise in two months of 10 complaints is not yet evidence.
        assertThat(rude.get(ChangeInShare.CHANGE_P_VALUE)).isCloseTo(0.0572755418, within(1e-9));
        assertThat(rude.get(Emerging.EMERGING)).isFalse();
        assertThat(find("2024-02", "all", "all", "cause", "long_wait").get(Emerging.EMERGING)).isFalse();
        assertThat(find("2024-01", "all", "all", "cause", "rudeness").get(Emerging.EMERGING)).isFalse();
    }

    static List<String> describe(StructType schema) {
        return Arrays.stream(schema.fields())
                .map(f -> f.name() + " " + f.dataType().simpleString() + (f.nullable() ? "?" : "")).toList();
    }

    @Test
    void recordsEachMonthsTaxonomyAndFlagsAChangeBetweenMonths() {
        Dataset<Row> versioned = input.withColumn(rootcause.model.Columns.TAXONOMY_VERSION, org.apache.spark.sql.functions.when(
                org.apache.spark.sql.functions.col(rootcause.model.Columns.MONTH).equalTo("2024-01"), "t 1.0.0 (sha256 aaa)")
                .otherwise("t 1.1.0 (sha256 bbb)"));
        List<CauseMetrics> rows = AggregateStage.collectMetrics(new AggregateStage(CAUSES, EmergingRule.DEFAULT).aggregate(versioned));
        CauseMetrics january = rows.stream().filter(m -> m.month().equals("2024-01") && m.causeId().equals("long_wait")
                && m.dimension().equals("all")).findFirst().orElseThrow();
        CauseMetrics february = rows.stream().filter(m -> m.month().equals("2024-02") && m.causeId().equals("rudeness")
                && m.dimension().equals("all")).findFirst().orElseThrow();
        assertThat(january.get(TaxonomyVersion.TAXONOMY_VERSION)).isEqualTo("t 1.0.0 (sha256 aaa)");
        assertThat(january.get(TaxonomyVersion.TAXONOMY_CHANGED)).as("no previous month").isNull();
        assertThat(february.get(TaxonomyVersion.TAXONOMY_VERSION)).isEqualTo("t 1.1.0 (sha256 bbb)");
        assertThat(february.get(TaxonomyVersion.TAXONOMY_CHANGED)).isTrue();
        assertThat(february.get(Emerging.EMERGING)).isFalse();
        // the fixture itself records no taxonomy: unknown, not "changed"
        assertThat(find("2024-02", "all", "all", "cause", "rudeness").get(TaxonomyVersion.TAXONOMY_VERSION)).isNull();
        assertThat(find("2024-02", "all", "all", "cause", "rudeness").get(TaxonomyVersion.TAXONOMY_CHANGED)).isNull();
    }

    /**
     * February's answers are NPS answers: the 6 rudeness complaints answer 0–5 (detractors), the 3 waits 9, 10, 7,
     * the unclassified one 11 (no NPS answer). All 9 answers: 2 promoters, 6 detractors, NPS = -400/9; without
     * rudeness's 6: 2 promoters of 3, NPS = 200/3; rudeness costs -400/9 - 600/9 = -1000/9 = -111.1 points.
     * January's scores (all 5) are on no declared scale: a mean-score impact, no NPS points.
     */
    @Test
    void countsNpsAnswersInTheOneScanAndGivesEachCauseItsNpsPoints() {
        org.apache.spark.sql.Column id = org.apache.spark.sql.functions.col("complaint_id");
        org.apache.spark.sql.Column score = org.apache.spark.sql.functions
                .when(id.startsWith("f-rude-"), org.apache.spark.sql.functions.substring(id, 8, 1).cast("double"))
                .when(id.equalTo("f-wait-0"), 9.0).when(id.equalTo("f-wait-1"), 10.0).when(id.equalTo("f-wait-2"), 7.0)
                .when(id.equalTo("f-none"), 11.0).otherwise(5.0);
        Dataset<Row> answered = input.withColumn(rootcause.model.Columns.SCORE, score)
                .withColumn(rootcause.model.Columns.SCORE_SCALE, org.apache.spark.sql.functions.when(
                        org.apache.spark.sql.functions.col("month").equalTo("2024-02"), rootcause.model.Columns.NPS_SCALE));
        List<CauseMetrics> rows = AggregateStage.collectMetrics(new AggregateStage(CAUSES, EmergingRule.DEFAULT).aggregate(answered));
        java.util.function.BiFunction<String, String, CauseMetrics> whole = (month, cause) -> rows.stream()
                .filter(m -> m.month().equals(month) && m.dimension().equals("all") && m.level().equals("cause")
                        && m.causeId().equals(cause)).findFirst().orElseThrow();
        assertThat(whole.apply("2024-02", "rudeness").get(NpsPoints.NPS_POINTS)).isCloseTo(-1000.0 / 9, within(1e-9));
        // the waits' answers 9, 10, 7; without them 6 detractors, NPS -100: the waits add -400/9 + 100 = 500/9 points
        assertThat(whole.apply("2024-02", "long_wait").get(NpsPoints.NPS_POINTS)).isCloseTo(500.0 / 9, within(1e-9));
        assertThat(whole.apply("2024-02", "unclassified").get(NpsPoints.NPS_POINTS)).as("11 is no NPS answer").isNull();
        assertThat(whole.apply("2024-02", "rudeness").get(CustomerScoreImpact.SCORED_COMPLAINTS)).isEqualTo(6);
        assertThat(whole.apply("2024-01", "long_wait").get(NpsPoints.NPS_POINTS)).as("January's scale is not NPS").isNull();
        assertThat(whole.apply("2024-01", "long_wait").get(CustomerScoreImpact.SCORED_COMPLAINTS)).isPositive();
        assertThat(find("2024-02", "all", "all", "cause", "rudeness").get(NpsPoints.NPS_POINTS)).as("no score_scale column").isNull();
    }

    /** February: 6 rudeness complaints of 10, all "relief"; the 4 others "explanation". */
    @Test
    void reportsEachOutcomesRateAmongTheCausesComplaintsAgainstTheRest() throws Exception {
        Dataset<Row> withOutcomes = input.withColumn(rootcause.model.Columns.OUTCOMES, org.apache.spark.sql.functions.array(
                org.apache.spark.sql.functions.struct(org.apache.spark.sql.functions.lit("company_response").as("name"),
                org.apache.spark.sql.functions.when(org.apache.spark.sql.functions.col("complaint_id").startsWith("f-rude"),
                        "relief").otherwise("explanation").as("value"))));
        List<CauseMetrics> rows = AggregateStage.collectMetrics(new AggregateStage(CAUSES, EmergingRule.DEFAULT).aggregate(withOutcomes));
        CauseMetrics rude = rows.stream().filter(m -> m.month().equals("2024-02") && m.causeId().equals("rudeness")
                && m.dimension().equals("all")).findFirst().orElseThrow();
        var rates = new com.fasterxml.jackson.databind.ObjectMapper().readTree(rude.get(OutcomeRates.OUTCOME_RATES)).get("company_response");
        assertThat(rates.get("relief").get("complaints").asLong()).isEqualTo(6);
        assertThat(rates.get("relief").get("rate").asDouble()).isEqualTo(1.0);
        assertThat(rates.get("relief").get("rest_rate").asDouble()).isEqualTo(0.0);
        assertThat(rates.get("explanation").get("rest_rate").asDouble()).isEqualTo(1.0);
        // 6 of 6 against 0 of 4: Fisher's exact test, only the observed table is as unlikely: 1 / C(10, 6) = 1/210
        assertThat(rates.get("relief").get("test").asText()).isEqualTo("fisher");
        assertThat(rates.get("relief").get("p_value").asDouble()).isCloseTo(1.0 / 210, within(1e-4));
        assertThat(rates.get("relief").get("q_value").asDouble()).isGreaterThanOrEqualTo(rates.get("relief").get("p_value").asDouble());
        assertThat(find("2024-02", "all", "all", "cause", "rudeness").get(OutcomeRates.OUTCOME_RATES)).as("no outcomes column").isNull();
    }

    @Test
    void outputHasThePublicSchema() {
        Dataset<Row> out = new AggregateStage(CAUSES, EmergingRule.DEFAULT).aggregate(input);
        // The registry's schema, name, type and nullability (its published columns: CauseMetricRegistryTest).
        assertThat(describe(out.schema())).containsExactlyElementsOf(describe(CauseMetricRegistry.CAUSES_SCHEMA));
        assertThat(out.where("level = 'total'").count()).isZero();
    }

    /**
     * Read back from Parquet partitioned by month, as the job writes {@code OUT/causes}, {@code month} comes last
     * and every column is nullable: the metrics still come back whole, because they are read by name.
     */
    @Test
    void metricsReadBackFromPartitionedParquetByName(@TempDir Path dir) {
        Dataset<Row> out = new AggregateStage(CAUSES, EmergingRule.DEFAULT).aggregate(input);
        out.write().partitionBy("month").parquet(dir.resolve("causes").toString());
        Dataset<Row> back = readAsTheJobDoes(dir.resolve("causes"));
        assertThat(back.columns()[back.columns().length - 1]).isEqualTo("month");
        assertThat(describe(back.schema())).containsExactlyInAnyOrderElementsOf(describe(CauseMetricRegistry.CAUSES_SCHEMA)
                .stream().map(c -> c.endsWith("?") ? c : c + "?").toList());

        List<CauseMetrics> reread = AggregateStage.collectMetrics(back);
        assertThat(reread).isEqualTo(metrics);
        CauseMetrics rude = reread.stream().filter(m -> m.month().equals("2024-02") && m.dimension().equals("all")
                && m.level().equals("cause") && m.causeId().equals("rudeness")).findFirst().orElseThrow();
        assertThat(rude.get(Volume.COMPLAINTS)).isEqualTo(6);
        assertThat(rude.get(Volume.MONTH_COMPLAINTS)).isEqualTo(10);
        assertThat(rude.get(ChangeInShare.PREVIOUS_COMPLAINTS)).isEqualTo(1);
        assertThat(rude.get(ChangeInShare.PREVIOUS_MONTH_COMPLAINTS)).isEqualTo(10);
    }

    @Test
    void aggregatesInOneScanLikeASingleGroupBy() throws Exception {
        Dataset<Row> uncached = ComplaintFixtures.toDataset(spark, twoMonths());
        int baseline = jobsRunBy(() -> uncached.groupBy("month").count().collectAsList());
        int[] resultJobs = new int[1];
        Dataset<Row>[] out = new Dataset[1];
        int aggregate = jobsRunBy(() -> out[0] = new AggregateStage(CAUSES, EmergingRule.DEFAULT).aggregate(uncached));
        resultJobs[0] = jobsRunBy(out[0]::collectAsList);
        assertThat(baseline).isPositive();
        assertThat(aggregate).as("jobs of aggregate vs one groupBy(month).count() on the same input")
                .isEqualTo(baseline);
        assertThat(resultJobs[0]).as("the result is a local relation: reading it runs no job").isZero();
    }

    @Test
    void namesTheMissingColumn() {
        assertThatThrownBy(() -> new AggregateStage(CAUSES, EmergingRule.DEFAULT).aggregate(input.drop("causes")))
                .hasMessageContaining("stage 'aggregate'").hasMessageContaining("causes")
                .hasMessageContaining("complaint_id");
    }

    /** With partition type inference off, as the job and the report command read: month=2024-01 is a string. */
    private static Dataset<Row> readAsTheJobDoes(Path folder) {
        String key = "spark.sql.sources.partitionColumnTypeInference.enabled";
        String before = spark.conf().get(key);
        spark.conf().set(key, "false");
        try {
            Dataset<Row> data = spark.read().parquet(folder.toString());
            data.schema();
            return data;
        } finally {
            spark.conf().set(key, before);
        }
    }

    private static int jobsRunBy(Supplier<?> action) throws Exception {
        AtomicInteger jobs = new AtomicInteger();
        SparkListener listener = new SparkListener() {
            @Override
            public void onJobStart(SparkListenerJobStart jobStart) {
                jobs.incrementAndGet();
            }
        };
        spark.sparkContext().listenerBus().waitUntilEmpty();
        spark.sparkContext().addSparkListener(listener);
        try {
            action.get();
            spark.sparkContext().listenerBus().waitUntilEmpty();
        } finally {
            spark.sparkContext().removeSparkListener(listener);
        }
        return jobs.get();
    }
}
