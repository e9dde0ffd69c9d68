package rootcause.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import rootcause.job.manifest.FileCounts;
import rootcause.job.manifest.RunManifest;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Exit code 3: the run completed, but nothing useful came of it, or a limit the user set was crossed. */
class ExitCodeTest {
    private static final String HEADER = "response_id,submitted_at,channel,score,comments\n";

    @Test
    void aHeaderOnlyInputExitsThreeNamingWhy(@TempDir Path dir) throws Exception {
        Path export = Files.writeString(dir.resolve("empty.csv"), HEADER);
        StringWriter err = new StringWriter();
        int code = run(err, "--input", "survey=" + export, "--output", dir.resolve("out").toString(), "--stop-after", "clean");

        assertThat(code).isEqualTo(RootCauseCli.DATA_CHECK_FAILED);
        assertThat(err.toString()).contains("rootcause run: nothing accepted: the inputs hold no records after their header")
                .contains(dir.resolve("out") + "/rejects");
    }

    @Test
    void anInputWhoseEveryRowIsRejectedExitsThreeWithTheReasons(@TempDir Path dir) throws Exception {
        Path export = Files.writeString(dir.resolve("long.csv"), HEADER + "r1,2025-09-01 10:00,web,1," + "x".repeat(10_001) + "\n");
        StringWriter err = new StringWriter();
        int code = run(err, "--input", "survey=" + export, "--output", dir.resolve("out").toString(), "--stop-after", "clean");

        assertThat(code).isEqualTo(RootCauseCli.DATA_CHECK_FAILED);
        assertThat(err.toString()).contains("nothing accepted: 1 rows read from 1 files: 1 rejected {text_too_long=1}");
    }

    @Test
    void aRejectedShareFailsOnlyAboveTheLimitTheUserSet() {
        RunManifest m = manifest(40, 37, 3);
        assertThat(RunCommand.failedDataCheck(m, null, "out")).as("a warning by default").isEmpty();
        assertThat(RunCommand.failedDataCheck(m, 0.10, "out")).isEmpty();
        assertThat(RunCommand.failedDataCheck(m, 0.05, "out")).hasValueSatisfying(line -> assertThat(line)
                .startsWith("7.5% of the rows rejected, above --max-rejected-share 0.05: 40 rows read from 1 files")
                .contains("out/rejects"));
    }

    @Test
    void aShareOutsideZeroToOneIsAUsageError(@TempDir Path dir) throws Exception {
        Path export = Files.writeString(dir.resolve("s.csv"), HEADER);
        int code = run(new StringWriter(), "--input", "survey=" + export, "--output", dir.resolve("out").toString(),
                "--max-rejected-share", "5");
        assertThat(code).isEqualTo(CommandLine.ExitCode.USAGE);
    }

    @Test
    void anUnknownTableFormatIsRefusedInOneLineBeforeAnythingStarts(@TempDir Path dir) throws Exception {
        Path export = Files.writeString(dir.resolve("s.csv"), HEADER);
        StringWriter err = new StringWriter();
        int code = run(err, "--input", "survey=" + export, "--output", dir.resolve("out").toString(), "--table-format", "hudi");
        assertThat(code).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString().strip()).isEqualTo("rootcause run: --table-format: 'hudi' is not a table format; use "
                + "parquet, delta or iceberg");
        assertThat(dir.resolve("out")).as("nothing written").doesNotExist();
    }

    private static int run(StringWriter err, String... args) {
        CommandLine cli = RootCauseCli.commandLine();
        cli.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 1];
        all[0] = "run";
        System.arraycopy(args, 0, all, 1, args.length);
        return cli.execute(all);
    }

    private static RunManifest manifest(long read, long accepted, long rejected) {
        List<FileCounts> files = List.of(new FileCounts("f.csv", "survey", read, accepted, rejected, 0, 0,
                Map.of("missing_id", rejected), Map.of(), Map.of("2025-09", accepted), null));
        return RunManifest.of("run", "start", "end", Map.of(), Map.of(), List.of(), List.of("2025-09"), files,
                Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), List.of(), "f".repeat(64));
    }
}
