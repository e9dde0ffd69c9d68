package rootcause.aggregate;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Month-over-month change in a cause's share of complaints, with a pooled two-proportion z-test.
 *
 * @param previousShare share in the previous month
 * @param share         share in this month
 * @param change        {@code share - previousShare} (share points as a fraction: 0.05 = 5 points)
 * @param z             the z statistic; 0 when both months have the same proportion
 * @param pValue        two-sided p-value of "the share did not change"
 */
public record ShareChange(double previousShare, double share, double change, double z, double pValue) {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0, 1);

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
        double p = 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(z));
        return new ShareChange(p1, p2, p2 - p1, z, Math.min(1.0, p));
    }
}
