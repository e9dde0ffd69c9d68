package rootcause.report;

import rootcause.metric.Emerging;
import rootcause.metric.Volume;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rootcause.metric.EmergingRule;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AlertsTest {

    private static void write(MonthReport report, Path file) throws Exception {
        try (var out = java.nio.file.Files.newOutputStream(file)) {
            Alerts.write(report, EmergingRule.DEFAULT, out);
        }
    }

    @Test
    void listsTheEmergingCausesWithTheirNumbersAndTheRuleThatFired(@TempDir Path dir) throws Exception {
        MonthReport feb = ReportFixtures.hostile();
        Path file = dir.resolve("alerts.json");
        write(feb, file);
        JsonNode doc = new ObjectMapper().readTree(file.toFile());

        assertThat(doc.get("month").asText()).isEqualTo("2024-02");
        assertThat(doc.get("settings").get("max_q_value").asDouble()).isEqualTo(0.05);
        assertThat(doc.get("settings").get("min_month_complaints").asLong()).isEqualTo(30);
        assertThat(doc.get("rule").asText()).contains("q < 0.05");
        assertThat(doc.get("month_complaints").asLong()).isEqualTo(feb.monthComplaints());
        List<String> emerging = feb.causes().stream().filter(c -> c.get(Emerging.EMERGING)).map(c -> c.causeId()).toList();
        assertThat(emerging).isNotEmpty();
        JsonNode alerts = doc.get("alerts");
        assertThat(alerts).hasSize(emerging.size());
        JsonNode first = alerts.get(0);
        assertThat(first.get("cause_id").asText()).isEqualTo(emerging.get(0));
        assertThat(first.get("metric").asText()).isEqualTo(Alerts.METRIC_SHARE);
        assertThat(first.get("rule").asText()).isEqualTo(EmergingRule.SHARE_ROSE);
        assertThat(first.get("value").asDouble()).isEqualTo(feb.causes().get(0).get(Volume.SHARE));
        assertThat(first.get("q_value").asDouble()).isEqualTo(0.02);
        // names are data: JSON escapes them, nothing is interpreted
        assertThat(first.get("cause").asText()).isEqualTo(feb.causes().get(0).causeName());
    }

    @Test
    void aMonthWithNothingEmergingStillHasItsFileWithAnEmptyList(@TempDir Path dir) throws Exception {
        MonthReport jan = ReportFixtures.hostile();
        MonthReport quiet = new MonthReport(jan.month(), jan.causes().stream().filter(c -> !c.get(Emerging.EMERGING)).toList(),
                jan.groups(), jan.history(), jan.quotes(), jan.counts());
        Path file = dir.resolve("alerts.json");
        write(quiet, file);
        assertThat(new ObjectMapper().readTree(file.toFile()).get("alerts")).isEmpty();
    }
}
