package rootcause.metric;

import rootcause.model.Columns;

import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * The metrics of one cause (or cause group) in one month and slice: one row of {@code OUT/causes}, as named values.
 * Read a value with {@link #get} and the {@link MetricValue} its metric declares; the identity (month, slice, cause)
 * has accessors of its own. Built by {@link MetricDerivation}, read back by {@link CauseMetricRegistry#metricsOf}.
 */
public final class CauseMetrics {

    public static final String LEVEL_CAUSE = "cause";
    public static final String LEVEL_GROUP = "group";
    /** Internal level of the per-slice month totals; never in the output. */
    public static final String LEVEL_TOTAL = "total";
    public static final String TOTAL_ID = "*";
    public static final String UNCLASSIFIED_NAME = "Unclassified";
    /** The dimension, and its value, of the whole month (no slice). */
    public static final String ALL = "all";

    public static final MetricValue<String> MONTH = MetricValue.text(Columns.MONTH, 0);
    /** {@link #ALL}, {@code source}, {@code channel}, {@code product} or {@code region}. */
    public static final MetricValue<String> DIMENSION = MetricValue.text("dimension", 1);
    /** The slice's value ({@link #ALL} for the whole month). */
    public static final MetricValue<String> DIMENSION_VALUE = MetricValue.text("dimension_value", 2);
    /** {@link #LEVEL_CAUSE} or {@link #LEVEL_GROUP}. */
    public static final MetricValue<String> LEVEL = MetricValue.text("level", 3);
    public static final MetricValue<String> CAUSE_ID = MetricValue.text("cause_id", 4);
    public static final MetricValue<String> CAUSE_NAME = MetricValue.text("cause_name", 5);
    /** The cause's group id (the group id itself for groups). */
    public static final MetricValue<String> CAUSE_GROUP = MetricValue.text("cause_group", 6);
    public static final MetricValue<String> CAUSE_GROUP_NAME = MetricValue.text("cause_group_name", 7);

    private final Map<String, Object> values;

    CauseMetrics(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new HashMap<>(values));
    }

    /** The value, of the type its metric declares; null only where the declaration allows. */
    public <T> T get(MetricValue<T> value) {
        if (!values.containsKey(value.column())) {
            throw new IllegalArgumentException("no metric value " + value.column() + " in " + values.keySet());
        }
        return value.javaType().cast(values.get(value.column()));
    }

    public String month() {
        return get(MONTH);
    }

    public String dimension() {
        return get(DIMENSION);
    }

    public String dimensionValue() {
        return get(DIMENSION_VALUE);
    }

    public String level() {
        return get(LEVEL);
    }

    public String causeId() {
        return get(CAUSE_ID);
    }

    public String causeName() {
        return get(CAUSE_NAME);
    }

    public String causeGroup() {
        return get(CAUSE_GROUP);
    }

    public String causeGroupName() {
        return get(CAUSE_GROUP_NAME);
    }

    /** A copy with one value changed: for tests and fixtures, checked as a built row is. */
    public <T> CauseMetrics with(MetricValue<T> value, T v) {
        Map<String, Object> copy = new HashMap<>(values);
        copy.put(value.column(), v);
        return CauseMetricRegistry.checked(copy);
    }

    /** A row from named values; a value left out is null, which its declaration must allow. */
    public static CauseMetrics of(Map<MetricValue<?>, Object> values) {
        Map<String, Object> named = new HashMap<>();
        values.forEach((v, x) -> named.put(v.column(), x));
        return CauseMetricRegistry.checked(named);
    }

    Map<String, Object> values() {
        return values;
    }

    /** Month, slice, level, then impact high to low, then id: the order reports list causes in. */
    public static final Comparator<CauseMetrics> ORDER = Comparator.comparing(CauseMetrics::month)
            .thenComparing(CauseMetrics::dimension).thenComparing(CauseMetrics::dimensionValue)
            .thenComparing(CauseMetrics::level)
            .thenComparing(Comparator.comparingDouble((CauseMetrics c) -> c.get(Impact.IMPACT)).reversed())
            .thenComparing(CauseMetrics::causeId);

    @Override
    public boolean equals(Object o) {
        return o instanceof CauseMetrics other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "CauseMetrics" + new java.util.TreeMap<>(values);
    }
}
