package rootcause.report;

import rootcause.metric.ChangeInShare;
import rootcause.metric.Emerging;
import rootcause.metric.Volume;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import rootcause.metric.CauseMetrics;
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
        doc.put("settings", rule.settings());
        doc.put("month_complaints", report.monthComplaints());
        doc.put("previous_month_complaints", report.causes().isEmpty() ? null : report.causes().get(0).get(ChangeInShare.PREVIOUS_MONTH_COMPLAINTS));
        doc.put("low_volume", rule.isLowVolume(report.monthComplaints()));
        List<Map<String, Object>> alerts = report.causes().stream().filter((CauseMetrics c) -> c.get(Emerging.EMERGING)).map(Alerts::alert).toList();
        doc.put("alerts", alerts);
        return doc;
    }

    private static Map<String, Object> alert(CauseMetrics c) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("cause_id", c.causeId());
        a.put("cause", c.causeName());
        a.put("group_id", c.causeGroup());
        a.put("metric", METRIC_SHARE);
        a.put("previous_value", c.get(ChangeInShare.PREVIOUS_SHARE));
        a.put("value", c.get(Volume.SHARE));
        a.put("change", c.get(ChangeInShare.CHANGE_IN_SHARE));
        a.put("previous_complaints", c.get(ChangeInShare.PREVIOUS_COMPLAINTS));
        a.put("complaints", c.get(Volume.COMPLAINTS));
        a.put("p_value", c.get(ChangeInShare.CHANGE_P_VALUE));
        a.put("q_value", c.get(ChangeInShare.CHANGE_Q_VALUE));
        a.put("test", c.get(ChangeInShare.CHANGE_TEST));
        a.put("rule", c.get(Emerging.EMERGING_RULE));
        return a;
    }

    public static void write(MonthReport report, EmergingRule rule, OutputStream out) throws IOException {
        JSON.writeValue(out, document(report, rule));
    }
}
