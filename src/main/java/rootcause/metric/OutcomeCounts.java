package rootcause.metric;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Complaints per categorical outcome and value (CFPB's "Company response to consumer" = "Closed with monetary
 * relief", …): addable, like the other metrics' states. {@link #ratesAgainst} turns a cause's counts and its month's
 * into the rate of each value among the cause's complaints against the rate among all other complaints, tested like a
 * segment against the rest ({@link ShareChange}: the two-proportion z-test, Fisher's exact test where an expected
 * count is below {@value ShareChange#MIN_EXPECTED}); {@link #withQValues} corrects a month's tests with
 * Benjamini–Hochberg. Pure.
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
                ShareChange test = restStated <= 0 ? null : ShareChange.between(all.get(value) - n, restStated, n, stated);
                rates.put(value, new Rate(n, stated, rate, restRate, ratio, test == null ? null : test.pValue(),
                        test == null ? null : test.test(), null));
            }
            out.put(outcome, rates);
        });
        return out;
    }

    /**
     * One outcome value among a cause's complaints against the rest of the month.
     *
     * @param pValue two-sided p-value of "the cause's complaints end this way as often as the rest"; null when no
     *               other complaint of the month states the outcome
     * @param test   {@link ShareChange#Z_TEST} or {@link ShareChange#FISHER}; null with {@code pValue}
     * @param qValue its Benjamini–Hochberg q-value among the month's tests ({@link #withQValues}); null until then
     */
    public record Rate(long complaints, long stated, double rate, Double restRate, Double ratio, Double pValue,
                       String test, Double qValue) {}

    /**
     * The rates of a month's causes (one map per cause, as {@link #ratesAgainst} gives it), with the q-value of every
     * tested (cause, outcome, value) among all of them: one family, so that calling every q below 0.05 keeps the
     * share of chance calls among the month's outcome findings under 5 %. An outcome with two values ("Consumer
     * disputed?" Yes / No) is one hypothesis, not two: its second value's test mirrors the first's (same p), so only
     * the first enters the family and both get its q.
     */
    public static List<Map<String, Map<String, Rate>>> withQValues(List<Map<String, Map<String, Rate>>> month) {
        List<Rate> tested = new ArrayList<>();
        Map<Rate, Rate> mirrorOf = new IdentityHashMap<>();
        month.forEach(cause -> cause.values().forEach(values -> {
            List<Rate> withP = values.values().stream().filter(r -> r.pValue() != null).toList();
            if (values.size() == 2 && withP.size() == 2) {
                tested.add(withP.get(0));
                mirrorOf.put(withP.get(1), withP.get(0));
            } else {
                tested.addAll(withP);
            }
        }));
        double[] q = FalseDiscovery.qValues(tested.stream().mapToDouble(Rate::pValue).toArray());
        Map<Rate, Double> qOf = new IdentityHashMap<>();
        for (int i = 0; i < q.length; i++) {
            qOf.put(tested.get(i), q[i]);
        }
        mirrorOf.forEach((mirror, first) -> qOf.put(mirror, qOf.get(first)));
        List<Map<String, Map<String, Rate>>> out = new ArrayList<>();
        for (Map<String, Map<String, Rate>> cause : month) {
            Map<String, Map<String, Rate>> copy = new LinkedHashMap<>();
            cause.forEach((outcome, values) -> {
                Map<String, Rate> v = new LinkedHashMap<>();
                values.forEach((value, r) -> v.put(value, new Rate(r.complaints(), r.stated(), r.rate(), r.restRate(),
                        r.ratio(), r.pValue(), r.test(), qOf.get(r))));
                copy.put(outcome, v);
            });
            out.add(copy);
        }
        return out;
    }

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
            v.put("p_value", r.pValue() == null ? null : round(r.pValue()));
            v.put("q_value", r.qValue() == null ? null : round(r.qValue()));
            v.put("test", r.test());
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
