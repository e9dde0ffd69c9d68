package rootcause.job;

import rootcause.job.lock.RunLock;

import rootcause.io.OutputLayout;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.io.FileUtils;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import rootcause.RunThroughSparkSubmitIT;
import rootcause.RunThroughSparkSubmitIT.ProcessResult;
import rootcause.SparkTestSession;
import rootcause.io.Storage;

import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's {@code s3a://} command, run: jobs/rootcause (SparkSubmit, local[2]) reads its inputs from and writes
 * every output to a bucket of a real S3-compatible server ({@link S3Server}, over HTTP), with S3A from Maven in
 * {@code --jars} and S3A's magic committer. Then a second run into the same folder is refused by the lock on S3.
 */
class S3RunIT {
    private static final String BUCKET = "rootcause-it";
    /** A name no other test uses, so a stray local copy of the output could be found by it. */
    private static final String OUT_NAME = "s3-run-it-out";
    private static final String OUT = "s3a://" + BUCKET + "/" + OUT_NAME;
    /** The S3A file system and Spark's binding of its committers, copied from Maven by the build (README, "On S3"). */
    private static final String S3A_JARS = "target/s3a-jars/hadoop-aws-3.4.1.jar,target/s3a-jars/bundle-2.24.6.jar,"
            + "target/s3a-jars/spark-hadoop-cloud_2.13-4.0.1.jar";
    /** The magic committer for every Spark write (docs/RUNNING.md, "S3"). */
    private static final List<String> MAGIC_COMMITTER = List.of(
            "spark.hadoop.fs.s3a.committer.name=magic",
            "spark.sql.sources.commitProtocolClass=org.apache.spark.internal.io.cloud.PathOutputCommitProtocol",
            "spark.sql.parquet.output.committer.class=org.apache.spark.internal.io.cloud.BindingParquetOutputCommitter");

    private static java.nio.file.Path tmp;
    private static S3Server server;
    private static Map<String, String> s3a;
    private static FileSystem s3;
    private static RemoteOutput output;
    private static ProcessResult run;

    @BeforeAll
    static void runTheReadmeCommandOnS3() throws Exception {
        tmp = Files.createTempDirectory("s3-run-it");
        long start = System.nanoTime();
        server = S3Server.start(tmp, BUCKET);
        long up = System.nanoTime();
        s3a = new LinkedHashMap<>();
        s3a.put("fs.s3a.access.key", "rootcause-it");
        s3a.put("fs.s3a.secret.key", "rootcause-it");
        s3a.put("fs.s3a.endpoint.region", "us-east-1");
        // What differs from AWS: the server's address, and bucket names in the path (no per-bucket DNS names here).
        s3a.put("fs.s3a.endpoint", server.endpoint());
        s3a.put("fs.s3a.path.style.access", "true");
        Configuration conf = new Configuration();
        s3a.forEach(conf::set);
        s3 = FileSystem.newInstance(URI.create("s3a://" + BUCKET + "/"), conf);
        output = new RemoteOutput(s3, OUT);
        s3.copyFromLocalFile(local("data-samples/survey/survey.csv"), new Path("/exports/survey/survey.csv"));
        s3.copyFromLocalFile(local("data-samples/cfpb-export/complaints-2025-11-20_10_00.csv"), new Path("/exports/cfpb.csv"));
        run = launcher();
        // What the IT costs, for docs/RUNNING.md: the server's start and the run (the refused run's is printed below).
        System.out.printf("S3RunIT: S3Mock up in %d s, the run took %d s%n", (up - start) / 1_000_000_000,
                (System.nanoTime() - up) / 1_000_000_000);
    }

    @AfterAll
    static void stop() throws Exception {
        if (s3 != null) {
            s3.close();
        }
        if (server != null) {
            server.close();
        }
        if (tmp != null) {
            FileUtils.deleteDirectory(tmp.toFile());
        }
    }

    @Test
    void theManifestInTheBucketReconcilesTheRowsReadFromIt() throws Exception {
        assertThat(run.exitCode()).as(run.output()).isZero();
        output.assertManifestReconciles("s3a://" + BUCKET + "/exports/survey/survey.csv", "s3a://" + BUCKET + "/exports/cfpb.csv");
    }

