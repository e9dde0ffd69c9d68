package rootcause.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A fault the user can fix is one line naming the path and the reason; a signal is one line and a clean stop. */
class FaultLineTest {
    @Test
    void anIoErrorTheSystemRefusedIsNamedWithItsPathAndReason() {
        assertThat(RootCauseCli.osReason(new UncheckedIOException("cannot create /ro/out/_rootcause.lock",
                new FileSystemException("/ro/out", null, "Read-only file system"))))
                .hasValue("cannot create /ro/out/_rootcause.lock: /ro/out: Read-only file system");
        assertThat(RootCauseCli.osReason(new IllegalStateException("write failed",
                new FileNotFoundException("/full/out/part-0 (No space left on device)"))))
                .hasValue("write failed: /full/out/part-0 (No space left on device)");
        assertThat(RootCauseCli.osReason(new IllegalStateException("a bug"))).isEmpty();
    }

    @Test
    void aReadOnlyOutputIsOneLineWithExitTwo(@TempDir Path dir) throws Exception {
        Path mount = Files.createDirectory(dir.resolve("ro"));
        assumeTrue(exec("mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", mount.toString()) == 0,
                "mounting a read-only tmpfs needs root");
        try {
            Path export = Files.writeString(dir.resolve("survey.csv"),
                    "response_id,submitted_at,channel,score,comments\n1,2025-03-01 10:00:00,web,3,Fine.\n");
            StringWriter err = new StringWriter();
            CommandLine cli = RootCauseCli.commandLine();
            cli.setErr(new PrintWriter(err, true));
            int code = cli.execute("run", "--input", "survey=" + export, "--output", mount.resolve("out").toString());

            assertThat(code).isEqualTo(CommandLine.ExitCode.USAGE);
            assertThat(err.toString().strip().lines()).singleElement().asString()
                    .startsWith("rootcause run: ").contains(mount.toString()).endsWith("Read-only file system");
        } finally {
            exec("umount", mount.toString());
        }
    }

    @Test
    void sigtermIsOneLineAnInterruptedManifestAndNoLock(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> !a.startsWith("-agentlib") && !a.startsWith("-javaagent")).forEach(command::add);
        command.addAll(List.of("-Xmx2g", "-Dlog4j2.configurationFile=jobs/log4j2.properties", "-cp", System.getProperty("java.class.path"),
                RootCauseCli.class.getName(), "run", "--input", "survey=data-samples/survey", "--output", out.toString(),
                "--patterns-only"));
        Process run = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader err = new BufferedReader(new InputStreamReader(run.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = err.readLine()) != null) {
                lines.add(line);
                if (line.startsWith("ingest, clean")) {
                    break;
                }
            }
            // SIGTERM, as a scheduler's timeout sends; not Process.destroy, which also closes the pipes read here.
            assertThat(exec("kill", "-TERM", String.valueOf(run.pid()))).isZero();
            int signalledAt = lines.size();
            while ((line = err.readLine()) != null) {
                lines.add(line);
            }
            assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();
            List<String> after = lines.subList(signalledAt, lines.size());
            // Spark's WARN lines (the host name resolving to a loopback address, ...) go to the run log only.
            assertThat(lines.subList(0, signalledAt)).as(String.join("\n", lines)).noneMatch(l -> l.contains(" WARN "));
            assertThat(after).as(String.join("\n", lines)).singleElement().asString()
                    .startsWith("rootcause run: interrupted during ").contains(out + " keeps ").endsWith("; re-run to finish");
        } finally {
            run.destroyForcibly();
        }
        assertThat(run.exitValue()).isEqualTo(RootCauseCli.INTERRUPTED);
        assertThat(Files.readString(out.resolve("manifest.json"))).contains("\"status\" : \"interrupted\"");
        assertThat(out.resolve("_rootcause.lock")).doesNotExist();
    }

    private static int exec(String... command) throws IOException, InterruptedException {
        return new ProcessBuilder(command).inheritIO().start().waitFor();
    }
}
