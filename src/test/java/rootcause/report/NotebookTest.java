package rootcause.report;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rootcause.aggregate.EmergingRule;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Executes notebooks/root-causes.ipynb through jobs/run-notebook on reports this test writes; skipped without Jupyter. */
@Tag("notebook")
class NotebookTest {
    static final Path JUPYTER = Path.of("/usr/bin/jupyter");

    @BeforeAll
    static void needsJupyter() {
        assumeTrue(Files.isExecutable(JUPYTER), JUPYTER + " missing: apt-get install -y jupyter-nbconvert "
                + "python3-nbclient python3-ipykernel python3-pandas python3-matplotlib");
    }

    @Test
    void notebookRunsOnTwoMonthsOfReports(@TempDir Path out) throws Exception {
        ReportWriter writer = new ReportWriter(new LeadershipReport(EmergingRule.DEFAULT));
        writer.write(ReportFixtures.january(), out, ZonedDateTime.now());
        writer.write(ReportFixtures.hostile(), out, ZonedDateTime.now());
        Files.writeString(out.resolve("manifest.json"), "{\"rows_read\": 120, \"rows_accepted\": 100, \"rows_rejected\": 20}");
        Path executed = out.resolve("executed.ipynb");
        Result r = runNotebook(out, executed, "long_wait");
        assertThat(r.exitCode()).as(r.log()).isZero();
        String notebook = Files.readString(executed, StandardCharsets.UTF_8);
        assertThat(notebook).contains("latest month 2024-02").contains("emerging: Rudeness")
                .contains("read = accepted + rejected: True").contains("image/png")
                .contains("cause: long_wait")
                .as("formula guard removed for reading").contains("complaint c0: \\\"-1 stars, on hold forever").doesNotContain("\"output_type\": \"error\"");
    }

    @Test
    void failsWhenACellFails(@TempDir Path out) throws Exception {
        Result r = runNotebook(out, out.resolve("executed.ipynb"), "");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.log()).contains("no reports/*/root-causes.csv under");
    }

    record Result(int exitCode, String log) {}

    private static Result runNotebook(Path out, Path executed, String cause) throws Exception {
        Path log = Files.createTempFile("run-notebook", ".log");
        ProcessBuilder builder = new ProcessBuilder("jobs/run-notebook", out.toString(), executed.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("ROOTCAUSE_CAUSE", cause);
        Process p = builder.start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("notebook did not finish in 300 s");
        }
        String text = Files.readString(log);
        Files.delete(log);
        return new Result(p.exitValue(), text);
    }
}
