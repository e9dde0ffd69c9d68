package rootcause.cli;

import rootcause.io.Storage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rootcause.report.ReportWriter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RunSummaryTest {
    @Test
    void namesTheReportsWrittenTheManifestAndTheLog(@TempDir Path out) throws Exception {
        List<String> months = List.of("2025-01", "2025-02", "2025-03", "2025-04", "2025-05");
        for (String m : months.subList(0, 4)) { // 2025-05 has no report (e.g. the run stopped before it)
            Files.createDirectories(out.resolve("reports").resolve(m));
            Files.writeString(out.resolve("reports").resolve(m).resolve(ReportWriter.HTML), "<html/>");
        }
        Path log = out.resolve("logs/run-1.log");
        List<String> lines = RunSummary.lines(Storage.local(), Storage.path(out.toString()), months, Optional.of(log));
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).startsWith("report 2025-01: " + out.resolve("reports/2025-01/report.html"))
                .contains("report.pdf");
        assertThat(lines.get(3)).isEqualTo("... and 1 more month in " + out.resolve("reports"));
        assertThat(lines.get(4)).isEqualTo("manifest: " + out.resolve("manifest.json") + "; log: " + log);
    }

    @Test
    void saysSoWhenNoReportWasWritten(@TempDir Path out) {
        assertThat(RunSummary.lines(Storage.local(), Storage.path(out.toString()), List.of("2025-01"), Optional.empty()))
                .containsExactly("no report written (see the manifest)", "manifest: " + out.resolve("manifest.json"));
    }
}
