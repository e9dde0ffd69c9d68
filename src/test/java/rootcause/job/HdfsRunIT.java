package rootcause.job;

import rootcause.io.OutputLayout;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
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
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
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

    @BeforeAll
    static void runTheJobOnHdfs() throws Exception {
        base = Files.createTempDirectory("hdfs-run-it");
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, base.resolve("dfs").toString());
        cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        cluster.waitActive();
        hdfs = cluster.getFileSystem();
        root = hdfs.getUri().toString();
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
        JsonNode manifest = json(out("manifest.json"));
        long read = manifest.get("rows_read").asLong();
        assertThat(read).isPositive();
        assertThat(read).isEqualTo(manifest.get("rows_accepted").asLong() + manifest.get("rows_rejected").asLong()
                + manifest.get("rows_filtered").asLong());
        assertThat(manifest.get("reconciliation").get("reconciles").asBoolean()).isTrue();
        List<String> files = new ArrayList<>();
        manifest.get("files").forEach(f -> files.add(f.get("file").asText()));
        assertThat(files).containsExactlyInAnyOrder(root + "/exports/survey/survey.csv", root + "/exports/cfpb.csv");
        assertThat(manifest.get("months_written")).isNotEmpty();
        assertThat(hdfs.exists(out("manifest.json.tmp"))).isFalse();
    }

    @Test
    void parquetOutputsAreOnHdfsAndReadBack() throws Exception {
        assertThat(exitCode).isZero();
        JsonNode manifest = json(out("manifest.json"));
        for (String folder : List.of("complaints", "rejects", "causes", "candidates")) {
            assertThat(parquetFiles(out(folder))).as(folder).isNotEmpty();
        }
        SparkSession spark = SparkSession.active();
        assertThat(spark.read().parquet(out("complaints").toString()).count())
                .isEqualTo(manifest.get("rows_accepted").asLong());
        assertThat(spark.read().parquet(out("rejects").toString()).count())
                .isEqualTo(manifest.get("rows_rejected").asLong() + manifest.get("rows_filtered").asLong());
        assertThat(spark.read().parquet(out("causes").toString()).count()).isPositive();
        // The months were staged and swapped in by HDFS renames; nothing staged is left.
        assertThat(hdfs.exists(out(OutputLayout.STAGING))).isFalse();
    }

    @Test
    void everyMonthsReportFilesAreOnHdfs() throws Exception {
        assertThat(exitCode).isZero();
        JsonNode months = json(out("manifest.json")).get("months_written");
        for (JsonNode m : months) {
            String month = m.asText();
            Path dir = new Path(out("reports"), month);
            assertThat(text(new Path(dir, ReportWriter.CAUSES_CSV))).as(month).startsWith("month,cause_id,cause,");
            assertThat(text(new Path(dir, ReportWriter.QUOTES_CSV))).as(month).startsWith("month,cause_id,cause,rank,");
            assertThat(text(new Path(dir, ReportWriter.SEGMENTS_CSV))).as(month).startsWith("month,dimension,segment,");
            assertThat(text(new Path(dir, ReportWriter.HTML))).as(month).contains("<html").contains("</html>");
            assertThat(text(new Path(dir, ReportWriter.PDF))).as(month).startsWith("%PDF-");
            assertThat(json(new Path(dir, ReportWriter.ALERTS)).get("month").asText()).isEqualTo(month);
        }
    }

    @Test
    void theReportVerbReRendersAMonthOnHdfs() throws Exception {
        assertThat(exitCode).isZero();
        String month = json(out("manifest.json")).get("months_written").get(0).asText();
        Path html = new Path(new Path(out("reports"), month), ReportWriter.HTML);
        hdfs.delete(html, false);
        assertThat(RootCauseCli.execute("report", "--output", root + "/" + OUT_NAME, "--month", month)).isZero();
        assertThat(text(html)).contains("</html>");
    }

    @Test
    void nothingIsWrittenToALocalFolderNamedLikeTheOutput() throws Exception {
        assertThat(exitCode).isZero();
        java.nio.file.Path cwd = java.nio.file.Path.of("").toAbsolutePath();
        // A path mistaken for a local one lands as ./hdfs:/…, ./OUT_NAME or /OUT_NAME.
        assertThat(cwd.resolve("hdfs:")).doesNotExist();
        assertThat(cwd.resolve(OUT_NAME)).doesNotExist();
        assertThat(java.nio.file.Path.of("/", OUT_NAME)).doesNotExist();
        try (Stream<java.nio.file.Path> walk = Files.walk(cwd.resolve("target"), 4)) {
            assertThat(walk.filter(p -> p.getFileName().toString().equals(OUT_NAME))).isEmpty();
        }
        // The run log is the one local file: under the temp folder, since the output folder is not local.
        java.nio.file.Path logs = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "rootcause-logs");
        try (Stream<java.nio.file.Path> files = Files.list(logs)) {
            assertThat(files.filter(p -> p.getFileName().toString().startsWith("run-"))).isNotEmpty();
        }
        assertThat(hdfs.exists(out("logs"))).isFalse();
    }

    private static Path out(String name) {
        return new Path(root + "/" + OUT_NAME + "/" + name);
    }

    private static List<Path> parquetFiles(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        var it = hdfs.listFiles(dir, true);
        while (it.hasNext()) {
            FileStatus f = it.next();
            if (f.getPath().getName().endsWith(".parquet")) {
                files.add(f.getPath());
            }
        }
        return files;
    }

    private static String text(Path file) throws IOException {
        try (InputStream in = hdfs.open(file)) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static JsonNode json(Path file) throws IOException {
        try (InputStream in = hdfs.open(file)) {
            return new ObjectMapper().readTree(in);
        }
    }
}
