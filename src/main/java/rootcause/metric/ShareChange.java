package rootcause.metric;

import org.apache.commons.math3.distribution.HypergeometricDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Month-over-month change in a cause's share of complaints, tested with the pooled two-proportion z-test, or with
 * Fisher's exact test where an expected cell count is below {@value #MIN_EXPECTED} (the z-test's normal
 * approximation is unreliable there: 5 new complaints against none in a month of 1,000 is p = 0.062 exactly,
 * 0.025 by the z-test).
 *
 * @param previousShare share in the previous month
 * @param share         share in this month
 * @param change        {@code share - previousShare} (share points as a fraction: 0.05 = 5 points)
 * @param z             the z statistic; 0 when both months have the same proportion
 * @param pValue        two-sided p-value of "the share did not change"
 * @param test          {@link #Z_TEST} or {@link #FISHER}: which test gave the p-value
 */
public record ShareChange(double previousShare, double share, double change, double z, double pValue, String test) {

    public static final String Z_TEST = "z";
    public static final String FISHER = "fisher";
    /** The smallest expected count of the 2×2 table for which the z-test is used. */
    public static final double MIN_EXPECTED = 5;
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0, 1);
    /** Tables this much less likely than the observed one count as "as extreme" (floating-point ties). */
    private static final double TIE = 1 + 1e-7;

    /**
     * Compares {@code count} of {@code total} this month with {@code previousCount} of {@code previousTotal}.
     * Both totals must be positive.
     */
    public static ShareChange between(long previousCount, long previousTotal, long count, long total) {
        if (previousTotal <= 0 || total <= 0) {
            throw new IllegalArgumentException("totals must be positive: previous " + previousTotal + ", this " + total);
        }
        double p1 = (double) previousCount / previousTotal;
        double p2 = (double) count / total;
        double pooled = (double) (previousCount + count) / (previousTotal + total);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / previousTotal + 1.0 / total));
        // se is 0 only when both months are all-or-nothing alike: no evidence of change.
        double z = se == 0 ? 0.0 : (p2 - p1) / se;
        double smallestExpected = Math.min(pooled, 1 - pooled) * Math.min(previousTotal, total);
        if (se > 0 && smallestExpected < MIN_EXPECTED) {
            return new ShareChange(p1, p2, p2 - p1, z, fisherTwoSided(previousCount, previousTotal, count, total), FISHER);
        }
        double p = 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(z));
        return new ShareChange(p1, p2, p2 - p1, z, Math.min(1.0, p), Z_TEST);
    }

    /**
     * Fisher's exact two-sided p-value: the probability, with both months' totals and the cause's total fixed, of
     * every table no more likely than the observed one (this month's count is hypergeometric).
     */
    static double fisherTwoSided(long previousCount, long previousTotal, long count, long total) {
        long population = previousTotal + total;
        long successes = previousCount + count;
        HypergeometricDistribution h = new HypergeometricDistribution(null, Math.toIntExact(population),
                Math.toIntExact(successes), Math.toIntExact(total));
        double observed = h.probability(Math.toIntExact(count));
        double p = 0;
        for (int x = h.getSupportLowerBound(); x <= h.getSupportUpperBound(); x++) {
            double px = h.probability(x);
            if (px <= observed * TIE) p += px;
        }
        return Math.min(1.0, p);
    }
}
