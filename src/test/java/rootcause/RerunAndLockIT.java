package rootcause;

import rootcause.io.OutputLayout;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.io.FileUtils;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rootcause.classify.EmbeddingCache;
import rootcause.job.lock.RunLock;
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
 * Through jobs/rootcause: the README sample run twice into one output folder (the second, forced, analyses no text,
 * embeds no sentence and writes the same complaints), a third time (up to date: it changes nothing), then a run started while the folder's lock is held fails naming the holder and
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
        JsonNode firstClean = manifest(out).get("clean");
        assertThat(firstClean.get("name_cache_hits").asLong()).isZero();
        assertThat(firstClean.get("name_texts_analysed").asLong()).isEqualTo(firstClean.get("name_texts_looked_up").asLong()).isPositive();
        JsonNode firstClassify = manifest(out).get("classify");
        assertThat(firstClassify.get("distinct_sentences_embedded").asLong())
                .isEqualTo(firstClassify.get("sentences_looked_up").asLong()).isPositive();
        assertThat(firstClassify.get("taxonomy_sentences_embedded").asLong()).isPositive();
        assertThat(out.resolve(OutputLayout.LOCK)).as("released at the end").doesNotExist();
        Path firstComplaints = tmp.resolve("first-complaints");
        FileUtils.copyDirectory(out.resolve("complaints").toFile(), firstComplaints.toFile());

        // --force: the output is up to date with these inputs, so without it the re-run would have nothing to do
        // (below); forced, it goes through every stage and the caches spare the NLP and the embeddings.
        List<String> forced = new ArrayList<>(args);
        forced.add("--force");
        RunThroughSparkSubmitIT.ProcessResult second = RunThroughSparkSubmitIT.launcher(tmp, forced.toArray(String[]::new));
        assertThat(second.exitCode()).as(second.output()).isZero();
        JsonNode secondNlp = manifest(out).get("nlp");
        assertThat(secondNlp.get("texts_analysed").asLong()).as("the re-run analyses no text").isZero();
        assertThat(secondNlp.get("cache_hits").asLong()).isEqualTo(firstNlp.get("texts_looked_up").asLong());
        assertThat(second.output()).contains("from the cache, 0 analysed");
        JsonNode secondClean = manifest(out).get("clean");
        assertThat(secondClean.get("name_texts_analysed").asLong()).as("the re-run runs no name model").isZero();
        assertThat(secondClean.get("name_cache_hits").asLong()).as("every text looked up came from the cache")
                .isEqualTo(secondClean.get("name_texts_looked_up").asLong()).isPositive();
        // The rejected rows are unchanged, so their raw records and details are neither redacted nor looked up again:
        // the re-run looks up the complaints' texts only, fewer than the first run.
        assertThat(manifest(out).get("unchanged").has(OutputLayout.REJECTS)).isTrue();
        assertThat(secondClean.get("name_texts_looked_up").asLong()).isLessThan(firstClean.get("name_texts_looked_up").asLong());
        assertThat(secondClean.get("name_cache").asText()).startsWith(out.resolve(OutputLayout.NAME_CACHE).toString());
        assertSameRows(firstComplaints, out.resolve("complaints"));
        assertThat(secondNlp.get("cache").asText()).startsWith(out.resolve(OutputLayout.NLP_CACHE).toString());
        JsonNode secondClassify = manifest(out).get("classify");
        assertThat(secondClassify.get("distinct_sentences_embedded").asLong()).as("the re-run embeds no sentence").isZero();
        assertThat(secondClassify.get("taxonomy_sentences_embedded").asLong()).isZero();
        assertThat(secondClassify.get("embedding_cache_hits").asLong()).isEqualTo(firstClassify.get("sentences_looked_up").asLong());
        assertThat(secondClassify.get("embedding_cache").asText()).startsWith(out.resolve(OutputLayout.EMBEDDING_CACHE).toString());
        assertThat(second.output()).contains("from the embedding cache, 0 embedded; 0 of the taxonomy's own embedded");

        // Not forced: the folder holds the result of these very inputs and settings, so the run says so and writes
        // nothing but its log.
        String secondRunId = manifest(out).get("run_id").asText();
        Map<String, String> beforeUpToDate = withoutLogs(files(out));
        RunThroughSparkSubmitIT.ProcessResult third = RunThroughSparkSubmitIT.launcher(tmp, args.toArray(String[]::new));
        assertThat(third.exitCode()).as(third.output()).isZero();
        assertThat(third.output()).as(third.output()).contains("up to date: " + out + " holds run " + secondRunId);
        assertThat(withoutLogs(files(out))).as("an up-to-date run changes nothing").isEqualTo(beforeUpToDate);

        // A run that holds the lock: this JVM, alive, on this host.
        try (RunLock held = RunLock.forRun(rootcause.io.Storage.local(), rootcause.io.Storage.path(out.toString()), "held-by-the-test")) {
            Map<String, String> before = files(out);
            RunThroughSparkSubmitIT.ProcessResult locked = RunThroughSparkSubmitIT.launcher(tmp, args.toArray(String[]::new));
            assertThat(locked.exitCode()).as(locked.output()).isEqualTo(2);
            assertThat(locked.output().lines().filter(l -> l.startsWith("rootcause run: ")).toList()).as(locked.output())
                    .containsExactly("rootcause run: the output folder is in use by " + held.holder().describe()
                            + " (lock " + out.resolve(OutputLayout.LOCK) + "); wait for it to end");
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

    /** The files but the run logs (every run that starts writes one). */
    private static Map<String, String> withoutLogs(Map<String, String> files) {
        Map<String, String> out = new TreeMap<>(files);
        out.keySet().removeIf(f -> f.startsWith("logs/"));
        return out;
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
