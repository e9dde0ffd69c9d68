package rootcause.metric;

/**
 * When a cause counts as emerging: both months hold at least {@code minMonthComplaints} complaints, and its share
 * rose by at least {@code minShareIncrease} with a Benjamini–Hochberg q-value below {@code maxQValue} (the causes of
 * a month and slice are one family), or it is new (none last month) with at least {@code minNewComplaints}
 * complaints, also at q below {@code maxQValue}. A first month in the data has nothing to compare and never emerges.
 *
 * @param minShareIncrease   share increase as a fraction (0.05 = 5 percentage points)
 * @param maxQValue          false discovery rate the emerging calls of one month keep to
 * @param minNewComplaints   complaints a brand-new cause needs this month
 * @param minMonthComplaints complaints a month needs before a change in it is called (below: a hollow trend point)
 */
public record EmergingRule(double minShareIncrease, double maxQValue, long minNewComplaints, long minMonthComplaints) {

    /** The default of each part of the rule (the options' defaults: {@code run --help}). */
    public static final double DEFAULT_MIN_SHARE_INCREASE = 0.05;
    public static final double DEFAULT_MAX_Q_VALUE = 0.05;
    public static final long DEFAULT_MIN_NEW_COMPLAINTS = 5;
    public static final long DEFAULT_MIN_MONTH_COMPLAINTS = 30;

    /** 5 points up at q &lt; 0.05, or new with 5 complaints or more at q &lt; 0.05; months of 30 complaints or more. */
    public static final EmergingRule DEFAULT = new EmergingRule(DEFAULT_MIN_SHARE_INCREASE, DEFAULT_MAX_Q_VALUE,
            DEFAULT_MIN_NEW_COMPLAINTS, DEFAULT_MIN_MONTH_COMPLAINTS);

    /** The names of the rule's parts in {@code alerts.json}'s {@code settings} and the manifests' {@code emerging_rule}. */
    public static final String MIN_SHARE_INCREASE = "min_share_increase";
    public static final String MAX_Q_VALUE = "max_q_value";
    public static final String MIN_NEW_COMPLAINTS = "min_new_complaints";
    public static final String MIN_MONTH_COMPLAINTS = "min_month_complaints";

    /** Which part of the rule made a cause emerging, as written in {@code alerts.json}. */
    public static final String SHARE_ROSE = "share_rose";
    public static final String NEW_CAUSE = "new_cause";

    public EmergingRule {
        if (!(minShareIncrease > 0 && minShareIncrease < 1) || !(maxQValue > 0 && maxQValue < 1) || minNewComplaints < 1
                || minMonthComplaints < 1) {
            throw new IllegalArgumentException("emerging rule needs 0 < minShareIncrease < 1 (got " + minShareIncrease
                    + "), 0 < maxQValue < 1 (got " + maxQValue + "), minNewComplaints >= 1 (got " + minNewComplaints
                    + "), minMonthComplaints >= 1 (got " + minMonthComplaints + ")");
        }
    }

    /** The rule's parts by name ({@link #MIN_SHARE_INCREASE}, ...), in this order, as written in JSON. */
    public java.util.Map<String, Object> settings() {
        java.util.Map<String, Object> settings = new java.util.LinkedHashMap<>();
        settings.put(MIN_SHARE_INCREASE, minShareIncrease);
        settings.put(MAX_Q_VALUE, maxQValue);
        settings.put(MIN_NEW_COMPLAINTS, minNewComplaints);
        settings.put(MIN_MONTH_COMPLAINTS, minMonthComplaints);
        return settings;
    }

    /** The rule {@link #settings} wrote (numbers as JSON reads them back); null for null. */
    public static EmergingRule fromSettings(java.util.Map<String, ?> settings) {
        if (settings == null) {
            return null;
        }
        return new EmergingRule(((Number) settings.get(MIN_SHARE_INCREASE)).doubleValue(),
                ((Number) settings.get(MAX_Q_VALUE)).doubleValue(), ((Number) settings.get(MIN_NEW_COMPLAINTS)).longValue(),
                ((Number) settings.get(MIN_MONTH_COMPLAINTS)).longValue());
    }

    /** A month (of one slice) too small to call a change in, or to read its trend point as firm. */
    public boolean isLowVolume(long monthComplaints) {
        return monthComplaints < minMonthComplaints;
    }

    /**
     * The part of the rule that fires ({@link #SHARE_ROSE} or {@link #NEW_CAUSE}), or null when the cause is not
     * emerging.
     *
     * @param previousComplaints the cause's complaints last month
     * @param complaints         this month
     * @param change             the share change, or null when the previous month has no data
     * @param qValue             the change's q-value within its month and slice (ignored when {@code change} is null)
     */
    public String firedRule(long previousComplaints, long complaints, ShareChange change, double qValue) {
        return firedRule(previousComplaints, complaints, change == null ? null : change.change(), qValue);
    }

    /** {@link #firedRule(long, long, ShareChange, double)} from the change in share alone (null: nothing to compare). */
    public String firedRule(long previousComplaints, long complaints, Double changeInShare, double qValue) {
        if (changeInShare == null || !(qValue < maxQValue)) {
            return null;
        }
        // A new cause must be significant too (the q test above): against a tiny previous month, "new" means nothing.
        if (previousComplaints == 0 && complaints >= minNewComplaints) {
            return NEW_CAUSE;
        }
        return changeInShare >= minShareIncrease - 1e-12 ? SHARE_ROSE : null;
    }

    /** Whether the months compared are both large enough to call a change between them. */
    public boolean canCall(long previousMonthComplaints, long monthComplaints) {
        return !isLowVolume(previousMonthComplaints) && !isLowVolume(monthComplaints);
    }

    /** The rule in words, for reports and alerts. */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "share up at least %s points at q < %s (Benjamini-Hochberg over the "
                        + "month's causes), or new with at least %d complaints at q < %s; both months with at least %d complaints",
                trimmed(100 * minShareIncrease), trimmed(maxQValue), minNewComplaints, trimmed(maxQValue), minMonthComplaints);
    }

    private static String trimmed(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
