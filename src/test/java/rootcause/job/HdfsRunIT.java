package rootcause.job;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import rootcause.cli.RootCauseCli;
import rootcause.report.ReportWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job reads its inputs from and writes every output to a real HDFS (a NameNode and a DataNode started in this
 * JVM by Hadoop's MiniDFSCluster), through the same entry point as the command line, in local Spark.
 */
class HdfsRunIT {
    /** A name no other test uses, so a stray local copy of the output could be found by it. */
    private static final String OUT_NAME = "hdfs-run-it-out";

    private static java.nio.file.Path base;
    private static MiniDFSCluster cluster;
    private static FileSystem hdfs;
    private static String root;
    private static int exitCode;
    private static boolean ownSession;
    private static RemoteOutput output;

    @BeforeAll
    static void runTheJobOnHdfs() throws Exception {
        base = Files.createTempDirectory("hdfs-run-it");
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, base.resolve("dfs").toString());
        cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        cluster.waitActive();
        hdfs = cluster.getFileSystem();
        root = hdfs.getUri().toString();
        output = new RemoteOutput(hdfs, root + "/" + OUT_NAME);
        hdfs.mkdirs(new Path("/exports/survey"));
        hdfs.copyFromLocalFile(new Path(java.nio.file.Path.of("data-samples/survey/survey.csv").toAbsolutePath().toUri()),
                new Path("/exports/survey/survey.csv"));
        hdfs.copyFromLocalFile(new Path(java.nio.file.Path.of("data-samples/cfpb-export/complaints-2025-11-20_10_00.csv")
                .toAbsolutePath().toUri()), new Path("/exports/cfpb.csv"));

        ownSession = SparkSession.getDefaultSession().isEmpty();
        // What spark-submit would pass; the one DataNode holds one replica of each block.
        System.setProperty("spark.master", "local[2]");
        System.setProperty("spark.hadoop.dfs.replication", "1");
        try {
            exitCode = RootCauseCli.execute("run", "--input", "survey=" + root + "/exports/survey",
                    "--input", "cfpb=" + root + "/exports/cfpb.csv", "--output", root + "/" + OUT_NAME,
                    "--patterns-only");
        } finally {
            System.clearProperty("spark.master");
            System.clearProperty("spark.hadoop.dfs.replication");
        }
    }

    @AfterAll
    static void stop() throws IOException {
        if (ownSession) {
            SparkSession.getDefaultSession().foreach(s -> {
                s.stop();
                return null;
            });
        }
        if (cluster != null) {
            cluster.shutdown(true);
        }
        if (base != null) {
            try (Stream<java.nio.file.Path> files = Files.walk(base)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void theManifestOnHdfsReconcilesTheRowsReadFromHdfs() throws Exception {
        assertThat(exitCode).isZero();
        output.assertManifestReconciles(root + "/exports/survey/survey.csv", root + "/exports/cfpb.csv");
    }

    @Test
    void parquetOutputsAreOnHdfsAndReadBack() throws Exception {
        assertThat(exitCode).isZero();
        output.assertParquetReadsBack(SparkSession.active());
    }

    @Test
    void everyMonthsReportFilesAreOnHdfs() throws Exception {
        assertThat(exitCode).isZero();
        output.assertEveryMonthsReports();
    }

    @Test
    void theReportVerbReRendersAMonthOnHdfs() throws Exception {
        assertThat(exitCode).isZero();
        String month = output.manifest().get("months_written").get(0).asText();
        Path html = new Path(new Path(output.path("reports"), month), ReportWriter.HTML);
        hdfs.delete(html, false);
        assertThat(RootCauseCli.execute("report", "--output", root + "/" + OUT_NAME, "--month", month)).isZero();
        assertThat(output.text(html)).contains("</html>");
    }

    @Test
    void nothingIsWrittenToALocalFolderNamedLikeTheOutput() throws Exception {
        assertThat(exitCode).isZero();
        output.assertNothingLocal("hdfs", OUT_NAME);
        // The run log is the one local file: under the temp folder, since the output folder is not local.
        java.nio.file.Path logs = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "rootcause-logs");
        try (Stream<java.nio.file.Path> files = Files.list(logs)) {
            assertThat(files.filter(p -> p.getFileName().toString().startsWith("run-"))).isNotEmpty();
        }
    }
}
