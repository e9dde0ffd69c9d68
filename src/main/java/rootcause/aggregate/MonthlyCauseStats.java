package rootcause.aggregate;

import rootcause.metric.ScoreImpact;

import java.io.Serializable;

/**
 * Addable sufficient statistics for one cause (or group) in one month and slice: counts and sums only,
 * never ratios, so months, sources and partial runs combine by {@link #merge}; metrics derive from them.
 *
 * @param complaints         distinct non-duplicate complaints that show the cause
 * @param sentimentSum       sum of the cause's sentiment in [-1, 1] over those complaints
 * @param negativeComplaints complaints whose cause sentiment is below zero
 * @param scores             the customers' own scores of those complaints that have one (count, sum, sum of squares)
 * @param nps                those scores that are NPS answers: answers, promoters, detractors
 */
public record MonthlyCauseStats(long complaints, double sentimentSum, long negativeComplaints, ScoreImpact.Moments scores,
                                ScoreImpact.NpsCounts nps)
        implements Serializable {

    public static final MonthlyCauseStats EMPTY = new MonthlyCauseStats(0, 0.0, 0);

    /** Statistics of complaints without scores. */
    public MonthlyCauseStats(long complaints, double sentimentSum, long negativeComplaints) {
        this(complaints, sentimentSum, negativeComplaints, ScoreImpact.Moments.EMPTY);
    }

    /** Statistics of complaints whose scores are no NPS answers. */
    public MonthlyCauseStats(long complaints, double sentimentSum, long negativeComplaints, ScoreImpact.Moments scores) {
        this(complaints, sentimentSum, negativeComplaints, scores, ScoreImpact.NpsCounts.EMPTY);
    }

    public MonthlyCauseStats {
        java.util.Objects.requireNonNull(scores, "scores");
        java.util.Objects.requireNonNull(nps, "nps");
        if (complaints < 0 || negativeComplaints < 0 || negativeComplaints > complaints) {
            throw new IllegalArgumentException("complaints " + complaints + " and negativeComplaints "
                    + negativeComplaints + " must satisfy 0 <= negative <= complaints");
        }
    }

    /** The statistics of one complaint with the given cause sentiment. */
    public static MonthlyCauseStats ofComplaint(double sentiment) {
        return new MonthlyCauseStats(1, sentiment, sentiment < 0 ? 1 : 0);
    }

    public MonthlyCauseStats merge(MonthlyCauseStats other) {
        return new MonthlyCauseStats(complaints + other.complaints, sentimentSum + other.sentimentSum,
                negativeComplaints + other.negativeComplaints, scores.plus(other.scores), nps.plus(other.nps));
    }

    /** Mean cause sentiment in [-1, 1]; NaN when there are no complaints. */
    public double meanSentiment() {
        return complaints == 0 ? Double.NaN : sentimentSum / complaints;
    }

    /** Share of these complaints whose cause sentiment is negative; NaN when there are none. */
    public double negativeShare() {
        return complaints == 0 ? Double.NaN : (double) negativeComplaints / complaints;
    }

    /**
     * Impact: complaints weighted by how negative they are, {@code sum((1 - s) / 2)} = complaints x mean negativity,
     * where negativity maps sentiment -1 to 1, 0 to 0.5 and +1 to 0. Frequent and painful causes rank first;
     * a neutral mention still counts half, a positive one nothing.
     */
    public double impact() {
        return (complaints - sentimentSum) / 2.0;
    }

    /** This cause's share of the slice's complaints; NaN when the slice is empty. */
    public double shareOf(long monthComplaints) {
        return monthComplaints == 0 ? Double.NaN : (double) complaints / monthComplaints;
    }
}
