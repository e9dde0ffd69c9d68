package rootcause.metric;

import rootcause.model.Columns;

import java.util.HashMap;
import java.util.Map;

/**
 * One cause (or group) in one month and slice while its metrics derive: the statistics they read (its own and its
 * slice's, this month and the one before) and the values they put, in registry order. Driver-side, pure.
 */
public final class MetricRow {
    private final MonthlyCauseStats stats;
    private final MonthlyCauseStats monthStats;
    private final MonthlyCauseStats previousStats;
    private final MonthlyCauseStats previousMonthStats;
    private final EmergingRule rule;
    private final Map<String, Object> values = new HashMap<>();

    /**
     * @param stats              the cause's statistics this month
     * @param monthStats         the slice's (all its complaints') statistics this month; {@link MonthlyCauseStats#EMPTY}
     *                           when it has none
     * @param previousStats      the cause's statistics the calendar month before; EMPTY when it had no complaints then
     * @param previousMonthStats the slice's statistics the month before; null when the data has no such month
     * @param rule               when a change is called emerging, and a month too small to call
     */
    MetricRow(MonthlyCauseStats stats, MonthlyCauseStats monthStats, MonthlyCauseStats previousStats,
              MonthlyCauseStats previousMonthStats, EmergingRule rule) {
        this.stats = stats;
        this.monthStats = monthStats;
        this.previousStats = previousStats;
        this.previousMonthStats = previousMonthStats;
        this.rule = rule;
    }

    /** {@code metric}'s state for this cause this month. */
    public <S> S state(CauseMetric<S> metric) {
        return stats.of(metric);
    }

    /** {@code metric}'s state for the whole slice this month (every complaint, with the cause or not). */
    public <S> S monthState(CauseMetric<S> metric) {
        return monthStats.of(metric);
    }

    /** {@code metric}'s state for this cause last month; its empty state when there was none. */
    public <S> S previousState(CauseMetric<S> metric) {
        return previousStats.of(metric);
    }

    /** {@code metric}'s state for the whole slice last month; null when the data holds no previous month. */
    public <S> S previousMonthState(CauseMetric<S> metric) {
        return previousMonthStats == null ? null : previousMonthStats.of(metric);
    }

    public EmergingRule rule() {
        return rule;
    }

    /** Whether this row is the unclassified complaints, which no one acts on: never tested for change. */
    public boolean isUnclassified() {
        return Columns.UNCLASSIFIED.equals(get(CauseMetrics.CAUSE_ID));
    }

    public <T> T get(MetricValue<T> value) {
        return value.javaType().cast(values.get(value.column()));
    }

    public <T> void put(MetricValue<T> value, T v) {
        values.put(value.column(), v);
    }

    CauseMetrics toMetrics() {
        return CauseMetricRegistry.checked(values);
    }
}
