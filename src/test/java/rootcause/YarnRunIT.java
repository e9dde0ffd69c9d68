package rootcause;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.server.MiniYARNCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job on a real YARN cluster (Hadoop's MiniYARNCluster: a ResourceManager and one NodeManager, in this JVM) over a
 * real HDFS (MiniDFSCluster), submitted by jobs/rootcause with {@code --master yarn}, once in each deploy mode. The
 * NodeManager holds nothing of the job: the application jar, the models jar and the embedding stack travel with each
 * submission (--jars), and Spark's own jars come from HDFS ({@code spark.yarn.jars}), as on a cluster without a Spark
 * installation. The outputs must equal a local run's on the same input (jobs/compare-outputs).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class YarnRunIT {
    private static final Path MODELS_JAR = Path.of("target/rootcause-0.1.0-models-slim.jar");
    private static final Path EMBEDDING_JARS = Path.of("target/embedding-jars");
    private static final Path APP_JAR = Path.of("target/rootcause-0.1.0.jar");
    /** The smallest sample input (30 rows); the run is patterns-only, like HdfsRunIT's, to keep the test short. */
    private static final Path SURVEY = Path.of("data-samples/survey/survey.csv");
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(8);

    private Path work;
    private MiniDFSCluster dfs;
    private FileSystem hdfs;
    private MiniYARNCluster yarn;
    private String root;
    private Path hadoopConf;
    private Path localOut;

    @BeforeAll
    void startHdfsAndYarnAndRunLocally() throws Exception {
        work = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "yarn-it-");
        Configuration conf = new YarnConfiguration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, work.resolve("dfs").toString());
        dfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        dfs.waitActive();
        hdfs = dfs.getFileSystem();
        root = hdfs.getUri().toString();
        conf.set("fs.defaultFS", root);
        conf.setInt("dfs.replication", 1);
        // Room for the two containers of a run (application master + one 2 GB executor, each with Spark's 384 MB
        // overhead), in steps of 256 MB.
        conf.setInt(YarnConfiguration.RM_SCHEDULER_MINIMUM_ALLOCATION_MB, 256);
        conf.setInt(YarnConfiguration.RM_SCHEDULER_MAXIMUM_ALLOCATION_MB, 3072);
        conf.setInt(YarnConfiguration.NM_PMEM_MB, 5120);
        // One queue, first come first served: the capacity scheduler (the default) has no queues without its own file.
        conf.set(YarnConfiguration.RM_SCHEDULER, "org.apache.hadoop.yarn.server.resourcemanager.scheduler.fifo.FifoScheduler");
        // Java reserves far more virtual memory than it uses; physical memory is still checked.
        conf.setBoolean(YarnConfiguration.NM_VMEM_CHECK_ENABLED, false);
        // A shared CI disk over 90 % full would mark the one NodeManager's dirs bad, and it would start no container.
        conf.setFloat(YarnConfiguration.NM_MAX_PER_DISK_UTILIZATION_PERCENTAGE, 99.9f);
        conf.setLong(YarnConfiguration.NM_MIN_PER_DISK_FREE_SPACE_MB, 0);
        // Keep each finished application's container folders, which the test inspects.
        conf.setInt(YarnConfiguration.DEBUG_NM_DELETE_DELAY_SEC, 3600);
        // The node's Java, as a real NodeManager's environment (hadoop-env.sh) gives it.
        conf.set(YarnConfiguration.NM_ADMIN_USER_ENV, "JAVA_HOME=" + System.getProperty("java.home"));
        yarn = new MiniYARNCluster(YarnRunIT.class.getSimpleName(), 1, 1, 1);
        yarn.init(conf);
        yarn.start();
        assertThat(yarn.waitForNodeManagersToConnect(60_000)).as("the NodeManager registered").isTrue();

        // What a cluster's client machine has: HADOOP_CONF_DIR with the cluster's addresses. Only those: the
        // minicluster's own configuration names test classes (e.g. a rack mapping) that no Spark jar holds.
        hadoopConf = Files.createDirectories(work.resolve("hadoop-conf"));
        Configuration site = new Configuration(false);
        for (String key : List.of(YarnConfiguration.RM_ADDRESS, YarnConfiguration.RM_SCHEDULER_ADDRESS,
                YarnConfiguration.RM_WEBAPP_ADDRESS)) {
            site.set(key, yarn.getConfig().get(key));
        }
        try (OutputStream out = Files.newOutputStream(hadoopConf.resolve("yarn-site.xml"))) {
            site.writeXml(out);
        }
        Configuration core = new Configuration(false);
        core.set("fs.defaultFS", root);
        core.setInt("dfs.replication", 1);
        try (OutputStream out = Files.newOutputStream(hadoopConf.resolve("core-site.xml"))) {
            core.writeXml(out);
        }

        hdfs.mkdirs(new org.apache.hadoop.fs.Path("/in/survey"));
        hdfs.copyFromLocalFile(hadoopPath(SURVEY), new org.apache.hadoop.fs.Path("/in/survey/survey.csv"));
        // A cluster without a Spark installation: Spark's jars (the Maven-resolved ones the launcher runs) on HDFS.
        hdfs.mkdirs(new org.apache.hadoop.fs.Path("/spark/jars"));
        for (String jar : Files.readString(Path.of("target/spark-classpath.txt")).strip().split(":")) {
            hdfs.copyFromLocalFile(hadoopPath(Path.of(jar)), new org.apache.hadoop.fs.Path("/spark/jars/"));
        }

        // The reference: the same input from HDFS (its path is in every complaint row), in local mode.
        localOut = work.resolve("local");
        Result local = launcher(work.resolve("local.log"), "--master", "local[2]", "run", "--patterns-only",
                "--input", "survey=" + root + "/in/survey", "--output", localOut.toString());
        assertThat(local.exitCode()).as(local.output()).isZero();
    }

    @AfterAll
    void stop() throws IOException {
        if (yarn != null) {
            yarn.stop();
            deleteTree(yarn.getTestWorkDir().toPath());
        }
        if (dfs != null) {
            dfs.shutdown(true);
        }
        if (work != null) {
            deleteTree(work);
        }
    }

    @Test
    void clientDeployModeEqualsALocalRunWithTheJarsShippedToTheContainers() throws Exception {
        submitAndCompare("client");
    }

    @Test
    void clusterDeployModeEqualsALocalRunWithTheDriverInTheApplicationMaster() throws Exception {
        ApplicationId app = submitAndCompare("cluster");
        // The driver's container got the application jar from the submission too.
        Path appJar = containerDirs(app).get(0).resolve("__app__.jar");
        assertThat(appJar).isSymbolicLink();
        assertThat(Files.size(appJar)).isEqualTo(Files.size(APP_JAR));
        // The driver ran in the application master's container: its console lines are in that container's stderr.
        assertThat(Files.readString(containerLog(app, 1, "stderr"), StandardCharsets.UTF_8))
                .contains("rootcause run 0.1.0 on yarn (application " + app + ")");
        assertThat(Files.readString(containerLog(app, 1, "stdout"), StandardCharsets.UTF_8))
                .contains("rootcause: 30 rows read, 28 accepted");
    }

    /** Runs the job on YARN in the deploy mode, checks the outputs and the shipping; returns the application's id. */
    private ApplicationId submitAndCompare(String deployMode) throws Exception {
        Set<ApplicationId> before = new HashSet<>(yarn.getResourceManager().getRMContext().getRMApps().keySet());
        Set<Path> jarsOnTheNodeBefore = shippedJarsUnder(nodeManagerLocalDirs());
        String out = "/out-" + deployMode;
        Result r = launcher(work.resolve(deployMode + ".log"), "--master", "yarn", "--deploy-mode", deployMode,
                "--driver-memory", "1g", "--conf", "spark.executor.instances=1",
                "--conf", "spark.yarn.jars=" + root + "/spark/jars/*.jar", "--conf", "spark.yarn.maxAppAttempts=1",
                "run", "--patterns-only", "--input", "survey=" + root + "/in/survey", "--output", root + out);

        Set<ApplicationId> apps = new HashSet<>(yarn.getResourceManager().getRMContext().getRMApps().keySet());
        apps.removeAll(before);
        assertThat(apps).as("applications submitted by the launcher; its output:\n" + r.output()).hasSize(1);
        ApplicationId app = apps.iterator().next();
        assertThat(r.exitCode()).as(r.output() + diagnostics(app)).isZero();
        assertThat(yarn.getResourceManager().getRMContext().getRMApps().get(app).getFinalApplicationStatus())
                .as("final status of " + app).isEqualTo(FinalApplicationStatus.SUCCEEDED);

        Path copy = work.resolve("yarn-" + deployMode);
        hdfs.copyToLocalFile(false, new org.apache.hadoop.fs.Path(out), hadoopPath(copy), true);
        Result compared = run(work.resolve("compare-" + deployMode + ".log"), "jobs/compare-outputs",
                localOut.toString(), copy.toString());
        assertThat(compared.exitCode()).as("jobs/compare-outputs local yarn-" + deployMode + ":\n" + compared.output())
                .isZero();
        assertThat(compared.output()).contains("same  complaints/ (Parquet)").contains("same  reports/2025-09/root-causes.csv");

        assertTheJobTravelledToEveryContainer(app, jarsOnTheNodeBefore);
        return app;
    }

    /**
     * Every container of the application (the application master and the executor) found the application jar, the
     * models jar and every jar of the embedding stack in its working folder, as links to copies the NodeManager
     * localised for this application (none of them existed on the node before the submission), and its class path
     * names nothing of this checkout.
     */
    private void assertTheJobTravelledToEveryContainer(ApplicationId app, Set<Path> jarsOnTheNodeBefore) throws IOException {
        List<Path> containers = containerDirs(app);
        assertThat(containers).as("container folders of " + app).hasSizeGreaterThanOrEqualTo(2);
        List<String> shipped = new ArrayList<>(List.of(MODELS_JAR.getFileName().toString()));
        try (Stream<Path> jars = Files.list(EMBEDDING_JARS)) {
            jars.map(j -> j.getFileName().toString()).filter(n -> n.endsWith(".jar")).forEach(shipped::add);
        }
        List<Path> localDirs = nodeManagerLocalDirs();
        String checkout = Path.of("").toAbsolutePath().toString();
        for (Path container : containers) {
            for (String jar : shipped) {
                Path link = container.resolve(jar);
                assertThat(link).as(container + ": " + jar + " localised into the container").isSymbolicLink();
                Path copy = link.toRealPath();
                assertThat(localDirs.stream().anyMatch(copy::startsWith))
                        .as(jar + " is a copy in the NodeManager's local dirs: " + copy).isTrue();
                assertThat(jarsOnTheNodeBefore).as(jar + " localised for this application").doesNotContain(copy);
                assertThat(Files.size(copy)).as(jar + " whole").isEqualTo(Files.size(
                        jar.equals(MODELS_JAR.getFileName().toString()) ? MODELS_JAR : EMBEDDING_JARS.resolve(jar)));
            }
            // The NodeManager keeps a copy of each container's launch script beside its logs.
            String launch = Files.readString(containerLogDir(app, container.getFileName().toString())
                    .resolve("launch_container.sh"), StandardCharsets.UTF_8);
            Matcher classPath = Pattern.compile("(?m)^export CLASSPATH=\"(.*)\"$").matcher(launch);
            assertThat(classPath.find()).as(container + ": CLASSPATH in launch_container.sh").isTrue();
            assertThat(classPath.group(1)).as(container + ": the container's class path")
                    .doesNotContain(checkout).doesNotContain("rootcause-").doesNotContain("embedding-jars");
        }
    }

    /** Shipped jars anywhere under the NodeManager's local dirs (its caches of localised files). */
    private Set<Path> shippedJarsUnder(List<Path> dirs) throws IOException {
        Set<Path> found = new HashSet<>();
        for (Path dir : dirs) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().startsWith("rootcause-")
                        || f.getFileName().toString().startsWith("langchain4j-")).forEach(found::add);
            }
        }
        return found;
    }

    /** The working folders of the application's containers: LOCAL_DIR/usercache/USER/appcache/APP/CONTAINER. */
    private List<Path> containerDirs(ApplicationId app) throws IOException {
        List<Path> dirs = new ArrayList<>();
        for (Path local : nodeManagerLocalDirs()) {
            Path appDir = local.resolve("usercache").resolve(System.getProperty("user.name")).resolve("appcache")
                    .resolve(app.toString());
            if (!Files.isDirectory(appDir)) continue;
            try (Stream<Path> list = Files.list(appDir)) {
                list.filter(d -> d.getFileName().toString().startsWith("container_")).sorted().forEach(dirs::add);
            }
        }
        return dirs;
    }

    private List<Path> nodeManagerLocalDirs() {
        return dirsOf(YarnConfiguration.NM_LOCAL_DIRS);
    }

    private List<Path> dirsOf(String key) {
        return Arrays.stream(yarn.getNodeManager(0).getConfig().getTrimmedStrings(key))
                .map(d -> Path.of(d.replaceFirst("^file:", ""))).toList();
    }

    /** A container's log file (stdout or stderr) by its number in the application (1: the application master). */
    private Path containerLog(ApplicationId app, int container, String name) throws IOException {
        String suffix = String.format("_%06d", container);
        for (Path logs : dirsOf(YarnConfiguration.NM_LOG_DIRS)) {
            Path appLogs = logs.resolve(app.toString());
            if (!Files.isDirectory(appLogs)) continue;
            try (Stream<Path> list = Files.list(appLogs)) {
                for (Path c : list.toList()) {
                    if (c.getFileName().toString().endsWith(suffix)) return c.resolve(name);
                }
            }
        }
        throw new AssertionError("no log folder of container " + container + " of " + app);
    }

    /** The NodeManager's log folder of a container, by the container's id. */
    private Path containerLogDir(ApplicationId app, String containerId) {
        return dirsOf(YarnConfiguration.NM_LOG_DIRS).stream().map(l -> l.resolve(app.toString()).resolve(containerId))
                .filter(Files::isDirectory).findFirst()
                .orElseThrow(() -> new AssertionError("no log folder of " + containerId));
    }

    /** The tails of the application's container logs, for a failure message. */
    private String diagnostics(ApplicationId app) throws IOException {
        StringBuilder text = new StringBuilder("\ncontainer logs of " + app + ":");
        for (Path logs : dirsOf(YarnConfiguration.NM_LOG_DIRS)) {
            Path appLogs = logs.resolve(app.toString());
            if (!Files.isDirectory(appLogs)) continue;
            try (Stream<Path> files = Files.walk(appLogs)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    String log = Files.readString(f, StandardCharsets.UTF_8);
                    text.append("\n--- ").append(f).append('\n').append(log.substring(Math.max(0, log.length() - 4000)));
                }
            }
        }
        return text.toString();
    }

    // ---- processes

    private record Result(int exitCode, String output) {}

    private Result launcher(Path log, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("jobs/rootcause"));
        cmd.addAll(List.of(args));
        return run(log, cmd.toArray(String[]::new));
    }

    /** Runs a command with this cluster's HADOOP_CONF_DIR, its output in {@code log}. */
    private Result run(Path log, String... cmd) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("HADOOP_CONF_DIR", hadoopConf.toString());
        pb.environment().remove("SPARK_HOME");
        Process p = pb.start();
        if (!p.waitFor(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", cmd) + " did not finish in " + RUN_TIMEOUT + "; log:\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private static org.apache.hadoop.fs.Path hadoopPath(Path local) {
        return new org.apache.hadoop.fs.Path(local.toAbsolutePath().toUri());
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
