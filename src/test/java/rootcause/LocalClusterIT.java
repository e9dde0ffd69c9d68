package rootcause;

import rootcause.io.OutputLayout;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;
import rootcause.clean.NameRedactor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job on a real Spark standalone cluster (jobs/local-cluster: a master and two 1-core workers on 127.0.0.1,
 * nothing of the job on their class path: the models travel with each application), under faults: an executor killed -9 in the middle of the nlp stage, and a driver killed mid-run. The outputs must
 * equal a local run's on the same input, content for content, and a re-run must reproduce them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalClusterIT {
    private static final String MASTER = "spark://127.0.0.1:7077";
    private static final String MASTER_JSON = "http://127.0.0.1:18080/json/";
    /** Big enough that the nlp stage outlasts the first progress line (10 s) on every machine we run on. */
    private static final int ROWS = 600;
    private static final String LAST_MONTH = "2025-11";
    private static final List<String> EARLIER_MONTHS = List.of("2025-09", "2025-10");
    private static final Pattern PROGRESS = Pattern.compile("(?m)^nlp: ([\\d,]+) / ([\\d,]+) texts");
    /** rootcause.embed.SentenceEmbedder's one INFO line per JVM that loads the model. */
    private static final String EMBEDDER_LOADED_PREFIX = "sentence-embedding model ";
    /** What jobs/lib.sh ships with --jars (SHIPPED_JARS): the slim models jar and the embedding stack's folder. */
    private static final Path MODELS_JAR = Path.of("target/rootcause-0.1.0-models-slim.jar");
    private static final Path EMBEDDING_JARS = Path.of("target/embedding-jars");
    /** The line of any encoder: the base model (the sentiment layer's) or the cause encoder (the classify stage's). */
    private static final Pattern EMBEDDER_LOADED = Pattern.compile(
            "sentence-embedding model (.+ONNX\\)) (\\S+) loaded in \\d+ ms \\(sha256 ([0-9a-f]{64})\\)");
    /** The cause encoder's name in that line: it comes in the rootcause cause-encoder jar, which only --jars ships. */
    private static final String CAUSE_ENCODER = rootcause.embed.Encoder.CAUSE.description();

    private final Path clusterDir = Path.of("target/local-cluster-it").toAbsolutePath();
    private Path work;
    private Path input;
    private Path localOut;
    private Path clusterOut;
    /** Application folders under the workers' work dirs before this test ran (the cluster folder is reused). */
    private final Set<String> earlierApps = new HashSet<>();
    /** The application id of the first cluster run (the one that loses an executor). */
    private String clusterAppId;

    @BeforeAll
    void startCluster() throws Exception {
        earlierApps.addAll(appIds());
        work = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "cluster-it-work-");
        input = SyntheticSurvey.write(work.resolve("input/survey.csv"), ROWS).getParent();
        Result started = run(work.resolve("cluster-start.log"), Duration.ofMinutes(3),
                "jobs/local-cluster", "start", "--dir", clusterDir.toString());
        assertThat(started.exitCode()).as(started.output()).isZero();
    }

    @AfterAll
    void stopClusterAndCheckNothingIsLeft() throws Exception {
        Result stopped = run(work.resolve("cluster-stop.log"), Duration.ofMinutes(2),
                "jobs/local-cluster", "stop", "--dir", clusterDir.toString());
        assertThat(javaProcessesNaming(clusterDir + "/")).as("java processes left after stop").isEmpty();
        assertThat(stopped.exitCode()).as(stopped.output()).isZero();
    }

    @Test
    @Order(1)
    void aClusterRunThatLosesAnExecutorMidNlpEqualsALocalRun() throws Exception {
        localOut = work.resolve("local");
        Result local = run(work.resolve("local.log"), Duration.ofMinutes(10),
                rootcause("local[2]", "run", "--input", "survey=" + input, "--output", localOut.toString()));
        assertThat(local.exitCode()).as(local.output()).isZero();

        clusterOut = work.resolve("cluster");
        Path log = work.resolve("cluster.log");
        Process driver = start(log, rootcause(MASTER, "run", "--input", "survey=" + input, "--output", clusterOut.toString()));
        try {
            long[] progress = awaitNlpProgress(driver, log);
            String appId = runningAppId();
            clusterAppId = appId;
            List<ProcessHandle> executors = awaitExecutors(appId, 2);
            long executorPid = executors.get(0).pid();
            String executorCommand = commandLine(executorPid);
            assertThat(executorCommand).as("executors get the Java 17 flags").contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED");
            assertNamesNoShippedJar("executor " + executorPid + "'s command line", executorCommand);
            assertNamesNoShippedJar("executor " + executorPid + "'s environment", environment(executorPid));
            assertThat(progress[0]).as("nlp still running when the executor is killed").isLessThan(progress[1]);
            assertThat(executors.get(0).destroyForcibly()).isTrue(); // SIGKILL: no shutdown hooks, tasks lost

            assertThat(driver.waitFor(10, TimeUnit.MINUTES)).as("cluster run finished").isTrue();
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(driver.exitValue()).as(output).isZero();
            assertThat(output).as("the driver saw the executor go").contains("Lost executor");
            // Spark's task-level WARN lines go to the run log only (the console keeps its ERROR line above).
            String runLog;
            try (var logs = Files.list(clusterOut.resolve("logs"))) {
                runLog = Files.readString(logs.filter(p -> p.getFileName().toString().startsWith("run-")).findFirst().orElseThrow(),
                        StandardCharsets.UTF_8);
            }
            assertThat(runLog).as("the driver retried the lost executor's tasks").contains("ExecutorLostFailure");
            assertThat(output).as("and kept that WARN off the console").doesNotContain("ExecutorLostFailure");
        } finally {
            driver.destroyForcibly();
        }

        assertSameOutputs(localOut, clusterOut, List.of("2025-09", "2025-10", "2025-11"));
        assertThat(manifest(clusterOut).get("rows_accepted").asLong()).isEqualTo(ROWS);
        assertEmbeddingModelLoadedAtMostOncePerExecutor();
    }

    @Test
    @Order(2)
    void aKilledDriverLeavesOtherMonthsIntactAndARerunReproducesTheMonth() throws Exception {
        assertThat(clusterOut).as("needs the cluster run of the first test").isNotNull();
        Map<String, String> before = hashes(clusterOut, EARLIER_MONTHS);
        assertThat(before.keySet()).anyMatch(f -> f.startsWith("complaints/month=2025-09/") && f.endsWith(".parquet"))
                .anyMatch(f -> f.startsWith("causes/month=2025-10/") && f.endsWith(".parquet"))
                .anyMatch(f -> f.equals("reports/2025-09/root-causes.csv"));
        Path reference = work.resolve("cluster-before-rerun");
        copyTree(clusterOut, reference);

        // The month's texts are in the nlp cache since the first run; without it, the run to kill analyses them again
        // (so it is killed inside the nlp stage, as a crash would find it) and the re-run analyses them once more.
        try (Stream<Path> cache = Files.walk(clusterOut.resolve(OutputLayout.NLP_CACHE))) {
            for (Path p : cache.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        Path log = work.resolve("killed-driver.log");
        Process driver = start(log, rootcause(MASTER, "run", "--input", "survey=" + input, "--output", clusterOut.toString(),
                "--months", LAST_MONTH));
        try {
            awaitNlpProgress(driver, log);
        } finally {
            driver.destroyForcibly();
        }
        assertThat(driver.waitFor(1, TimeUnit.MINUTES)).isTrue();
        awaitNoRunningApp();
        assertThat(hashes(clusterOut, EARLIER_MONTHS)).as("earlier months after the killed run").isEqualTo(before);

        Result rerun = run(work.resolve("rerun.log"), Duration.ofMinutes(10),
                rootcause(MASTER, "run", "--input", "survey=" + input, "--output", clusterOut.toString(), "--months", LAST_MONTH));
        assertThat(rerun.exitCode()).as(rerun.output()).isZero();
        assertThat(hashes(clusterOut, EARLIER_MONTHS)).as("earlier months after the re-run").isEqualTo(before);
        assertThat(manifest(clusterOut).get("months_written").toString()).isEqualTo("[\"" + LAST_MONTH + "\"]");
        // Determinism: the re-run writes the month exactly as the first run did.
        assertSameOutputs(reference, clusterOut, List.of(LAST_MONTH));
        assertEmbeddingModelLoadedAtMostOncePerExecutor();
    }

    /**
     * The classify stage's cause model runs on the executors: the cluster run's executors loaded the fine-tuned cause
     * encoder (from its own jar, which travels with the job; no worker has it) and some complaints' causes were
     * matched by it ({@code matched_by = model} in their evidence).
     */
    @Test
    @Order(3)
    void theClassifyStageMatchesCausesWithTheEmbeddingModelOnExecutors() throws Exception {
        assertThat(clusterOut).as("needs the cluster run of the first test").isNotNull();
        assertThat(clusterAppId).as("the first cluster run's application id").isNotNull();
        SparkSession spark = SparkTestSession.get();
        Dataset<Row> complaints = spark.read().parquet(clusterOut.resolve("complaints").toString());
        String byModel = matchedByModelCondition(complaints.schema());
        Map<Path, Integer> loads = embeddingModelLoads(clusterAppId, CAUSE_ENCODER);
        int executorsThatLoaded = (int) loads.values().stream().filter(n -> n > 0).count();
        assertThat(byModel).as("complaints.causes[].evidence[].matched_by: " + complaints.schema().simpleString()).isNotNull();
        assertThat(executorsThatLoaded).as("executors of " + clusterAppId + " that loaded the cause encoder: " + loads)
                .isPositive();

        long matchedByModel = complaints.where(byModel).count();
        long unclassified = complaints.where("array_contains(cause_ids, 'unclassified')").count();
        System.out.printf("LocalClusterIT: %d of %d complaints have a cause matched by the model, %d unclassified; "
                + "%d of %d executors loaded the model%n", matchedByModel, complaints.count(), unclassified,
                executorsThatLoaded, loads.size());
        assertThat(matchedByModel).as("complaints with a cause whose evidence is matched_by = model").isPositive();
    }

    /**
     * The models travel with the job (jobs/rootcause: --jars): no node has them. The workers' command lines and
     * environments name none of the shipped jars, nor does the command each executor was launched with (the
     * {@code Spark Executor Command:} header of its stderr under {@code work/}); yet every executor of the cluster
     * run holds its own copy of each, fetched from the driver into its work dir, and loaded the person-name models
     * from it.
     */
    @Test
    @Order(4)
    void theModelsTravelWithTheJobAndNoNodeHasThemOnAClassPath() throws Exception {
        assertThat(clusterAppId).as("the first cluster run's application id").isNotNull();
        List<Long> workers = workerPids();
        assertThat(workers).as("worker pids in " + clusterDir.resolve("pids")).hasSize(2);
        for (long pid : workers) {
            String command = commandLine(pid);
            assertThat(command).as("worker " + pid + " is running").contains("org.apache.spark.deploy.worker.Worker");
            assertNamesNoShippedJar("worker " + pid + "'s command line", command);
            assertNamesNoShippedJar("worker " + pid + "'s environment", environment(pid));
        }
        List<Path> stderrs = executorStderrFiles(clusterAppId);
        assertThat(stderrs).as("executors of " + clusterAppId).hasSizeGreaterThanOrEqualTo(2);
        for (Path stderr : stderrs) {
            String launch = Files.readAllLines(stderr, StandardCharsets.UTF_8).stream()
                    .filter(l -> l.startsWith("Spark Executor Command:")).findFirst().orElse(null);
            assertThat(launch).as(stderr + ": the worker's launch command").isNotNull().contains("CoarseGrainedExecutorBackend");
            assertNamesNoShippedJar(stderr + ": launch command", launch);
            for (Path shipped : shippedJars()) {
                Path copy = stderr.resolveSibling(shipped.getFileName().toString());
                assertThat(copy).as("the executor's copy of " + shipped.getFileName()).isRegularFile();
                assertThat(Files.size(copy)).as(copy + " is whole").isEqualTo(Files.size(shipped));
            }
        }
        assertThat(stderrs).as("executors that loaded the person-name models from their copy of the models jar")
                .anyMatch(f -> read(f).contains("person-name models " + NameRedactor.MODEL));
    }

    // ---- shipped models

    /** What jobs/rootcause ships with --jars: the slim CoreNLP models jar and every jar of the embedding stack. */
    private static List<Path> shippedJars() throws IOException {
        List<Path> jars = new ArrayList<>(List.of(MODELS_JAR.toAbsolutePath()));
        try (Stream<Path> files = Files.list(EMBEDDING_JARS)) {
            files.filter(f -> f.getFileName().toString().endsWith(".jar")).map(Path::toAbsolutePath).sorted().forEach(jars::add);
        }
        assertThat(jars).as("the embedding stack in " + EMBEDDING_JARS).hasSizeGreaterThan(5)
                .as("the fine-tuned cause encoder's own jar").anyMatch(j -> j.getFileName().toString().endsWith("-cause-encoder.jar"));
        return jars;
    }

    /** The text names none of the shipped jars: no file name, no path of the build's embedding-jars folder. */
    private static void assertNamesNoShippedJar(String what, String text) throws IOException {
        assertThat(text).as(what).isNotBlank().doesNotContain(EMBEDDING_JARS.getFileName() + "/");
        for (Path jar : shippedJars()) {
            assertThat(text).as(what).doesNotContain(jar.getFileName().toString());
        }
    }

    private List<Long> workerPids() throws IOException {
        List<Long> pids = new ArrayList<>();
        try (Stream<Path> files = Files.list(clusterDir.resolve("pids"))) {
            for (Path f : files.filter(f -> f.getFileName().toString().matches("worker-\\d+\\.pid")).sorted().toList()) {
                pids.add(Long.parseLong(Files.readString(f).trim()));
            }
        }
        return pids;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // ---- comparing outputs

    /** Same rows in complaints, causes and candidates (all months), same CSV reports for the months, byte for byte. */
    private static void assertSameOutputs(Path expected, Path actual, List<String> reportMonths) throws IOException {
        SparkSession spark = SparkTestSession.get();
        for (String folder : List.of("complaints", "causes", "candidates")) {
            if (folder.equals("candidates") && !hasParquet(expected.resolve(folder)) && !hasParquet(actual.resolve(folder))) {
                continue; // no candidate terms in either run (the synthetic input's words are all in the taxonomy)
            }
            Dataset<Row> a = canonical(spark, expected.resolve(folder));
            Dataset<Row> b = canonical(spark, actual.resolve(folder));
            assertThat(b.schema()).as(folder + " schema").isEqualTo(a.schema());
            assertThat(b.count()).as(folder + " rows").isEqualTo(a.count());
            if (!folder.equals("candidates")) assertThat(a.count()).as(folder + " rows").isPositive();
            assertThat(a.exceptAll(b).limit(5).collectAsList()).as(folder + ": rows only in " + expected).isEmpty();
            assertThat(b.exceptAll(a).limit(5).collectAsList()).as(folder + ": rows only in " + actual).isEmpty();
        }
        for (String month : reportMonths) {
            for (String csv : List.of("root-causes.csv", "quotes.csv")) {
                Path a = expected.resolve("reports").resolve(month).resolve(csv);
                Path b = actual.resolve("reports").resolve(month).resolve(csv);
                assertThat(Files.readString(b, StandardCharsets.UTF_8)).as(month + "/" + csv)
                        .isEqualTo(Files.readString(a, StandardCharsets.UTF_8));
            }
        }
    }

    private static boolean hasParquet(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) return false;
        try (Stream<Path> files = Files.walk(folder)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".parquet"));
        }
    }

    /**
     * The data with its columns in name order (month, from the folder names, included), whatever the file layout.
     * Top-level doubles are rounded to 9 decimals: a sum over rows that arrive in another order (another cluster,
     * another join plan) may differ in its last bits.
     */
    private static Dataset<Row> canonical(SparkSession spark, Path folder) {
        Dataset<Row> data = spark.read().option("basePath", folder.toString()).parquet(folder.toString());
        String[] names = data.columns().clone();
        Arrays.sort(names);
        return data.select(Arrays.stream(names).map(n -> data.schema().apply(n).dataType()
                        .equals(org.apache.spark.sql.types.DataTypes.DoubleType)
                        ? org.apache.spark.sql.functions.round(col("`" + n + "`"), 9).as(n) : col("`" + n + "`"))
                .toArray(Column[]::new));
    }

    /** sha-256 of every file of the given months in complaints, causes, candidates and reports, by relative path. */
    private static Map<String, String> hashes(Path out, List<String> months) throws Exception {
        Map<String, String> sums = new TreeMap<>();
        List<Path> roots = new ArrayList<>();
        for (String month : months) {
            for (String folder : List.of("complaints", "causes", "candidates")) {
                roots.add(out.resolve(folder).resolve("month=" + month));
            }
            roots.add(out.resolve("reports").resolve(month));
        }
        for (Path root : roots) {
            if (root.getParent().getFileName().toString().equals("candidates") && !Files.exists(root)) {
                continue; // a month without candidate terms has no folder
            }
            assertThat(root).as("month folder").isDirectory();
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f));
                    sums.put(out.relativize(f).toString(), HexFormat.of().formatHex(digest));
                }
            }
        }
        return sums;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(target);
                else Files.copy(f, target);
            }
        }
    }

    /**
     * A SQL condition true for complaints with a cause whose evidence was matched by the model, or null when the
     * schema has no {@code causes[].evidence[].matched_by} (evidence as an array of structs, or as one struct).
     */
    static String matchedByModelCondition(StructType complaints) {
        StructType cause = elementStruct(fieldType(complaints, "causes"));
        DataType evidence = cause == null ? null : fieldType(cause, "evidence");
        StructType evidenceStruct = elementStruct(evidence);
        if (evidenceStruct == null || fieldType(evidenceStruct, "matched_by") == null) return null;
        return evidence instanceof ArrayType
                ? "exists(causes, c -> exists(c.evidence, e -> e.matched_by = 'model'))"
                : "exists(causes, c -> c.evidence.matched_by = 'model')";
    }

    private static DataType fieldType(StructType struct, String name) {
        return Arrays.asList(struct.fieldNames()).contains(name) ? struct.apply(name).dataType() : null;
    }

    /** The struct itself, or the struct an array holds; null otherwise. */
    private static StructType elementStruct(DataType type) {
        if (type instanceof ArrayType a) type = a.elementType();
        return type instanceof StructType st ? st : null;
    }

    // ---- executor logs

    /**
     * Every executor JVM of the applications this test started logs loading each embedding model at most once (a
     * per-JVM model, not per task or per partition), always the same version and file (sha256) per model, and no DJL
     * "Failed to detect GPU count" warning (jobs/log4j2.properties silences ai.djl).
     */
    private void assertEmbeddingModelLoadedAtMostOncePerExecutor() throws IOException {
        Map<String, Integer> loads = new TreeMap<>();
        Map<String, Set<String>> models = new TreeMap<>();
        for (String app : appIds()) {
            if (earlierApps.contains(app)) continue;
            for (Path stderr : executorStderrFiles(app)) {
                String log = Files.readString(stderr, StandardCharsets.UTF_8);
                assertThat(log).as(stderr + ": DJL's GPU warning is silenced").doesNotContain("Failed to detect GPU count");
                for (String line : log.split("\n")) {
                    if (!line.contains(EMBEDDER_LOADED_PREFIX)) continue;
                    Matcher m = EMBEDDER_LOADED.matcher(line);
                    assertThat(m.find()).as(stderr + ": model line in the expected form: " + line).isTrue();
                    assertThat(m.group(2)).as(stderr + ": model version from the model jar").isNotEqualTo("unknown");
                    models.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2) + " " + m.group(3));
                    loads.merge(stderr + " " + m.group(1), 1, Integer::sum);
                }
            }
        }
        assertThat(loads).as("model loads in executor stderr files of this test's applications").isNotEmpty();
        assertThat(loads).as("loads of each sentence-embedding model per executor JVM").allSatisfy((f, n) -> assertThat(n).isLessThanOrEqualTo(1));
        assertThat(models).as("version and sha256 of each model seen by the executors")
                .allSatisfy((model, seen) -> assertThat(seen).hasSize(1));
    }

    /** Model-load lines per executor stderr file of one application. */
    private Map<Path, Integer> embeddingModelLoads(String appId, String model) throws IOException {
        Map<Path, Integer> loads = new TreeMap<>();
        for (Path stderr : executorStderrFiles(appId)) {
            loads.put(stderr, (int) Files.readAllLines(stderr, StandardCharsets.UTF_8).stream()
                    .filter(l -> EMBEDDER_LOADED.matcher(l).find() && l.contains(model)).count());
        }
        return loads;
    }

    /** Ids of the applications with a folder in the workers' work dirs (jobs/local-cluster: DIR/work/worker-N/APP/EXEC/). */
    private Set<String> appIds() throws IOException {
        Set<String> apps = new TreeSet<>();
        for (Path worker : workerDirs()) {
            try (Stream<Path> dirs = Files.list(worker)) {
                dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).filter(n -> n.startsWith("app-")).forEach(apps::add);
            }
        }
        return apps;
    }

    /** The stderr file of every executor of an application, on every worker (a folder per executor id). */
    private List<Path> executorStderrFiles(String appId) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path worker : workerDirs()) {
            Path app = worker.resolve(appId);
            if (!Files.isDirectory(app)) continue;
            try (Stream<Path> executors = Files.list(app)) {
                executors.map(e -> e.resolve("stderr")).filter(Files::isRegularFile).sorted().forEach(files::add);
            }
        }
        return files;
    }

    private List<Path> workerDirs() throws IOException {
        Path work = clusterDir.resolve("work");
        if (!Files.isDirectory(work)) return List.of();
        try (Stream<Path> workers = Files.list(work)) {
            return workers.filter(Files::isDirectory).sorted().toList();
        }
    }

    private static JsonNode manifest(Path out) throws IOException {
        return new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
    }

    // ---- processes

    private record Result(int exitCode, String output) {}

    private static String[] rootcause(String master, String... args) {
        List<String> cmd = new ArrayList<>(List.of("jobs/rootcause", "--master", master));
        cmd.addAll(List.of(args));
        return cmd.toArray(String[]::new);
    }

    private static Process start(Path log, String... cmd) throws IOException {
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static Result run(Path log, Duration timeout, String... cmd) throws Exception {
        Process p = start(log, cmd);
        if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", cmd) + " did not finish in " + timeout + "; log: " + log);
        }
        return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    /** Waits for the driver's first nlp progress line (10 s into the stage); returns {done, total} from it. */
    private static long[] awaitNlpProgress(Process driver, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            Matcher m = PROGRESS.matcher(Files.readString(log, StandardCharsets.UTF_8));
            if (m.find()) {
                return new long[]{Long.parseLong(m.group(1).replace(",", "")), Long.parseLong(m.group(2).replace(",", ""))};
            }
            assertThat(driver.isAlive()).as("driver still running before nlp; log:\n" + Files.readString(log)).isTrue();
            Thread.sleep(500);
        }
        throw new AssertionError("no nlp progress line within 5 minutes; log: " + log);
    }

    private static JsonNode masterState() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(MASTER_JSON)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(r.body());
    }

    private static String runningAppId() throws Exception {
        JsonNode apps = masterState().get("activeapps");
        assertThat(apps.size()).as("running applications on the cluster: " + apps).isEqualTo(1);
        return apps.get(0).get("id").asText();
    }

    private static void awaitNoRunningApp() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (masterState().get("activeapps").size() > 0) {
            assertThat(System.nanoTime()).as("the killed driver's application still running after 2 minutes").isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    /** The executor JVMs of an application on this test's cluster. */
    private List<ProcessHandle> awaitExecutors(String appId, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (true) {
            List<ProcessHandle> found = new ArrayList<>();
            for (long pid : javaProcessesNaming(clusterDir + "/")) {
                String cmd = commandLine(pid);
                if (cmd.contains("CoarseGrainedExecutorBackend") && cmd.contains(appId)) {
                    ProcessHandle.of(pid).ifPresent(found::add);
                }
            }
            if (found.size() >= count) return found;
            assertThat(System.nanoTime()).as("executors of " + appId + " found: " + found).isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    private static List<Long> javaProcessesNaming(String text) throws IOException {
        List<Long> pids = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
                long pid = Long.parseLong(p.getFileName().toString());
                String cmd = commandLine(pid);
                if (cmd.contains("java") && cmd.contains(text)) pids.add(pid);
            }
        }
        return pids;
    }

    /** /proc/PID/cmdline with spaces for NULs; empty when the process is gone. */
    private static String commandLine(long pid) {
        return procFile(pid, "cmdline");
    }

    /** /proc/PID/environ (NAME=value pairs) with spaces for NULs; empty when the process is gone. */
    private static String environment(long pid) {
        return procFile(pid, "environ");
    }

    private static String procFile(long pid, String name) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), name)), StandardCharsets.UTF_8)
                    .replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }
}
