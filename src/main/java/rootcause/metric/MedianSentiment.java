package rootcause.metric;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;

import java.util.List;

import static org.apache.spark.sql.functions.aggregate;
import static org.apache.spark.sql.functions.array_repeat;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.when;

/**
 * The median of the cause's complaints' cause sentiment in [-1, 1]: half of them feel at least this bad about it.
 *
 * <p>A median is not addable, so the state is a histogram that is: {@link #BINS} equal bins over [-1, 1] (width
 * {@link #BIN_WIDTH}), each counting the complaints whose sentiment falls in it, stored in {@code OUT/stats} as
 * {@code sentiment_histogram} (an array of counts; sentiment 1 goes to the last bin). Two months or slices merge by
 * adding their counts bin by bin. The median is read from the histogram as the midpoint of the bin that holds the
 * middle complaint (the mean of the two middle bins' midpoints for an even count), so it is within half a bin,
 * {@value #MAX_ERROR}, of the exact median of the sentiments. NaN when there are no complaints.
 */
public final class MedianSentiment implements CauseMetric<MedianSentiment.Histogram> {
    public static final MedianSentiment METRIC = new MedianSentiment();

    /** Bins of the histogram over [-1, 1]. */
    public static final int BINS = 200;
    public static final double BIN_WIDTH = 2.0 / BINS;
    /** The most the median read from the histogram is off the exact one: half a bin. */
    public static final double MAX_ERROR = 0.005;

    public static final String SENTIMENT_HISTOGRAM = "sentiment_histogram";
    /**
     * NaN when there are no complaints; null in a row built without it (a row of another tool or a test fixture), as
     * the other optional values are.
     */
    public static final MetricValue<Double> MEDIAN_SENTIMENT = MetricValue.optionalNumber("median_sentiment", 36);

    /** Complaints per bin, {@link #BINS} of them: the state. */
    public record Histogram(long[] counts) {
        public static final Histogram EMPTY = new Histogram(new long[BINS]);

        public Histogram {
            if (counts.length != BINS) {
                throw new IllegalArgumentException("a sentiment histogram has " + BINS + " bins, not " + counts.length);
            }
            counts = counts.clone();
        }

        /** The histogram of these sentiments. */
        public static Histogram of(double... sentiments) {
            long[] counts = new long[BINS];
            for (double s : sentiments) {
                counts[bin(s)]++;
            }
            return new Histogram(counts);
        }

        public Histogram plus(Histogram o) {
            long[] sum = new long[BINS];
            for (int i = 0; i < BINS; i++) {
                sum[i] = counts[i] + o.counts[i];
            }
            return new Histogram(sum);
        }

        @Override
        public long[] counts() {
            return counts.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Histogram h && java.util.Arrays.equals(counts, h.counts);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(counts);
        }

        @Override
        public String toString() {
            return "Histogram" + java.util.Arrays.toString(counts);
        }
    }

    private MedianSentiment() {}

    @Override
    public Histogram emptyState() {
        return Histogram.EMPTY;
    }

    @Override
    public Histogram merge(Histogram a, Histogram b) {
        return a.plus(b);
    }

    /** {@link #bin} as a Spark column, the one the job aggregates with (null for a null sentiment). */
    public static Column binColumn(Column sentiment) {
        return when(sentiment.isNotNull(),
                least(lit(BINS - 1), greatest(lit(0), floor(sentiment.plus(1).divide(BIN_WIDTH)).cast("int"))));
    }

    /** The bin of a sentiment in [-1, 1]. */
    public static int bin(double sentiment) {
        return Math.max(0, Math.min(BINS - 1, (int) Math.floor((sentiment + 1) / BIN_WIDTH)));
    }

    @Override
    public List<StatsColumn> statsColumns() {
        // a null sentiment has no bin, and collect_list leaves it out
        Column histogram = aggregate(collect_list(binColumn(CauseStatsRow.entrySentiment())), array_repeat(lit(0L), BINS),
                (counts, b) -> transform(counts, (count, i) -> when(i.equalTo(b), count.plus(1L)).otherwise(count)));
        return List.of(new StatsColumn(SENTIMENT_HISTOGRAM, 18, histogram));
    }

    @Override
    public Histogram stateOf(Row statsRow) {
        List<Long> counts = statsRow.getList(statsRow.fieldIndex(SENTIMENT_HISTOGRAM));
        long[] state = new long[BINS];
        for (int i = 0; i < BINS; i++) {
            state[i] = counts.get(i);
        }
        return new Histogram(state);
    }

    @Override
    public void derive(List<MetricRow> family) {
        for (MetricRow row : family) {
            row.put(MEDIAN_SENTIMENT, median(row.state(this)));
        }
    }

    /** The median of the histogram's complaints (bin midpoints), NaN for none. */
    public static double median(Histogram state) {
        long[] histogram = state.counts;
        long n = 0;
        for (long c : histogram) {
            n += c;
        }
        if (n == 0) {
            return Double.NaN;
        }
        // 0-based ranks of the middle complaint(s): one for an odd count, two for an even one
        return (midpointOfRank(histogram, (n - 1) / 2) + midpointOfRank(histogram, n / 2)) / 2;
    }

    private static double midpointOfRank(long[] histogram, long rank) {
        long seen = 0;
        for (int i = 0; i < BINS; i++) {
            seen += histogram[i];
            if (seen > rank) {
                return -1 + (i + 0.5) * BIN_WIDTH;
            }
        }
        throw new IllegalStateException("rank " + rank + " beyond the histogram's " + seen + " complaints");
    }

    @Override
    public List<MetricValue<?>> values() {
        return List.of(MEDIAN_SENTIMENT);
    }
}
