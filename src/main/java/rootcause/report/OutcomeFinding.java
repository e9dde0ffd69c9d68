package rootcause.report;

import rootcause.metric.OutcomeRates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import rootcause.metric.CauseMetrics;
import rootcause.metric.ReportText;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's lines on how the causes' complaints end: from each cause's {@code outcome_rates}, the outcome values
 * at least {@value #MIN_RATIO}× more or less frequent than among the rest of the month, for causes with at least
 * {@value #MIN_STATED} complaints stating the outcome, and only where the difference is significant: its q-value
 * (Benjamini–Hochberg over the month's cause x outcome value tests) below the report's level. Largest departures first.
 */
final class OutcomeFinding {
    private OutcomeFinding() {}

    static final double MIN_RATIO = 1.5;
    static final long MIN_STATED = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Finding(String cause, String outcome, String value, long stated, double rate, double restRate,
                           double ratio, double qValue, String test) {
        /** How far from "as often as the rest", either way. */
        double departure() {
            return Math.abs(Math.log(ratio));
        }
    }

    /** Up to {@code limit} findings with q below {@code maxQValue}. */
    static List<Map<String, Object>> of(List<CauseMetrics> causes, int limit, double maxQValue) {
        List<Finding> findings = new ArrayList<>();
        for (CauseMetrics c : causes) {
            if (c.get(OutcomeRates.OUTCOME_RATES) == null) continue;
            JsonNode doc = read(c.get(OutcomeRates.OUTCOME_RATES));
            doc.fields().forEachRemaining(outcome -> outcome.getValue().fields().forEachRemaining(value -> {
                JsonNode r = value.getValue();
                long stated = r.get("stated").asLong();
                if (r.get("ratio").isNull() || r.get("rate").asDouble() == 0) return;
                JsonNode q = r.get("q_value");
                if (q == null || q.isNull() || q.asDouble() >= maxQValue) return;
                double ratio = r.get("ratio").asDouble();
                if (stated >= MIN_STATED && (ratio >= MIN_RATIO || ratio <= 1 / MIN_RATIO)) {
                    findings.add(new Finding(c.causeName(), outcome.getKey().replace('_', ' '), value.getKey(), stated,
                            r.get("rate").asDouble(), r.get("rest_rate").asDouble(), ratio, q.asDouble(),
                            r.get("test").asText()));
                }
            }));
        }
        findings.sort(Comparator.comparingDouble(Finding::departure).reversed().thenComparing(Finding::cause));
        return findings.stream().limit(limit).map(f -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("cause", f.cause());
            row.put("outcome", f.outcome());
            row.put("value", f.value());
            row.put("ratio", f.ratio() >= 1 ? String.format(Locale.ROOT, "%.1f× more often", f.ratio())
                    : String.format(Locale.ROOT, "%.1f× less often", 1 / f.ratio()));
            row.put("rate", ReportText.percent(f.rate()));
            row.put("stated", String.format(Locale.ROOT, "%,d", f.stated()));
            row.put("restRate", ReportText.percent(f.restRate()));
            row.put("q", String.format(Locale.ROOT, "%.3f", f.qValue()));
            row.put("test", LeadershipReport.testName(f.test()));
            return row;
        }).toList();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("outcome_rates is not JSON: " + json, e);
        }
    }
}
