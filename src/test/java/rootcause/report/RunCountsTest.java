package rootcause.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rootcause.model.RowCounts;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunCountsTest {

    private static RunCounts read(Path manifest) {
        return RunCounts.read(rootcause.io.Storage.local(), rootcause.io.Storage.path(manifest.toString()));
    }

    @Test
    void readsTopLevelCounts(@TempDir Path dir) throws Exception {
        Path manifest = Files.writeString(dir.resolve("manifest.json"),
                "{\"rows_read\": 127, \"rows_accepted\": 100, \"rows_rejected\": 20, \"rows_filtered\": 7,"
                        + " \"duplicates\": 3, \"files\": [{\"rows_read\": 1}]}");
        assertThat(read(manifest)).isEqualTo(new RunCounts(127L, 100L, 20L, 7L, 3L));
        assertThat(read(manifest).rows()).isEqualTo(new RowCounts(127, 100, 20, 7));
    }

    @Test
    void refusesCountsThatDoNotReconcile() {
        // Filtered rows forgotten: 120 read, but 100 + 20 + 3 = 123 accounted for.
        assertThatThrownBy(() -> new RunCounts(120L, 100L, 20L, 3L, 4L)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("run counts do not reconcile: rows_read = rows_accepted + rows_rejected + rows_filtered"
                        + " is 120 = 100 + 20 + 3");
        assertThatThrownBy(() -> RunCounts.of(new RowCounts(30, 26, 4, 2), 1)).hasMessageContaining("30 = 26 + 4 + 2");
    }

    @Test
    void namesAManifestWhoseCountsDoNotReconcile(@TempDir Path dir) throws Exception {
        Path manifest = Files.writeString(dir.resolve("manifest.json"),
                "{\"rows_read\": 120, \"rows_accepted\": 100, \"rows_rejected\": 20, \"rows_filtered\": 3}");
        assertThatThrownBy(() -> read(manifest)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(manifest.toString()).hasMessageContaining("120 = 100 + 20 + 3");
    }

    @Test
    void partialCountsCannotBeCheckedAndHaveNoRows() {
        RunCounts old = new RunCounts(120L, 100L, 20L, null, null);
        assertThat(old.rows()).isNull();
        assertThat(old.isKnown()).isTrue();
    }

    @Test
    void toleratesAMissingManifestAndMissingKeys(@TempDir Path dir) throws Exception {
        assertThat(read(dir.resolve("manifest.json"))).isEqualTo(RunCounts.UNKNOWN);
        assertThat(RunCounts.UNKNOWN.isKnown()).isFalse();
        Path partial = Files.writeString(dir.resolve("partial.json"), "{\"rows_read\": 5}");
        assertThat(read(partial)).isEqualTo(new RunCounts(5L, null, null, null, null));
    }

    @Test
    void namesAMalformedManifest(@TempDir Path dir) throws Exception {
        Path broken = Files.writeString(dir.resolve("manifest.json"), "{rows_read: ");
        assertThatThrownBy(() -> read(broken)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(broken.toString());
    }
}
