package rootcause.job.manifest;

import rootcause.io.Storage;
import rootcause.metric.EmergingRule;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

public class RunManifestTest {
    public static FileCounts file(String name, long read, long accepted, long rejected, long filtered) {
        return new FileCounts(name, "survey", read, accepted, rejected, filtered, 0, Map.of(), Map.of(),
                Map.of("2025-09", accepted), null);
    }

    static RunManifest manifest(List<FileCounts> files) {
        return RunManifest.of("run", "start", "end", Map.of(), Map.of(), List.of(), List.of("2025-09"), files,
                Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), RunCheck.onCounts(files), "f".repeat(64));
    }

    @Test
    void writesTheTotalsAndTheirReconciliation(@TempDir Path dir) throws Exception {
        RunManifest m = manifest(List.of(file("a.csv", 10, 7, 2, 1), file("b.csv", 5, 4, 0, 1)));
        org.apache.hadoop.fs.Path file = Storage.path(dir.resolve("manifest.json").toString());
        m.write(Storage.local(), file);
        JsonNode json = new ObjectMapper().readTree(dir.resolve("manifest.json").toFile());
        assertThat(json.get("rows_read").asLong()).isEqualTo(15);
        assertThat(json.get("rows_accepted").asLong()).isEqualTo(11);
        assertThat(json.get("rows_rejected").asLong()).isEqualTo(2);
        assertThat(json.get("rows_filtered").asLong()).isEqualTo(2);
        JsonNode r = json.get("reconciliation");
        assertThat(r.get("rule").asText()).isEqualTo("rows_read = rows_accepted + rows_rejected + rows_filtered");
        assertThat(r.get("total").asText()).isEqualTo("rows_read");
        assertThat(r.get("parts").toString()).isEqualTo("[\"rows_accepted\",\"rows_rejected\",\"rows_filtered\"]");
        assertThat(r.get("equation").asText()).isEqualTo("15 = 11 + 2 + 2");
        assertThat(r.get("reconciles").asBoolean()).isTrue();
        assertThat(json.get("files").get(0).has("reconciles")).as("a method, not a manifest field").isFalse();

        assertThat(RunManifest.read(Storage.local(), file)).isEqualTo(m);
        assertThat(dir.resolve("manifest.json.tmp")).doesNotExist();
    }

    @Test
    void recordsTheEmergingRuleTheRunUsedAndReadsItBack(@TempDir Path dir) throws Exception {
        org.apache.hadoop.fs.Path file = Storage.path(dir.resolve("manifest.json").toString());
        assertThat(RunManifest.emergingRule(Storage.local(), file)).as("no manifest").isEqualTo(EmergingRule.DEFAULT);
        RunManifest without = manifest(List.of(file("a.csv", 10, 7, 2, 1)));
        without.write(Storage.local(), file);
        assertThat(new ObjectMapper().readTree(dir.resolve("manifest.json").toFile()).has("emerging_rule")).isFalse();
        assertThat(RunManifest.emergingRule(Storage.local(), file)).as("a manifest from before the rule was recorded")
                .isEqualTo(EmergingRule.DEFAULT);

        EmergingRule rule = new EmergingRule(0.1, 0.01, 8, 50);
        without.withEmergingRule(rule).write(Storage.local(), file);
        JsonNode json = new ObjectMapper().readTree(dir.resolve("manifest.json").toFile()).get("emerging_rule");
        assertThat(json.toString())
                .isEqualTo("{\"min_share_increase\":0.1,\"max_q_value\":0.01,\"min_new_complaints\":8,\"min_month_complaints\":50}");
        assertThat(RunManifest.emergingRule(Storage.local(), file)).isEqualTo(rule);
    }

    @Test
    void aFileThatDoesNotReconcileFailsItsCheckAndTheTotal() {
        RunManifest m = manifest(List.of(file("a.csv", 10, 7, 2, 1), file("b.csv", 5, 3, 0, 1)));
        assertThat(m.reconciliation().reconciles()).isFalse();
        assertThat(m.reconciliation().equation()).isEqualTo("15 = 10 + 2 + 2");
        assertThat(RunCheck.failedErrors(m.checks())).singleElement().satisfies(c -> {
            assertThat(c.check()).isEqualTo("rows_read = rows_accepted + rows_rejected + rows_filtered for b.csv");
            assertThat(c.detail()).isEqualTo("5 = 3 + 0 + 1");
        });
    }

    @Test
    void theRejectedShareWarningSaysWhatFailed() {
        FileCounts f = new FileCounts("s.csv", "survey", 40, 37, 3, 0, 0, Map.of("malformed_record", 1L, "missing_id", 2L),
                Map.of(), Map.of("2025-09", 37L), null);
        RunCheck check = RunCheck.onCounts(List.of(f)).stream()
                .filter(c -> c.check().startsWith(RunCheck.REJECTED_SHARE)).findFirst().orElseThrow();
        assertThat(check.passed()).isFalse();
        assertThat(check.level()).isEqualTo(RunCheck.WARNING);
        assertThat(check.detail()).startsWith("7.5% rejected (3 of 40 rows: ").contains("malformed_record 1", "missing_id 2");
    }
}
