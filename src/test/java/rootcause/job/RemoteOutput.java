package rootcause.job;

import rootcause.io.OutputLayout;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import rootcause.report.ReportWriter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run's output folder on a remote file system (HDFS, S3), read back through the Hadoop {@code FileSystem} and
 * Spark as any reader would: the checks {@link HdfsRunIT} and {@link S3RunIT} share.
 */
final class RemoteOutput {
    private final FileSystem fs;
    private final String uri;

    /** @param uri the output folder as given to {@code --output}, e.g. {@code s3a://bucket/out} */
    RemoteOutput(FileSystem fs, String uri) {
        this.fs = fs;
        this.uri = uri;
    }

    Path path(String name) {
        return new Path(uri + "/" + name);
    }

    JsonNode manifest() throws IOException {
        return json(path("manifest.json"));
    }

    /** The manifest reconciles the rows read from exactly these input files, and was renamed into place. */
    void assertManifestReconciles(String... inputFiles) throws IOException {
        JsonNode manifest = manifest();
        long read = manifest.get("rows_read").asLong();
        assertThat(read).isPositive();
        assertThat(read).isEqualTo(manifest.get("rows_accepted").asLong() + manifest.get("rows_rejected").asLong()
                + manifest.get("rows_filtered").asLong());
        assertThat(manifest.get("reconciliation").get("reconciles").asBoolean()).isTrue();
        List<String> files = new ArrayList<>();
        manifest.get("files").forEach(f -> files.add(f.get("file").asText()));
        assertThat(files).containsExactlyInAnyOrder(inputFiles);
        assertThat(manifest.get("months_written")).isNotEmpty();
        assertThat(fs.exists(path("manifest.json.tmp"))).isFalse();
    }

    /** Complaints, rejects, causes and candidates are Parquet there, with the manifest's counts; nothing staged is left. */
    void assertParquetReadsBack(SparkSession spark) throws IOException {
        JsonNode manifest = manifest();
        for (String folder : List.of("complaints", "rejects", "causes", "candidates")) {
            assertThat(parquetFiles(path(folder))).as(folder).isNotEmpty();
        }
        assertThat(spark.read().parquet(path("complaints").toString()).count())
                .isEqualTo(manifest.get("rows_accepted").asLong());
        assertThat(spark.read().parquet(path("rejects").toString()).count())
                .isEqualTo(manifest.get("rows_rejected").asLong() + manifest.get("rows_filtered").asLong());
        assertThat(spark.read().parquet(path("causes").toString()).count()).isPositive();
        // The months were staged and swapped in by renames; nothing staged is left.
        assertThat(fs.exists(path(OutputLayout.STAGING))).isFalse();
    }

    /** Every month the manifest names has its six report files. */
    void assertEveryMonthsReports() throws IOException {
        for (JsonNode m : manifest().get("months_written")) {
            String month = m.asText();
            Path dir = new Path(path("reports"), month);
            assertThat(text(new Path(dir, ReportWriter.CAUSES_CSV))).as(month).startsWith("month,cause_id,cause,");
            assertThat(text(new Path(dir, ReportWriter.QUOTES_CSV))).as(month).startsWith("month,cause_id,cause,rank,");
            assertThat(text(new Path(dir, ReportWriter.SEGMENTS_CSV))).as(month).startsWith("month,dimension,segment,");
            assertThat(text(new Path(dir, ReportWriter.HTML))).as(month).contains("<html").contains("</html>");
            assertThat(text(new Path(dir, ReportWriter.PDF))).as(month).startsWith("%PDF-");
            assertThat(json(new Path(dir, ReportWriter.ALERTS)).get("month").asText()).isEqualTo(month);
        }
    }

    /**
     * Nothing landed in a local folder named like the output (a remote path mistaken for a local one lands as
     * {@code ./<scheme>:/…}, {@code ./<name>} or {@code /<name>}), and no run log was written to the output folder.
     */
    void assertNothingLocal(String scheme, String name) throws IOException {
        java.nio.file.Path cwd = java.nio.file.Path.of("").toAbsolutePath();
        assertThat(cwd.resolve(scheme + ":")).doesNotExist();
        assertThat(cwd.resolve(name)).doesNotExist();
        assertThat(java.nio.file.Path.of("/", name)).doesNotExist();
        try (Stream<java.nio.file.Path> walk = Files.walk(cwd.resolve("target"), 4)) {
            assertThat(walk.filter(p -> p.getFileName().toString().equals(name))).isEmpty();
        }
        assertThat(fs.exists(path("logs"))).isFalse();
    }

    /** Every file under the output folder → its length and modification time. */
    Map<String, String> files() throws IOException {
        Map<String, String> files = new TreeMap<>();
        var it = fs.listFiles(new Path(uri), true);
        while (it.hasNext()) {
            FileStatus f = it.next();
            files.put(f.getPath().toString().substring(uri.length()), f.getLen() + " " + f.getModificationTime());
        }
        return files;
    }

    private List<Path> parquetFiles(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        var it = fs.listFiles(dir, true);
        while (it.hasNext()) {
            FileStatus f = it.next();
            if (f.getPath().getName().endsWith(".parquet")) {
                files.add(f.getPath());
            }
        }
        return files;
    }

    String text(Path file) throws IOException {
        try (InputStream in = fs.open(file)) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    JsonNode json(Path file) throws IOException {
        try (InputStream in = fs.open(file)) {
            return new ObjectMapper().readTree(in);
        }
    }
}
