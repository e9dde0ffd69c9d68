package rootcause.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import rootcause.aggregate.CauseMetrics;
import rootcause.metric.EmergingRule;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A month's {@code alerts.json}: the emerging causes with the numbers that made them so and the rule that fired,
 * for whoever wires alerts to e-mail or chat. Written every month, with an empty list when nothing emerged, so a
 * consumer can tell "no alert" from "no report".
 */
public final class Alerts {
    private Alerts() {}

    public static final String METRIC_SHARE = "share";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The document as ordered maps (what {@link #write} serialises). */
    static Map<String, Object> document(MonthReport report, EmergingRule rule) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("month", report.month());
        doc.put("rule", rule.describe());
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("min_share_increase", rule.minShareIncrease());
        settings.put("max_q_value", rule.maxQValue());
        settings.put("min_new_complaints", rule.minNewComplaints());
        settings.put("min_month_complaints", rule.minMonthComplaints());
        doc.put("settings", settings);
        doc.put("month_complaints", report.monthComplaints());
        doc.put("previous_month_complaints", report.causes().isEmpty() ? null : report.causes().get(0).previousMonthComplaints());
        doc.put("low_volume", rule.isLowVolume(report.monthComplaints()));
        List<Map<String, Object>> alerts = report.causes().stream().filter(CauseMetrics::emerging).map(Alerts::alert).toList();
        doc.put("alerts", alerts);
        return doc;
    }

    private static Map<String, Object> alert(CauseMetrics c) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("cause_id", c.causeId());
        a.put("cause", c.causeName());
        a.put("group_id", c.causeGroup());
        a.put("metric", METRIC_SHARE);
        a.put("previous_value", c.previousShare());
        a.put("value", c.share());
        a.put("change", c.changeInShare());
        a.put("previous_complaints", c.previousComplaints());
        a.put("complaints", c.complaints());
        a.put("p_value", c.changePValue());
        a.put("q_value", c.changeQValue());
        a.put("test", c.changeTest());
        a.put("rule", c.emergingRule());
        return a;
    }

    public static void write(MonthReport report, EmergingRule rule, OutputStream out) throws IOException {
        JSON.writeValue(out, document(report, rule));
    }
}
