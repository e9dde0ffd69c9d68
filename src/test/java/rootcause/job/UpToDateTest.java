package rootcause.job;

import rootcause.job.manifest.FileCounts;
import rootcause.job.manifest.RunCheck;
import rootcause.job.manifest.RunManifest;
import rootcause.job.manifest.RunManifestTest;
import rootcause.job.tables.MonthTables;
import rootcause.job.tables.TableFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rootcause.ingest.InputSpec;
import rootcause.io.OutputLayout;
import rootcause.io.Storage;
import rootcause.nlp.NlpSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** When a re-run has nothing to do: real files, a real manifest and real folders. */
class UpToDateTest {
    private static final String CODE = "c".repeat(64);

    private static JobConfig config(Path input, Path out, Set<String> months) {
        return new JobConfig(List.of(InputSpec.parse("survey=" + input)), Storage.path(out.toString()), months, null,
                NlpSettings.defaults(), JobConfig.Stage.REPORT, false, null);
    }

    private static String fingerprint(JobConfig config, String taxonomySha256) {
        return UpToDate.fingerprint(Storage.local(), config, CODE, taxonomySha256, "n".repeat(64), "e".repeat(64));
    }

    @Test
    void theFingerprintChangesWithAnyByteOfTheInputsTheMonthsOrTheTaxonomy(@TempDir Path tmp) throws Exception {
        Path input = tmp.resolve("export.csv");
        Files.writeString(input, "id,date,text\n1,2025-09-01,The agent was rude.\n");
        Path out = tmp.resolve("out");
        String first = fingerprint(config(input, out, Set.of()), "t".repeat(64));

        assertThat(fingerprint(config(input, out, Set.of()), "t".repeat(64))).isEqualTo(first).hasSize(64);
        assertThat(fingerprint(config(input, out, Set.of("2025-09")), "t".repeat(64))).isNotEqualTo(first);
        assertThat(fingerprint(config(input, out, Set.of()), "u".repeat(64))).isNotEqualTo(first);
        assertThat(UpToDate.fingerprint(Storage.local(), config(input, out, Set.of()), CODE, "t".repeat(64),
                "n".repeat(64), "none")).as("the semantic layer switched off").isNotEqualTo(first);
        Files.writeString(input, "id,date,text\n1,2025-09-01,The agent was rude!\n");
        assertThat(fingerprint(config(input, out, Set.of()), "t".repeat(64))).isNotEqualTo(first);
        JobConfig parquet = config(input, out, Set.of());
        JobConfig delta = new JobConfig(parquet.inputs(), parquet.output(), parquet.months(), null, parquet.nlp(),
                parquet.stopAfter(), false, null, TableFormat.DELTA);
        assertThat(fingerprint(delta, "t".repeat(64))).as("another table format").isNotEqualTo(fingerprint(parquet, "t".repeat(64)));
        JobConfig stricter = new JobConfig(parquet.inputs(), parquet.output(), parquet.months(), null, parquet.nlp(),
                parquet.stopAfter(), false, null, TableFormat.PARQUET, new rootcause.metric.EmergingRule(0.1, 0.05, 5, 30));
        assertThat(fingerprint(stricter, "t".repeat(64))).as("another emerging rule").isNotEqualTo(fingerprint(parquet, "t".repeat(64)));
        JobConfig defaultRule = new JobConfig(parquet.inputs(), parquet.output(), parquet.months(), null, parquet.nlp(),
                parquet.stopAfter(), false, null, TableFormat.PARQUET, rootcause.metric.EmergingRule.DEFAULT);
        assertThat(fingerprint(defaultRule, "t".repeat(64))).as("the default rule, given or not")
                .isEqualTo(fingerprint(parquet, "t".repeat(64)));
        assertThat(UpToDate.fingerprint(Storage.local(), config(input, out, Set.of()), null, "t".repeat(64),
                "n".repeat(64), "none")).as("code of unknown identity").isNull();
    }

    @Test
    void theFolderHoldsTheRunOnlyWhileItsManifestMonthsAndReportsAreIntact(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        org.apache.hadoop.fs.Path output = Storage.path(out.toString());
        String fingerprint = "f".repeat(64);
        MonthTables tables = MonthTables.open(rootcause.SparkTestSession.get(), output, TableFormat.PARQUET);
        assertThat(UpToDate.previous(Storage.local(), output, fingerprint, tables)).as("no manifest yet").isEmpty();

        List<FileCounts> files = List.of(RunManifestTest.file("a.csv", 10, 7, 2, 1));
        RunManifest manifest = RunManifest.of("run-1", "2026-12-03T10:00:00Z", "2026-12-03T10:05:00Z", Map.of(), Map.of(),
                List.of(), List.of("2025-09"), files, Map.of(), Map.of(), Map.of(), Map.of("aggregate_and_report", 1L), Map.of(),
                RunCheck.onCounts(files), fingerprint);
        manifest.write(Storage.local(), Storage.child(output, "manifest.json"));
        assertThat(UpToDate.previous(Storage.local(), output, fingerprint, tables)).as("the month's folders are missing").isEmpty();
        for (String folder : List.of("complaints/month=2025-09", "stats/month=2025-09", "reports/2025-09")) {
            Files.createDirectories(out.resolve(folder));
        }
        assertThat(UpToDate.previous(Storage.local(), output, fingerprint, tables)).get()
                .extracting(RunManifest::runId).isEqualTo("run-1");
        assertThat(UpToDate.previous(Storage.local(), output, "0".repeat(64), tables)).as("other inputs").isEmpty();
        assertThat(UpToDate.previous(Storage.local(), output, null, tables)).isEmpty();

        Files.writeString(out.resolve(OutputLayout.RECLASSIFY_MANIFEST), "{\"verb\":\"reclassify\",\"started_at\":\"2026-12-03T09:00:00Z\"}");
        assertThat(UpToDate.previous(Storage.local(), output, fingerprint, tables)).as("a reclassify before the run").isPresent();
        Files.writeString(out.resolve(OutputLayout.RECLASSIFY_MANIFEST), "{\"verb\":\"reclassify\",\"started_at\":\"2026-12-03T11:00:00Z\"}");
        assertThat(UpToDate.previous(Storage.local(), output, fingerprint, tables)).as("a reclassify rewrote months since").isEmpty();
        Files.delete(out.resolve(OutputLayout.RECLASSIFY_MANIFEST));

        Files.delete(out.resolve("reports/2025-09"));
        assertThat(UpToDate.previous(Storage.local(), output, fingerprint, tables)).as("a month's report deleted").isEmpty();
    }
}
