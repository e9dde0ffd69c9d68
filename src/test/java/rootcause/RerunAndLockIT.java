package rootcause;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.io.FileUtils;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rootcause.job.RunLock;
import rootcause.nlp.NlpCache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Through jobs/rootcause: the README sample run twice into one output folder (the second analyses no text and
 * writes the same complaints), then a run started while the folder's lock is held fails naming the holder and
 * leaves every file as it was.
 */
class RerunAndLockIT {

    @Test
    void aReRunAnalysesNothingAndALockedOutputIsLeftAlone(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        List<String> args = new ArrayList<>(List.of("run", "--master", "local[2]"));
        args.addAll(List.of(RunThroughSparkSubmitIT.sampleInputs()));
        args.addAll(List.of("--output", out.toString()));

        RunThroughSparkSubmitIT.ProcessResult first = RunThroughSparkSubmitIT.launcher(tmp, args.toArray(String[]::new));
        assertThat(first.exitCode()).as(first.output()).isZero();
        JsonNode firstNlp = manifest(out).get("nlp");
        assertThat(firstNlp.get("cache_hits").asLong()).isZero();
        assertThat(firstNlp.get("texts_analysed").asLong()).isEqualTo(firstNlp.get("texts_looked_up").asLong()).isPositive();
        assertThat(out.resolve(RunLock.FILE)).as("released at the end").doesNotExist();
        Path firstComplaints = tmp.resolve("first-complaints");
        FileUtils.copyDirectory(out.resolve("complaints").toFile(), firstComplaints.toFile());

        RunThroughSparkSubmitIT.ProcessResult second = RunThroughSparkSubmitIT.launcher(tmp, args.toArray(String[]::new));
        assertThat(second.exitCode()).as(second.output()).isZero();
        JsonNode secondNlp = manifest(out).get("nlp");
        assertThat(secondNlp.get("texts_analysed").asLong()).as("the re-run analyses no text").isZero();
        assertThat(secondNlp.get("cache_hits").asLong()).isEqualTo(firstNlp.get("texts_looked_up").asLong());
        assertThat(second.output()).contains("from the cache, 0 analysed");
        assertSameRows(firstComplaints, out.resolve("complaints"));
        assertThat(secondNlp.get("cache").asText()).startsWith(out.resolve(NlpCache.FOLDER).toString());

        // A run that holds the lock: this JVM, alive, on this host.
        try (RunLock held = RunLock.forRun(rootcause.io.Storage.local(), rootcause.io.Storage.path(out.toString()), "held-by-the-test")) {
            Map<String, String> before = files(out);
            RunThroughSparkSubmitIT.ProcessResult locked = RunThroughSparkSubmitIT.launcher(tmp, args.toArray(String[]::new));
            assertThat(locked.exitCode()).as(locked.output()).isEqualTo(2);
            assertThat(locked.output().lines().filter(l -> l.startsWith("rootcause run: ")).toList()).as(locked.output())
                    .containsExactly("rootcause run: the output folder is in use by " + held.holder().describe()
                            + " (lock " + out.resolve(RunLock.FILE) + "); wait for it to end");
            assertThat(files(out)).as("nothing in the output folder changed").isEqualTo(before);
        }
    }

    private static JsonNode manifest(Path out) throws IOException {
        return new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
    }

    private static void assertSameRows(Path expected, Path actual) {
        SparkSession spark = SparkTestSession.get();
        Dataset<Row> a = spark.read().option("basePath", expected.toString()).parquet(expected.toString());
        Dataset<Row> b = spark.read().option("basePath", actual.toString()).parquet(actual.toString());
        assertThat(b.schema()).isEqualTo(a.schema());
        assertThat(b.count()).isEqualTo(a.count()).isPositive();
        assertThat(a.exceptAll(b).limit(5).collectAsList()).as("complaints only in the first run").isEmpty();
        assertThat(b.exceptAll(a).limit(5).collectAsList()).as("complaints only in the re-run").isEmpty();
    }

    /** Every file under the folder → its size and modification time. */
    private static Map<String, String> files(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), Files.size(p) + " " + Files.getLastModifiedTime(p));
            }
        }
        return out;
    }
}
