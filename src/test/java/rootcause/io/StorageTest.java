package rootcause.io;

import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rootcause.ingest.InputSpec;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The job's file access on the local file system, with real files. */
class StorageTest {
    private final Storage storage = Storage.local();

    @Test
    void aBarePathIsQualifiedAsALocalFileAndAUriIsKept(@TempDir java.nio.file.Path dir) {
        Path bare = Storage.path(dir.toString());
        assertThat(bare.toUri().getScheme()).isEqualTo("file");
        assertThat(Storage.localFile(bare)).isEqualTo(dir);
        assertThat(Storage.display(bare)).isEqualTo(dir.toString());

        Path relative = Storage.path("target/x");
        assertThat(Storage.localFile(relative)).isEqualTo(java.nio.file.Path.of("target/x").toAbsolutePath());

        assertThat(Storage.path(dir.toUri().toString())).isEqualTo(bare);
        assertThat(Storage.path("hdfs://namenode:8020/exports/cfpb").toString()).isEqualTo("hdfs://namenode:8020/exports/cfpb");
        assertThat(Storage.path("s3a://bucket").toString()).isEqualTo("s3a://bucket/");
        assertThat(Storage.isLocal(Storage.path("s3a://bucket/out"))).isFalse();
        assertThat(Storage.display(Storage.path("s3a://bucket/out"))).isEqualTo("s3a://bucket/out");
        // a colon after the first slash belongs to a file name
        assertThat(Storage.isLocal(Storage.path("exports/a:b.csv"))).isTrue();
        assertThatThrownBy(() -> Storage.localFile(Storage.path("hdfs://nn/out"))).hasMessageContaining("hdfs://nn/out");
    }

    @Test
    void resolvesChildrenWritesReadsListsAndDeletesRealFiles(@TempDir java.nio.file.Path dir) throws Exception {
        Path root = Storage.path(dir.toUri().toString());
        Path report = Storage.child(root, "reports", "2025-09", "report.html");
        assertThat(Storage.localFile(report)).isEqualTo(dir.resolve("reports/2025-09/report.html"));

        storage.writeString(report, "<p>caf\u00e9</p>");
        assertThat(Files.readString(dir.resolve("reports/2025-09/report.html"))).isEqualTo("<p>caf\u00e9</p>");
        assertThat(storage.readString(report)).isEqualTo("<p>caf\u00e9</p>");
        assertThat(storage.isFile(report)).isTrue();
        assertThat(storage.isDirectory(Storage.child(root, "reports"))).isTrue();
        assertThat(storage.exists(Storage.child(root, "nothing"))).isFalse();
        // the raw local file system: no hidden .crc file beside the report
        try (var files = Files.list(dir.resolve("reports/2025-09"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("report.html");
        }

        storage.replace(report, "new".getBytes(StandardCharsets.UTF_8));
        try (InputStream in = storage.open(report)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("new");
        }
        assertThat(dir.resolve("reports/2025-09/report.html.tmp")).doesNotExist();

        Files.writeString(dir.resolve("b.CSV"), "x");
        Files.writeString(dir.resolve("a.csv"), "x");
        Files.writeString(dir.resolve("notes.txt"), "x");
        assertThat(storage.listFiles(root, ".csv").stream().map(Path::getName)).containsExactly("a.csv", "b.CSV");

        assertThat(storage.delete(Storage.child(root, "reports"))).isTrue();
        assertThat(dir.resolve("reports")).doesNotExist();
        assertThat(storage.delete(Storage.child(root, "reports"))).isFalse();
    }

    @Test
    void anOutputThatIsAFileFailsNamingIt(@TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = Files.writeString(dir.resolve("taken.txt"), "x");
        assertThatThrownBy(() -> storage.requireFolderOrAbsent(Storage.path(file.toString()), "--output"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--output " + file + " is a file; give a folder (it is created if missing)");
        storage.requireFolderOrAbsent(Storage.path(dir.toString()), "--output");
        storage.requireFolderOrAbsent(Storage.path(dir.resolve("new").toString()), "--output");
    }

    @Test
    void anInputThatDoesNotExistFailsInOneLineNamingThePath(@TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path missing = dir.resolve("no-such-export.csv");
        InputSpec spec = InputSpec.parse("survey=" + missing);
        assertThatThrownBy(() -> spec.files(storage)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--input survey=" + missing + ": no such file or folder");

        java.nio.file.Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThatThrownBy(() -> InputSpec.parse("survey=" + empty).files(storage))
                .hasMessage("input folder " + empty + " (profile survey) holds no .csv files");

        java.nio.file.Path export = Files.writeString(dir.resolve("export.csv"), "a\n");
        assertThat(InputSpec.parse("survey=" + export.toUri()).files(storage)).containsExactly(Storage.path(export.toString()));
    }
}
