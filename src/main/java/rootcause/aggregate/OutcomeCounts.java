package rootcause.aggregate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Complaints per categorical outcome and value (CFPB's "Company response to consumer" = "Closed with monetary
 * relief", …): addable, like {@link MonthlyCauseStats}. {@link #ratesAgainst} turns a cause's counts and its month's
 * into the rate of each value among the cause's complaints against the rate among all other complaints. Pure.
 */
public record OutcomeCounts(Map<String, Map<String, Long>> counts) {

    public static final OutcomeCounts EMPTY = new OutcomeCounts(Map.of());
    private static final ObjectMapper JSON = new ObjectMapper();

    public OutcomeCounts {
        Map<String, Map<String, Long>> copy = new TreeMap<>();
        counts.forEach((outcome, values) -> copy.put(outcome, Collections.unmodifiableMap(new TreeMap<>(values))));
        counts = Collections.unmodifiableMap(copy);
    }

    /** One complaint count for one outcome value. */
    public static OutcomeCounts of(String outcome, String value, long complaints) {
        return new OutcomeCounts(Map.of(outcome, Map.of(value, complaints)));
    }

    public OutcomeCounts plus(OutcomeCounts other) {
        Map<String, Map<String, Long>> sum = new TreeMap<>();
        for (OutcomeCounts side : new OutcomeCounts[]{this, other}) {
            side.counts.forEach((outcome, values) -> values.forEach((value, n) ->
                    sum.computeIfAbsent(outcome, k -> new TreeMap<>()).merge(value, n, Long::sum)));
        }
        return new OutcomeCounts(sum);
    }

    public boolean isEmpty() {
        return counts.isEmpty();
    }

    /**
     * Per outcome and value: the cause's complaints with it, its rate among the cause's complaints that state the
     * outcome, the rate among the month's other complaints that state it, and their ratio (null when the rest's rate
     * is 0). An outcome the cause's complaints never state is left out.
     */
    public Map<String, Map<String, Rate>> ratesAgainst(OutcomeCounts month) {
        Map<String, Map<String, Rate>> out = new LinkedHashMap<>();
        counts.forEach((outcome, values) -> {
            long stated = values.values().stream().mapToLong(Long::longValue).sum();
            Map<String, Long> all = month.counts.getOrDefault(outcome, Map.of());
            long restStated = all.values().stream().mapToLong(Long::longValue).sum() - stated;
            if (stated == 0) {
                return;
            }
            Map<String, Rate> rates = new LinkedHashMap<>();
            for (String value : all.keySet()) {
                long n = values.getOrDefault(value, 0L);
                double rate = (double) n / stated;
                Double restRate = restStated <= 0 ? null : (double) (all.get(value) - n) / restStated;
                Double ratio = restRate == null || restRate == 0 ? null : rate / restRate;
                rates.put(value, new Rate(n, stated, rate, restRate, ratio));
            }
            out.put(outcome, rates);
        });
        return out;
    }

    /** One outcome value among a cause's complaints against the rest of the month. */
    public record Rate(long complaints, long stated, double rate, Double restRate, Double ratio) {}

    /** {@link #ratesAgainst} as the JSON of the {@code outcome_rates} column; null when there is nothing to say. */
    public static String json(Map<String, Map<String, Rate>> rates) {
        if (rates.isEmpty()) {
            return null;
        }
        Map<String, Map<String, Map<String, Object>>> doc = new LinkedHashMap<>();
        rates.forEach((outcome, values) -> values.forEach((value, r) -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("complaints", r.complaints());
            v.put("stated", r.stated());
            v.put("rate", round(r.rate()));
            v.put("rest_rate", r.restRate() == null ? null : round(r.restRate()));
            v.put("ratio", r.ratio() == null ? null : round(r.ratio()));
            doc.computeIfAbsent(outcome, k -> new LinkedHashMap<>()).put(value, v);
        }));
        try {
            return JSON.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write outcome rates", e);
        }
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
