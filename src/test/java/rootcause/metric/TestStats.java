package rootcause.metric;

import java.util.List;

/** Statistics for tests, by the counts and sums that matter, without Spark. */
final class TestStats {
    private TestStats() {}

    /** {@code complaints} complaints with this sentiment sum, {@code negative} of them negative. */
    static MonthlyCauseStats of(long complaints, double sentimentSum, long negative) {
        return MonthlyCauseStats.EMPTY.with(Volume.METRIC, complaints)
                .with(Sentiment.METRIC, new Sentiment.Sums(sentimentSum, negative));
    }

    static MonthlyCauseStats of(long complaints, double sentimentSum, long negative, ScoreImpact.Moments scores) {
        return of(complaints, sentimentSum, negative).with(CustomerScoreImpact.METRIC, scores);
    }

    static MonthlyCauseStats of(long complaints, double sentimentSum, long negative, ScoreImpact.Moments scores,
                                ScoreImpact.NpsCounts nps) {
        return of(complaints, sentimentSum, negative, scores).with(NpsPoints.METRIC, nps);
    }

    static MonthlyCauseStats ofComplaint(double sentiment) {
        return MonthlyCauseStats.EMPTY.with(Volume.METRIC, 1L).with(Sentiment.METRIC, Sentiment.Sums.ofComplaint(sentiment));
    }

    static MonthlyCauseStats classifiedBy(MonthlyCauseStats stats, List<String> taxonomyVersions) {
        return stats.with(TaxonomyVersion.METRIC, taxonomyVersions);
    }
}
