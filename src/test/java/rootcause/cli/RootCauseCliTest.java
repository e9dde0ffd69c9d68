package rootcause.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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

    @Test
    void helpListsTheLauncherOptionsAndTheJvmSaysNothing() throws Exception {
        // The launcher's own JVM flags (target/spark-jvm-flags.txt, from the pom), as jobs/rootcause starts the driver.
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(Files.readString(Path.of("target", "spark-jvm-flags.txt")).strip().split("\\s+")));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), RootCauseCli.class.getName(), "run", "--help"));
        Process help = new ProcessBuilder(command).start();
        String out = new String(help.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        String err = new String(help.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(help.waitFor()).isZero();
        assertThat(err).as("no 'WARNING: Using incubator modules' or any other line").isEmpty();
        assertThat(out).contains("Launcher options (jobs/rootcause", "--master URL", "--deploy-mode M", "--driver-memory M",
                "--executor-memory M", "--conf K=V", "--jars A,B", "--max-rejected-share");
    }
}
