package rootcause.metric;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.Collections;

/**
 * The addable state of every metric for one cause (or group, or month total) in one month and slice: counts and sums
 * only, never ratios, so months, slices and partial runs combine by {@link #merge}; the metrics derive from it.
 * Immutable; a metric without an entry has its {@link CauseMetric#emptyState}.
 */
public final class MonthlyCauseStats {

    public static final MonthlyCauseStats EMPTY = new MonthlyCauseStats(new IdentityHashMap<>());

    private final Map<CauseMetric<?>, Object> states;

    private MonthlyCauseStats(Map<CauseMetric<?>, Object> states) {
        this.states = states;
    }

    /** The state of {@code metric}. */
    @SuppressWarnings("unchecked")
    public <S> S of(CauseMetric<S> metric) {
        return states.containsKey(metric) ? (S) states.get(metric) : metric.emptyState();
    }

    /** These statistics with {@code metric}'s state replaced. */
    public <S> MonthlyCauseStats with(CauseMetric<S> metric, S state) {
        Map<CauseMetric<?>, Object> copy = new IdentityHashMap<>(states);
        copy.put(metric, state);
        return new MonthlyCauseStats(copy);
    }

    /** The statistics of both sets of complaints: every metric's states merged. */
    public MonthlyCauseStats merge(MonthlyCauseStats other) {
        Set<CauseMetric<?>> metrics = Collections.newSetFromMap(new IdentityHashMap<>());
        metrics.addAll(states.keySet());
        metrics.addAll(other.states.keySet());
        Map<CauseMetric<?>, Object> merged = new IdentityHashMap<>();
        for (CauseMetric<?> m : metrics) {
            merged.put(m, mergeOf(m, other));
        }
        return new MonthlyCauseStats(merged);
    }

    private <S> S mergeOf(CauseMetric<S> metric, MonthlyCauseStats other) {
        return metric.merge(of(metric), other.of(metric));
    }

    /** Equal when every metric's state is: a missing entry equals its empty state. */
    @Override
    public boolean equals(Object o) {
        return o instanceof MonthlyCauseStats other
                && CauseMetricRegistry.METRICS.stream().allMatch(m -> java.util.Objects.equals(of(m), other.of(m)));
    }

    @Override
    public int hashCode() {
        return CauseMetricRegistry.METRICS.stream().map(this::of).toList().hashCode();
    }

    @Override
    public String toString() {
        return "MonthlyCauseStats" + states;
    }
}
