package rootcause.metric;

import rootcause.model.NegativeComplaint;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;

import java.util.List;

import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * How the cause's complaints feel about it: the mean of their cause sentiment in [-1, 1] and the share of them that
 * are negative about it (below zero). State: the sum of the sentiments and the count of negative ones.
 */
public final class Sentiment implements CauseMetric<Sentiment.Sums> {
    public static final Sentiment METRIC = new Sentiment();

    public static final MetricValue<Double> SENTIMENT_SUM = MetricValue.number("sentiment_sum", 10);
    /** Complaints whose cause sentiment is below zero. */
    public static final MetricValue<Long> NEGATIVE_COMPLAINTS = MetricValue.count("negative_complaints", 11);
    /** NaN when there are no complaints. */
    public static final MetricValue<Double> MEAN_SENTIMENT = MetricValue.number("mean_sentiment", 13);
    /** NaN when there are no complaints. */
    public static final MetricValue<Double> NEGATIVE_SHARE = MetricValue.number("negative_share", 14);

    /** Sum of the complaints' cause sentiment, and how many of them are below zero. */
    public record Sums(double sentimentSum, long negativeComplaints) {
        public static final Sums EMPTY = new Sums(0, 0);

        /** The sums of one complaint with this cause sentiment. */
        public static Sums ofComplaint(double sentiment) {
            return new Sums(sentiment, NegativeComplaint.is(sentiment) ? 1 : 0);
        }

        public Sums plus(Sums o) {
            return new Sums(sentimentSum + o.sentimentSum, negativeComplaints + o.negativeComplaints);
        }
    }

    private Sentiment() {}

    @Override
    public Sums emptyState() {
        return Sums.EMPTY;
    }

    @Override
    public Sums merge(Sums a, Sums b) {
        return a.plus(b);
    }

    @Override
    public List<StatsColumn> statsColumns() {
        Column sentiment = CauseStatsRow.entrySentiment();
        return List.of(new StatsColumn(SENTIMENT_SUM.column(), 8, sum(sentiment)),
                new StatsColumn(NEGATIVE_COMPLAINTS.column(), 9, sum(when(sentiment.lt(NegativeComplaint.BELOW), 1L).otherwise(0L))));
    }

    @Override
    public Sums stateOf(Row statsRow) {
        return new Sums(statsRow.<Double>getAs(SENTIMENT_SUM.column()), statsRow.<Long>getAs(NEGATIVE_COMPLAINTS.column()));
    }

    @Override
    public void derive(List<MetricRow> family) {
        for (MetricRow row : family) {
            Sums sums = row.state(this);
            long complaints = row.get(Volume.COMPLAINTS);
            row.put(SENTIMENT_SUM, sums.sentimentSum());
            row.put(NEGATIVE_COMPLAINTS, sums.negativeComplaints());
            row.put(MEAN_SENTIMENT, complaints == 0 ? Double.NaN : sums.sentimentSum() / complaints);
            row.put(NEGATIVE_SHARE, complaints == 0 ? Double.NaN : (double) sums.negativeComplaints() / complaints);
        }
    }

    @Override
    public List<MetricValue<?>> values() {
        return List.of(SENTIMENT_SUM, NEGATIVE_COMPLAINTS, MEAN_SENTIMENT, NEGATIVE_SHARE);
    }

    @Override
    public List<CsvColumn> csvColumns() {
        return List.of(new CsvColumn("mean_sentiment", 6, MEAN_SENTIMENT, CsvColumn.Format.DECIMALS_4),
                new CsvColumn("negative_share", 7, NEGATIVE_SHARE, CsvColumn.Format.DECIMALS_4),
                new CsvColumn("negative_complaints", 14, NEGATIVE_COMPLAINTS, CsvColumn.Format.COUNT));
    }

    @Override
    public List<ReportCell> reportCells() {
        return List.of(
                new ReportCell(ReportCell.Table.CAUSES, "meanSentiment", c -> ReportText.signed(c.get(MEAN_SENTIMENT), 2)),
                new ReportCell(ReportCell.Table.CAUSES, "negativeShare", c -> ReportText.percent(c.get(NEGATIVE_SHARE))));
    }
}
