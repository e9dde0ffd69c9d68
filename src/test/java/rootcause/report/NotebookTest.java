package rootcause.report;

import rootcause.io.Storage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rootcause.metric.EmergingRule;

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
        writeReports(out);
        Files.writeString(out.resolve("manifest.json"), ReportFixtures.manifestJson(ReportFixtures.HOSTILE_ROWS, 4));
        Path executed = out.resolve("executed.ipynb");
        Result r = runNotebook(out, executed, "long_wait");
        assertThat(r.exitCode()).as(r.log()).isZero();
        String notebook = Files.readString(executed, StandardCharsets.UTF_8);
        assertThat(notebook).contains("latest month 2024-02").contains("emerging: Rudeness")
                .contains("2024-02: no complaint has a score of the customer's own")
                .contains("2024-02: 0 segment comparisons, 0 over-represented")
                .contains("alerts: Rudeness")
                .contains("rows_read = rows_accepted + rows_rejected + rows_filtered: True (123 = 100 + 20 + 3)")
                .contains("image/png")
                .contains("cause: long_wait")
                .as("formula guard removed for reading").contains("most negative, complaint c0: \\\"-1 stars, on hold forever")
                .as("typical quotes after the most negative").contains("typical, complaint c9: \\\"Held 40 minutes").doesNotContain("\"output_type\": \"error\"");
    }

    @Test
    void notebookReadsTheScoreImpactAndNpsPoints(@TempDir Path out) throws Exception {
        ReportWriter writer = new ReportWriter(new LeadershipReport(EmergingRule.DEFAULT), Storage.local());
        writer.write(ReportFixtures.january(), Storage.path(out.toString()), ZonedDateTime.now());
        writer.write(ReportFixtures.withScores(ReportFixtures.hostile(), -12.5), Storage.path(out.toString()), ZonedDateTime.now());
        Path executed = out.resolve("executed.ipynb");
        Result r = runNotebook(out, executed, "");
        assertThat(r.exitCode()).as(r.log()).isZero();
        assertThat(Files.readString(executed, StandardCharsets.UTF_8))
                .contains("2024-02: the cause that costs the NPS most: Rudeness <script>alert(1)</script> (-12.5 points)")
                .doesNotContain("2024-02: no complaint has a score");
    }

    /** The notebook prints what the manifest's numbers say of the manifest's rule: here, that it fails. */
    @Test
    void saysSoWhenTheCountsDoNotReconcile(@TempDir Path out) throws Exception {
        writeReports(out);
        Files.writeString(out.resolve("manifest.json"), manifest(120, 100, 20, 3, "120 = 100 + 20 + 3", false));
        Path executed = out.resolve("executed.ipynb");
        Result r = runNotebook(out, executed, "");
        assertThat(r.exitCode()).as(r.log()).isZero();
        assertThat(Files.readString(executed, StandardCharsets.UTF_8))
                .contains("rows_read = rows_accepted + rows_rejected + rows_filtered: False (120 = 100 + 20 + 3)");
    }

    /** A manifest whose stated result contradicts its own numbers stops the notebook. */
    @Test
    void failsWhenTheManifestContradictsItsNumbers(@TempDir Path out) throws Exception {
        writeReports(out);
        Files.writeString(out.resolve("manifest.json"), manifest(120, 100, 20, 3, "120 = 100 + 20 + 3", true));
        Result r = runNotebook(out, out.resolve("executed.ipynb"), "");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.log()).contains("the counts say rows_read = rows_accepted + rows_rejected + rows_filtered is False");
    }

    private static void writeReports(Path out) throws Exception {
        ReportWriter writer = new ReportWriter(new LeadershipReport(EmergingRule.DEFAULT), Storage.local());
        writer.write(ReportFixtures.january(), Storage.path(out.toString()), ZonedDateTime.now());
        writer.write(ReportFixtures.hostile(), Storage.path(out.toString()), ZonedDateTime.now());
    }

    /** A manifest written by hand, as a broken or edited one would be: its numbers and its stated reconciliation. */
    private static String manifest(long read, long accepted, long rejected, long filtered, String equation,
                                   boolean reconciles) {
        return "{\"rows_read\": " + read + ", \"rows_accepted\": " + accepted + ", \"rows_rejected\": " + rejected
                + ", \"rows_filtered\": " + filtered + ", \"duplicates\": 0, \"reconciliation\": {\"rule\": "
                + "\"rows_read = rows_accepted + rows_rejected + rows_filtered\", \"total\": \"rows_read\", "
                + "\"parts\": [\"rows_accepted\", \"rows_rejected\", \"rows_filtered\"], \"equation\": \"" + equation
                + "\", \"reconciles\": " + reconciles + "}}";
    }

    @Test
    void failsWhenACellFails(@TempDir Path out) throws Exception {
        Result r = runNotebook(out, out.resolve("executed.ipynb"), "");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.log()).contains("no reports/*/root-causes.csv under");
    }

    record Result(int exitCode, String log) {}

    static Result runNotebook(Path out, Path executed, String cause) throws Exception {
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
