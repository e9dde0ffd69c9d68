package rootcause.job;

import rootcause.job.tables.MonthTables;
import rootcause.job.tables.TableFormat;

import rootcause.io.OutputLayout;
import rootcause.metric.ChangeInShare;
import rootcause.metric.NpsPoints;
import rootcause.metric.OutcomeRates;
import rootcause.metric.TaxonomyVersion;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rootcause.SparkTestSession;
import rootcause.aggregate.AggregateStage;
import rootcause.aggregate.AggregateStageTest;
import rootcause.metric.CauseMetrics;
import rootcause.aggregate.ComplaintFixtures;
import rootcause.metric.EmergingRule;
import rootcause.model.Columns;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The incremental path (stored monthly statistics) gives exactly the causes of aggregating every month's complaints,
 * on 16 months whose volumes, causes, taxonomy, NPS answers and outcomes vary, written one run (month) at a time.
 */
class IncrementalAggregationTest {
    private static final YearMonth FIRST = YearMonth.of(2023, 1);
    private static final int MONTHS = 16;
    /** Months written by "old" runs, before OUT/stats existed. */
    private static final int BEFORE_UPGRADE = 9;

    private static SparkSession spark;
    private static Dataset<Row> all;

    /** The aggregate fixture's two months, relabelled over 16 months, each month dropping a different complaint. */
    @BeforeAll
    static void fixture() {
        spark = SparkTestSession.get();
        List<ComplaintFixtures.Complaint> two = AggregateStageTest.twoMonths();
        List<ComplaintFixtures.Complaint> many = new ArrayList<>();
        for (int i = 0; i < MONTHS; i++) {
            String month = FIRST.plusMonths(i).toString();
            String template = i % 2 == 0 ? "2024-01" : "2024-02";
            List<ComplaintFixtures.Complaint> ofMonth = two.stream().filter(c -> c.month().equals(template)).toList();
            for (int j = 0; j < ofMonth.size(); j++) {
                ComplaintFixtures.Complaint c = ofMonth.get(j);
                if (j == i % ofMonth.size() || (i % 5 == 0 && j % 3 == 0)) {
                    continue;
                }
                many.add(new ComplaintFixtures.Complaint(month + "-" + c.id(), c.source(), c.channel(),
                        i % 3 == 0 ? "loans" : c.product(), month, c.text(), c.duplicate(), c.sentimentScore(), c.causes()));
            }
        }
        Column id = col(Columns.COMPLAINT_ID);
        Column late = col(Columns.MONTH).geq(FIRST.plusMonths(11).toString());
        all = ComplaintFixtures.toDataset(spark, many)
                // the taxonomy was edited in the twelfth month
                .withColumn(Columns.TAXONOMY_VERSION, when(late, "t 1.1.0 (sha256 bbb)").otherwise("t 1.0.0 (sha256 aaa)"))
                .withColumn(Columns.SCORE, when(id.contains("rude"), 2.0).when(id.contains("wait"), 9.0).otherwise(10.0))
                .withColumn(Columns.SCORE_SCALE, when(late, lit(Columns.NPS_SCALE)))
                .withColumn(Columns.OUTCOMES, array(struct(lit("company_response").as(Columns.OUTCOME_NAME),
                        when(id.contains("rude"), "relief").otherwise("explanation").as(Columns.OUTCOME_VALUE))))
                .cache();
        all.count();
    }

