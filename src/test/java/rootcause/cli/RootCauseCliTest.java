package rootcause.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** How the launcher's command line answers bad configuration: a usage error that lists every problem. */
class RootCauseCliTest {
    @Test
    void anOutputThatIsAFileIsAUsageErrorInOneLine(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("taken.txt"), "x");
        Path export = Files.writeString(dir.resolve("survey.csv"),
                "response_id,submitted_at,channel,score,comments\n1,2025-03-01 10:00:00,web,3,\"Fine.\"\n");
        StringWriter err = new StringWriter();
        CommandLine cli = RootCauseCli.commandLine();
        cli.setErr(new PrintWriter(err));
        int code = cli.execute("run", "--input", "survey=" + export, "--output", file.toString());

        assertThat(code).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString().strip()).isEqualTo("rootcause run: --output " + file
                + " is a file; give a folder (it is created if missing)");
    }

    @Test
    void anInputThatDoesNotExistIsAUsageErrorInOneLineNamingIt(@TempDir Path dir) {
        Path missing = dir.resolve("no-such-export.csv");
        StringWriter err = new StringWriter();
        CommandLine cli = RootCauseCli.commandLine();
        cli.setErr(new PrintWriter(err));
        int code = cli.execute("run", "--input", "survey=" + missing, "--output", dir.resolve("out").toString());

        assertThat(code).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString().strip()).isEqualTo("rootcause run: --input survey=" + missing + ": no such file or folder");
        assertThat(dir.resolve("out")).as("fails before the run log or Spark starts").doesNotExist();
    }

    @Test
    void aBrokenTaxonomyIsAUsageErrorListingEveryProblem(@TempDir Path dir) throws Exception {
        Path taxonomy = Files.writeString(dir.resolve("broken.yaml"), "id: x\nversion: 1\ngroups: []\ncolour: blue\n");
        StringWriter err = new StringWriter();
        CommandLine cli = RootCauseCli.commandLine();
        cli.setErr(new PrintWriter(err));
        int code = cli.execute("explain", "--taxonomy", taxonomy.toString(), "The agent was rude.");

        assertThat(code).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).startsWith("rootcause explain: taxonomy " + taxonomy + " is invalid (")
                .contains("\n  - ").doesNotContain("stack trace")
                .contains("\n  - " + taxonomy + ": colour: unknown key; allowed: [")
                .contains("\n  - " + taxonomy + ": groups: must be a non-empty list");
    }
}
