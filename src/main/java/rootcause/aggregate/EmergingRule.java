package rootcause.aggregate;

/**
 * When a cause counts as emerging: its share rose by at least {@code minShareIncrease} with p below
 * {@code maxPValue}, or it is new (none last month, the previous month has data) with at least
 * {@code minNewComplaints} complaints, also at p below {@code maxPValue}. A first month in the data has nothing to compare and never emerges.
 *
 * @param minShareIncrease share increase as a fraction (0.05 = 5 percentage points)
 * @param maxPValue        significance level of the two-proportion z-test
 * @param minNewComplaints complaints a brand-new cause needs this month
 */
public record EmergingRule(double minShareIncrease, double maxPValue, long minNewComplaints) {

    /** 5 points up at p &lt; 0.05, or new with 5 complaints or more at p &lt; 0.05. */
    public static final EmergingRule DEFAULT = new EmergingRule(0.05, 0.05, 5);

    public EmergingRule {
        if (!(minShareIncrease > 0 && minShareIncrease < 1) || !(maxPValue > 0 && maxPValue < 1) || minNewComplaints < 1) {
            throw new IllegalArgumentException("emerging rule needs 0 < minShareIncrease < 1 (got " + minShareIncrease
                    + "), 0 < maxPValue < 1 (got " + maxPValue + "), minNewComplaints >= 1 (got " + minNewComplaints + ")");
        }
    }

    /**
     * @param previousComplaints the cause's complaints last month
     * @param complaints         this month
     * @param change             the share change, or null when the previous month has no data
     */
    public boolean isEmerging(long previousComplaints, long complaints, ShareChange change) {
        if (change == null) {
            return false;
        }
        boolean risen = change.change() >= minShareIncrease - 1e-12 && change.pValue() < maxPValue;
        // A new cause must be significant too: against a tiny previous month, "new" means nothing.
        boolean isNew = previousComplaints == 0 && complaints >= minNewComplaints && change.pValue() < maxPValue;
        return risen || isNew;
    }
}
