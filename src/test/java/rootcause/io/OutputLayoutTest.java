package rootcause.io;

import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class OutputLayoutTest {
    private static final java.nio.file.Path MAIN = java.nio.file.Path.of("src/main/java");

    @Test
    void namesEveryPathUnderTheOutputFolder() {
        OutputLayout out = new OutputLayout(new Path("hdfs://nn:8020/rc/out"));
        assertThat(out.month(OutputLayout.COMPLAINTS, "2025-09")).hasToString("hdfs://nn:8020/rc/out/complaints/month=2025-09");
        assertThat(out.report("2025-09")).hasToString("hdfs://nn:8020/rc/out/reports/2025-09");
        assertThat(out.manifest()).hasToString("hdfs://nn:8020/rc/out/manifest.json");
        assertThat(out.lock()).hasToString("hdfs://nn:8020/rc/out/_rootcause.lock");
        assertThat(OutputLayout.MONTH_DATASETS).startsWith(OutputLayout.COMPLAINTS).hasSize(4);
    }

    /** The names are spelled once: a string literal of one of them anywhere else in the job's code fails. */
    @Test
    void noOtherClassSpellsAnOutputPath() throws IOException {
        Pattern spelled = Pattern.compile("\"(manifest\\.json|manifest-reclassify\\.json|_rootcause\\.lock|_staging|nlp-cache"
                + "|embedding-cache|reports|rejects|month=)[\"/]");
        List<String> found = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(MAIN)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (file.endsWith("OutputLayout.java")) continue;
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).strip();
                    boolean comment = line.startsWith("*") || line.startsWith("/*") || line.startsWith("//");
                    if (!comment && spelled.matcher(line).find()) found.add(MAIN.relativize(file) + ":" + (i + 1) + ": " + line);
                }
            }
        }
        assertThat(found).isEmpty();
    }
}