    @Test
    void causesOfMonthByMonthRunsAreThoseOfAggregatingEveryMonth(@TempDir Path out) {
        AggregateStage stage = new AggregateStage(AggregateStageTest.CAUSES, EmergingRule.DEFAULT);
        List<CauseMetrics> full = AggregateStage.collectMetrics(stage.aggregate(all));

        MonthTables folders = MonthTables.open(spark, rootcause.io.Storage.path(out.toString()), TableFormat.PARQUET);
        List<String> months = new ArrayList<>();
        for (int i = 0; i < MONTHS; i++) {
            months.add(FIRST.plusMonths(i).toString());
        }
        // Old runs wrote complaints only.
        folders.write(all.where(col(Columns.MONTH).isin(months.subList(0, BEFORE_UPGRADE).toArray())), OutputLayout.COMPLAINTS,
                months.subList(0, BEFORE_UPGRADE));
        folders.publish();
        IncrementalAggregation incremental = new IncrementalAggregation(folders, stage);
        List<IncrementalAggregation.Result> results = new ArrayList<>();
        for (String month : months.subList(BEFORE_UPGRADE, MONTHS)) {
            folders.write(all.where(col(Columns.MONTH).equalTo(month)), OutputLayout.COMPLAINTS, List.of(month));
            IncrementalAggregation.Result result = incremental.aggregate(List.of(month), List.of(month));
            folders.write(result.aggregates().where(col(Columns.MONTH).equalTo(month)), OutputLayout.CAUSES, List.of(month));
            results.add(result);
            assertThat(result.complaints().select(Columns.MONTH).distinct().collectAsList())
                    .extracting(r -> r.getString(0)).containsExactly(month);
            folders.publish(); // the end of this month's run
        }
        assertThat(results.get(0).statsBuilt()).as("the first run after the upgrade").isEqualTo(months.subList(0, BEFORE_UPGRADE));
        assertThat(results.get(1).statsBuilt()).isEmpty();
        assertThat(folders.months(OutputLayout.STATS)).isEqualTo(months);

        List<CauseMetrics> written = AggregateStage.collectMetrics(spark.read().parquet(out.resolve("causes").toString()));
        List<String> reported = months.subList(BEFORE_UPGRADE, MONTHS);
        assertThat(written).isNotEmpty()
                .isEqualTo(full.stream().filter(m -> reported.contains(m.month())).toList());
        // the taxonomy edit is seen across the boundary, as in the full path
        assertThat(written).anyMatch(m -> Boolean.TRUE.equals(m.get(TaxonomyVersion.TAXONOMY_CHANGED)));
        assertThat(written).anyMatch(m -> m.get(NpsPoints.NPS_POINTS) != null && m.get(OutcomeRates.OUTCOME_RATES) != null && m.get(ChangeInShare.CHANGE_Q_VALUE) != null);

        // The last run's trend months are the full path's too, and no more than the report shows.
        String last = months.get(MONTHS - 1);
        List<CauseMetrics> trend = AggregateStage.collectMetrics(results.get(results.size() - 1).aggregates());
        String firstShown = rootcause.model.TrendWindow.firstShown(YearMonth.parse(last)).toString();
        assertThat(trend.stream().map(CauseMetrics::month).distinct().sorted().toList())
                .isEqualTo(months.subList(months.indexOf(firstShown), MONTHS));
        assertThat(trend).isEqualTo(full.stream().filter(m -> m.month().compareTo(firstShown) >= 0).toList());
    }

    /** Statistics stored by a version before a metric's column existed are built again from the complaints, once. */
    @Test
    void statisticsLackingANewerMetricsColumnAreBuiltAgain(@TempDir Path out) {
        AggregateStage stage = new AggregateStage(AggregateStageTest.CAUSES, EmergingRule.DEFAULT);
        MonthTables folders = MonthTables.open(spark, rootcause.io.Storage.path(out.toString()), TableFormat.PARQUET);
        List<String> months = List.of(FIRST.toString(), FIRST.plusMonths(1).toString(), FIRST.plusMonths(2).toString());
        List<String> old = months.subList(0, 2);
        Dataset<Row> oldComplaints = all.where(col(Columns.MONTH).isin(old.toArray()));
        folders.write(oldComplaints, OutputLayout.COMPLAINTS, old);
        String dropped = rootcause.metric.MedianSentiment.SENTIMENT_HISTOGRAM; // the newest metric's state
        folders.write(AggregateStage.statistics(oldComplaints).drop(dropped), OutputLayout.STATS, old);
        folders.publish();

        String month = months.get(2);
        folders.write(all.where(col(Columns.MONTH).equalTo(month)), OutputLayout.COMPLAINTS, List.of(month));
        IncrementalAggregation.Result result = new IncrementalAggregation(folders, stage).aggregate(List.of(month), List.of(month));
        folders.publish();

        assertThat(result.statsBuilt()).as("every stored month, once").isEqualTo(old);
        assertThat(spark.read().parquet(out.resolve("stats").toString()).columns()).contains(dropped);
        List<CauseMetrics> full = AggregateStage.collectMetrics(stage.aggregate(all.where(col(Columns.MONTH).isin(months.toArray()))));
        assertThat(AggregateStage.collectMetrics(result.aggregates()))
                .isEqualTo(full.stream().filter(m -> m.month().compareTo(rootcause.model.TrendWindow.firstShown(YearMonth.parse(month)).toString()) >= 0).toList());
    }
}
