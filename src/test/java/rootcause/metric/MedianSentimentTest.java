package rootcause.metric;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import rootcause.SparkTestSession;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MedianSentimentTest {

    private static double exactMedian(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return (sorted[(n - 1) / 2] + sorted[n / 2]) / 2;
    }

    @Test
    void theJobsBinColumnAgreesWithTheBinRule() {
        double[] sentiments = {-1.0, -0.995, -0.99, -0.5, -0.005, 0.0, 0.005, 0.5, 0.99, 0.999, 1.0};
        org.apache.spark.sql.SparkSession spark = rootcause.SparkTestSession.get();
        List<org.apache.spark.sql.Row> rows = java.util.Arrays.stream(sentiments)
                .mapToObj(x -> org.apache.spark.sql.RowFactory.create(x)).toList();
        List<org.apache.spark.sql.Row> bins = spark.createDataFrame(rows, new org.apache.spark.sql.types.StructType()
                        .add("s", org.apache.spark.sql.types.DataTypes.DoubleType))
                .select(org.apache.spark.sql.functions.col("s"),
                        MedianSentiment.binColumn(org.apache.spark.sql.functions.col("s")).as("bin"))
                .collectAsList();
        assertThat(bins).hasSize(sentiments.length)
                .allSatisfy(r -> assertThat(r.getInt(1)).as("bin of %s", r.getDouble(0)).isEqualTo(MedianSentiment.bin(r.getDouble(0))));
    }

    @Test
    void binsCoverMinusOneToOneWithOneInTheLastBin() {
        assertThat(MedianSentiment.bin(-1.0)).isZero();
        assertThat(MedianSentiment.bin(-0.995)).isZero();
        assertThat(MedianSentiment.bin(0.0)).isEqualTo(100);
        assertThat(MedianSentiment.bin(0.999)).isEqualTo(199);
        assertThat(MedianSentiment.bin(1.0)).isEqualTo(199);
    }

    @Test
    void theMedianOfTheHistogramIsWithinHalfABinOfTheExactOne() {
        Random random = new Random(26);
        for (int trial = 0; trial < 200; trial++) {
            double[] sentiments = new double[1 + random.nextInt(60)];
            for (int i = 0; i < sentiments.length; i++) {
                sentiments[i] = random.nextBoolean() ? Math.tanh(random.nextGaussian()) : (random.nextInt(5) - 2) / 2.0;
            }
            assertThat(MedianSentiment.median(MedianSentiment.Histogram.of(sentiments)))
                    .isCloseTo(exactMedian(sentiments), within(MedianSentiment.MAX_ERROR + 1e-12));
        }
        assertThat(MedianSentiment.median(MedianSentiment.Histogram.of(-0.8, -0.6, 0.9))).isCloseTo(-0.595, within(1e-12));
        assertThat(MedianSentiment.median(MedianSentiment.Histogram.EMPTY)).isNaN();
    }

    @Test
    void monthsMergeByAddingTheirBins() {
        double[] september = {-0.9, -0.4, 0.1};
        double[] october = {-0.7, 0.3, 0.35, 0.8};
        MedianSentiment.Histogram merged = MedianSentiment.METRIC.merge(MedianSentiment.Histogram.of(september),
                MedianSentiment.Histogram.of(october));
        assertThat(merged).isEqualTo(MedianSentiment.Histogram.of(-0.9, -0.4, 0.1, -0.7, 0.3, 0.35, 0.8));
        assertThat(MedianSentiment.METRIC.merge(merged, MedianSentiment.METRIC.emptyState())).isEqualTo(merged);
        assertThat(MedianSentiment.median(merged)).isCloseTo(0.105, within(1e-12));
    }

    @Test
    void theScanFillsTheSameHistogramAndTheRowReadsItBack() {
        double[] sentiments = {-1.0, -0.42, -0.42, 0.0, 0.37, 1.0};
        StructType entry = new StructType().add(CauseStatsRow.ENTRY_SENTIMENT, DataTypes.DoubleType);
        StructType schema = new StructType().add("k", DataTypes.StringType).add(CauseStatsRow.ENTRY, entry);
        List<Row> rows = new java.util.ArrayList<>();
        for (double s : sentiments) {
            rows.add(RowFactory.create("a", RowFactory.create(s)));
        }
        rows.add(RowFactory.create("a", RowFactory.create((Object) null)));
        StatsColumn column = MedianSentiment.METRIC.statsColumns().get(0);
        Row stats = SparkTestSession.get().createDataFrame(rows, schema).groupBy(col("k"))
                .agg(column.aggregation().as(column.name())).first();

        MedianSentiment.Histogram state = MedianSentiment.METRIC.stateOf(stats);
        assertThat(state).as("a null sentiment is left out").isEqualTo(MedianSentiment.Histogram.of(sentiments));
        assertThat(MedianSentiment.median(state)).isCloseTo(exactMedian(sentiments), within(MedianSentiment.MAX_ERROR + 1e-12));
    }

    @Test
    void derivesTheMedianOfEachRowFromItsState() {
        MonthlyCauseStats stats = TestStats.of(3, -1.3, 2).with(MedianSentiment.METRIC,
                MedianSentiment.Histogram.of(-0.8, -0.6, 0.1));
        List<CauseMetrics> metrics = MetricDerivation.deriveAll(List.of(
                new CauseStatsRow("2024-01", "all", "all", "total", "*", "*", TestStats.of(3, 0, 0)),
                new CauseStatsRow("2024-01", "all", "all", "cause", "long_wait", "process", stats)),
                java.util.Map.of("long_wait", new rootcause.model.CauseInfo("long_wait", "Long waits", "process",
                        "Process and policy", "waits")), EmergingRule.DEFAULT);
        assertThat(metrics.get(0).get(MedianSentiment.MEDIAN_SENTIMENT)).isCloseTo(-0.595, within(1e-12));
    }
}
