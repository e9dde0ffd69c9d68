package rootcause.report;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rootcause.metric.EmergingRule;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Renders the leadership report in headless Debian Chromium; skipped when {@code /usr/bin/chromium} is absent. */
@Tag("browser")
class ReportBrowserTest {
    static final Path CHROMIUM = Path.of(System.getProperty("rootcause.chromium", "/usr/bin/chromium"));

    @TempDir
    Path dir;

    record Rendered(int exitCode, String dom, List<String> consoleLines) {}

    @BeforeAll
    static void needsChromium() {
        assumeTrue(Files.isExecutable(CHROMIUM), CHROMIUM + " missing: apt-get install -y chromium");
    }

    @Test
    void harnessSeesScriptsRunAndConsoleErrors() throws Exception {
        // Proves the checks below can fail: an unescaped script runs and its errors are captured.
        Path page = Files.writeString(dir.resolve("control.html"), "<!DOCTYPE html><html><head><title>t</title></head>"
                + "<body><p id=\"p\">before</p><script>document.getElementById('p').textContent='ran';"
                + "console.error('boom');</script></body></html>");
        Rendered r = render(page);
        assertThat(r.dom()).contains(">ran</p>");
        assertThat(r.consoleLines()).anyMatch(l -> l.contains("boom"));
    }

    @Test
    void reportRendersWithoutConsoleErrorsAndShowsScriptsAsText() throws Exception {
        Path page = dir.resolve("report.html");
        Files.writeString(page, new LeadershipReport(EmergingRule.DEFAULT)
                .html(ReportFixtures.hostile(), ZonedDateTime.now()), StandardCharsets.UTF_8);
        Rendered r = render(page);
        assertThat(r.exitCode()).isZero();
        assertThat(r.consoleLines()).as("console messages").isEmpty();
        assertThat(r.dom()).contains("Root causes of customer complaints").contains("In customers' own words");
        assertThat(r.dom()).as("complaint markup kept as text").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("&lt;img src=x onerror=");
        assertThat(r.dom()).as("no script or injected element in the DOM").doesNotContain("<script")
                .doesNotContain("<img src=\"x\"");
        assertThat(r.dom()).contains("<title>Root causes of customer complaints: February 2024</title>");
        assertThat(r.dom().split("<img ", -1).length - 1).as("the three charts").isEqualTo(3);
    }

    private Rendered render(Path page) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(dir, "profile");
        Path stdout = dir.resolve(page.getFileName() + ".dom");
        Path stderr = dir.resolve(page.getFileName() + ".log");
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0", "--dump-dom",
                page.toUri().toString()));
        Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish rendering " + page);
        }
        List<String> console = Files.readAllLines(stderr).stream().filter(l -> l.contains(":CONSOLE")).toList();
        return new Rendered(p.exitValue(), Files.readString(stdout), console);
    }
}