    @Test
    void parquetOutputsAreInTheBucketAndReadBack() throws Exception {
        assertThat(run.exitCode()).as(run.output()).isZero();
        SparkSession spark = SparkTestSession.get();
        s3a.forEach(spark.sparkContext().hadoopConfiguration()::set);
        output.assertParquetReadsBack(spark);
    }

    @Test
    void everyMonthsReportFilesAreInTheBucket() throws Exception {
        assertThat(run.exitCode()).as(run.output()).isZero();
        output.assertEveryMonthsReports();
    }

    @Test
    void theMagicCommitterWroteTheParquetAndLeftNothingBehind() throws Exception {
        assertThat(run.exitCode()).as(run.output()).isZero();
        // S3A's committers write a JSON _SUCCESS naming themselves; the classic FileOutputCommitter an empty one.
        JsonNode rejects = output.json(output.path("rejects/_SUCCESS"));
        assertThat(rejects.get("committer").asText()).isEqualTo("magic");
        String nlpCache = output.files().keySet().stream().filter(f -> f.startsWith("/nlp-cache/") && f.endsWith("/_SUCCESS"))
                .findFirst().orElseThrow();
        assertThat(output.json(output.path(nlpCache.substring(1))).get("committer").asText()).isEqualTo("magic");
        // No magic paths (pending uploads) and no rename-committer leftovers in the output.
        assertThat(output.files().keySet()).noneMatch(f -> f.contains("__magic") || f.contains("_temporary"));
    }

    @Test
    void aSecondRunIsRefusedWhileTheLockIsHeld() throws Exception {
        assertThat(run.exitCode()).as(run.output()).isZero();
        Path out = Storage.path(OUT);
        assertThat(s3.exists(Storage.child(out, OutputLayout.LOCK))).as("released at the end of the run").isFalse();
        // A run that holds the lock: this JVM, alive, on this host; its lock is an object in the bucket.
        try (RunLock held = RunLock.forRun(new Storage(s3.getConf()), out, "held-by-the-test")) {
            Map<String, String> before = output.files();
            long start = System.nanoTime();
            ProcessResult locked = launcher("--force");
            System.out.printf("S3RunIT: the refused run took %d s%n", (System.nanoTime() - start) / 1_000_000_000);
            assertThat(locked.exitCode()).as(locked.output()).isEqualTo(2);
            assertThat(locked.output().lines().filter(l -> l.startsWith("rootcause run: ")).toList()).as(locked.output())
                    .containsExactly("rootcause run: the output folder is in use by " + held.holder().describe()
                            + " (lock " + OUT + "/" + OutputLayout.LOCK + "); wait for it to end");
            assertThat(output.files()).as("nothing in the bucket changed").isEqualTo(before);
        }
        assertThat(s3.exists(Storage.child(out, OutputLayout.LOCK))).isFalse();
    }

    @Test
    void nothingIsWrittenToALocalFolderNamedLikeTheOutput() throws Exception {
        assertThat(run.exitCode()).as(run.output()).isZero();
        output.assertNothingLocal("s3a", OUT_NAME);
        assertThat(run.output().lines().findFirst().orElseThrow()).contains("(on this machine: the output folder is remote)");
    }

    /** The README's command, with the server's settings: jobs/rootcause --jars … --conf … run --input s3a://… */
    private static ProcessResult launcher(String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("--master", "local[2]", "--jars", S3A_JARS));
        s3a.forEach((k, v) -> args.addAll(List.of("--conf", "spark.hadoop." + k + "=" + v)));
        MAGIC_COMMITTER.forEach(c -> args.addAll(List.of("--conf", c)));
        args.addAll(List.of("run", "--input", "survey=s3a://" + BUCKET + "/exports/survey/",
                "--input", "cfpb=s3a://" + BUCKET + "/exports/cfpb.csv", "--output", OUT, "--patterns-only"));
        args.addAll(List.of(more));
        return RunThroughSparkSubmitIT.launcher(tmp, args.toArray(String[]::new));
    }

    private static Path local(String file) {
        return new Path(java.nio.file.Path.of(file).toAbsolutePath().toUri());
    }
}
