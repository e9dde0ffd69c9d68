package rootcause.job.tables;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rootcause.SparkTestSession;
import rootcause.io.OutputLayout;
import rootcause.io.Storage;
import rootcause.model.Columns;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Months are staged, then swapped in by rename: until the swap the live folders hold the old months whole; the run
 * reads its own staged months; a killed run's staging is discarded, a killed swap finished. Real Spark, real files.
 */
class MonthFoldersTest {
    private static final StructType SCHEMA = new StructType()
            .add("id", DataTypes.StringType).add("version", DataTypes.StringType).add(Columns.MONTH, DataTypes.StringType);
    private final SparkSession spark = SparkTestSession.get();

    @Test
    void stagedMonthsStayOutOfTheLiveFolderUntilSwappedIn(@TempDir Path out) throws IOException {
        MonthFolders folders = new MonthFolders(spark, Storage.path(out.toString()));
        folders.write(rows("old", 3, "2025-09", "2025-10"), OutputLayout.COMPLAINTS, List.of("2025-09", "2025-10"));
        folders.publish();
        assertThat(out.resolve(OutputLayout.STAGING)).doesNotExist();

        folders.write(rows("new", 2, "2025-10", "2025-11"), OutputLayout.COMPLAINTS, List.of("2025-10", "2025-11"));
        // What a reader of the folder sees: the old months, whole; the staged ones are outside it.
        assertThat(versions(live(out, "complaints"))).containsExactly("2025-09 old 3", "2025-10 old 3");
        // What the run sees: its own months.
        assertThat(folders.months(OutputLayout.COMPLAINTS)).containsExactly("2025-09", "2025-10", "2025-11");
        assertThat(versions(folders.read(OutputLayout.COMPLAINTS, List.of("2025-09", "2025-10", "2025-11"))))
                .containsExactly("2025-09 old 3", "2025-10 new 2", "2025-11 new 2");

        folders.publish();
        assertThat(versions(live(out, "complaints"))).containsExactly("2025-09 old 3", "2025-10 new 2", "2025-11 new 2");
        assertThat(out.resolve(OutputLayout.STAGING)).doesNotExist();
    }

    /** A session made elsewhere (a notebook's) may infer month=2025-09 as a date: the folders set TableFormat.READ_SETTINGS. */
    @Test
    void aSessionInferringPartitionTypesStillReadsTheMonthAsAString(@TempDir Path out) throws IOException {
        String key = "spark.sql.sources.partitionColumnTypeInference.enabled";
        String before = spark.conf().get(key);
        try {
            spark.conf().set(key, "true");
            MonthFolders folders = new MonthFolders(spark, Storage.path(out.toString()));
            folders.write(rows("old", 1, "2025-09"), OutputLayout.COMPLAINTS, List.of("2025-09"));
            folders.publish();
            assertThat(TableFormat.READ_SETTINGS).containsEntry(key, "false");
            assertThat(spark.conf().get(key)).isEqualTo("false");
            assertThat(folders.read(OutputLayout.COMPLAINTS, List.of("2025-09")).schema().apply(Columns.MONTH).dataType())
                    .isEqualTo(DataTypes.StringType);
        } finally {
            spark.conf().set(key, before);
        }
    }

    /**
     * Two published months of candidates, then a write that lists both but has rows for September only (say, October
     * reclassified with no complaint left unmatched): staged, not yet swapped in.
     */
    private MonthFolders septemberRewrittenOctoberLeftWithoutRows(Path out) {
        MonthFolders folders = new MonthFolders(spark, Storage.path(out.toString()));
        folders.write(rows("old", 3, "2025-09", "2025-10"), OutputLayout.CANDIDATES, List.of("2025-09", "2025-10"));
        folders.publish();
        folders.write(rows("new", 2, "2025-09"), OutputLayout.CANDIDATES, List.of("2025-09", "2025-10"));
        return folders;
    }

    @Test
    void aListedMonthWithoutRowsLosesItsOldRows(@TempDir Path out) throws IOException {
        MonthFolders folders = septemberRewrittenOctoberLeftWithoutRows(out);
        assertThat(versions(live(out, "candidates"))).as("a reader before the swap: the old months, whole")
                .containsExactly("2025-09 old 3", "2025-10 old 3");
        assertThat(folders.months(OutputLayout.CANDIDATES)).as("what the run sees").containsExactly("2025-09");
        assertThat(versions(folders.read(OutputLayout.CANDIDATES, List.of("2025-09", "2025-10"))))
                .containsExactly("2025-09 new 2");

        folders.publish();
        assertThat(versions(live(out, "candidates"))).containsExactly("2025-09 new 2");
        assertThat(out.resolve("candidates/month=2025-10")).doesNotExist();
        assertThat(out.resolve(OutputLayout.STAGING)).doesNotExist();
        assertThat(new MonthFolders(spark, Storage.path(out.toString())).months(OutputLayout.CANDIDATES))
                .containsExactly("2025-09");
    }

    @Test
    void aRunKilledBeforeTheSwapKeepsAListedMonthWithoutRows(@TempDir Path out) throws IOException {
        MonthFolders folders = septemberRewrittenOctoberLeftWithoutRows(out);
        // killed here: the next run starts
        MonthFolders next = new MonthFolders(spark, Storage.path(out.toString()));
        assertThat(next.recover()).startsWith("discarded");
        assertThat(versions(live(out, "candidates"))).containsExactly("2025-09 old 3", "2025-10 old 3");
        assertThat(next.months(OutputLayout.CANDIDATES)).containsExactly("2025-09", "2025-10");
    }

    @Test
    void aSwapKilledAfterRemovingAListedMonthIsFinishedByTheNextRun(@TempDir Path out) throws IOException {
        MonthFolders folders = septemberRewrittenOctoberLeftWithoutRows(out);
        // The state the swap leaves when killed after its mark and after renaming 2025-10 aside, before 2025-09.
        Path staging = out.resolve(OutputLayout.STAGING);
        Files.createFile(staging.resolve(MonthFolders.SWAPPING));
        Files.createDirectories(staging.resolve("old/candidates"));
        Files.move(out.resolve("candidates/month=2025-10"), staging.resolve("old/candidates/month=2025-10"));
        assertThat(versions(live(out, "candidates"))).as("a reader meanwhile: the old 2025-09, no 2025-10")
                .containsExactly("2025-09 old 3");

        assertThat(new MonthFolders(spark, Storage.path(out.toString())).recover())
                .startsWith("finished swapping in").contains("candidates/2025-10 (removed)");
        assertThat(staging).doesNotExist();
        assertThat(versions(live(out, "candidates"))).containsExactly("2025-09 new 2");
        assertThat(new MonthFolders(spark, Storage.path(out.toString())).recover()).isEmpty();
    }

    @Test
    void removingAMonthsComplaintsRetiresItsOldStatistics(@TempDir Path out) {
        MonthFolders folders = new MonthFolders(spark, Storage.path(out.toString()));
        folders.write(rows("old", 3, "2025-09", "2025-10"), OutputLayout.COMPLAINTS, List.of("2025-09", "2025-10"));
        folders.write(rows("old", 1, "2025-09", "2025-10"), OutputLayout.STATS, List.of("2025-09", "2025-10"));
        folders.publish();
        folders.write(rows("new", 2, "2025-09"), OutputLayout.COMPLAINTS, List.of("2025-09", "2025-10"));
        folders.write(rows("new", 1, "2025-09"), OutputLayout.STATS, List.of("2025-09"));
        folders.publish();
        assertThat(folders.months(OutputLayout.COMPLAINTS)).containsExactly("2025-09");
        assertThat(folders.months(OutputLayout.STATS)).as("counted from complaints that are gone").containsExactly("2025-09");
    }

    @Test
    void aRunKilledBeforeTheSwapLeavesTheOldMonthsAndItsStagingIsDiscarded(@TempDir Path out) throws IOException {
        MonthFolders folders = new MonthFolders(spark, Storage.path(out.toString()));
        folders.write(rows("old", 3, "2025-10"), OutputLayout.COMPLAINTS, List.of("2025-10"));
        folders.write(rows("old", 1, "2025-10"), OutputLayout.STATS, List.of("2025-10"));
        folders.publish();
        folders.write(rows("new", 2, "2025-10"), OutputLayout.COMPLAINTS, List.of("2025-10"));
        // killed here: the next run starts
        MonthFolders next = new MonthFolders(spark, Storage.path(out.toString()));
        assertThat(next.recover()).startsWith("discarded");
        assertThat(out.resolve(OutputLayout.STAGING)).doesNotExist();
        assertThat(versions(live(out, "complaints"))).containsExactly("2025-10 old 3");
        assertThat(versions(live(out, "stats"))).containsExactly("2025-10 old 1");
        assertThat(next.recover()).isEmpty();
    }

    @Test
    void aSwapKilledHalfWayIsFinishedByTheNextRun(@TempDir Path out) throws IOException {
        MonthFolders folders = new MonthFolders(spark, Storage.path(out.toString()));
        folders.write(rows("old", 3, "2025-09", "2025-10"), OutputLayout.COMPLAINTS, List.of("2025-09", "2025-10"));
        folders.write(rows("old", 1, "2025-09", "2025-10"), OutputLayout.CAUSES, List.of("2025-09", "2025-10"));
        folders.publish();
        folders.write(rows("new", 2, "2025-09", "2025-10"), OutputLayout.COMPLAINTS, List.of("2025-09", "2025-10"));
        folders.write(rows("new", 4, "2025-09", "2025-10"), OutputLayout.CAUSES, List.of("2025-09", "2025-10"));
        // The state swapIn leaves when killed after its mark and its first month's first rename: 2025-09's complaints
        // aside, not yet replaced.
        Path staging = out.resolve(OutputLayout.STAGING);
        Files.createFile(staging.resolve(MonthFolders.SWAPPING));
        Files.createDirectories(staging.resolve("old/complaints"));
        Files.move(out.resolve("complaints/month=2025-09"), staging.resolve("old/complaints/month=2025-09"));
        assertThat(versions(live(out, "complaints"))).as("a reader meanwhile: the month absent, never half of it")
                .containsExactly("2025-10 old 3");

        assertThat(new MonthFolders(spark, Storage.path(out.toString())).recover()).startsWith("finished swapping in");
        assertThat(staging).doesNotExist();
        assertThat(versions(live(out, "complaints"))).containsExactly("2025-09 new 2", "2025-10 new 2");
        assertThat(versions(live(out, "causes"))).containsExactly("2025-09 new 4", "2025-10 new 4");
    }

    @Test
    void swappingInAMonthsComplaintsRetiresItsOldStatistics(@TempDir Path out) {
        MonthFolders folders = new MonthFolders(spark, Storage.path(out.toString()));
        folders.write(rows("old", 3, "2025-09", "2025-10"), OutputLayout.COMPLAINTS, List.of("2025-09", "2025-10"));
        folders.write(rows("old", 1, "2025-09", "2025-10"), OutputLayout.STATS, List.of("2025-09", "2025-10"));
        folders.publish();
        // a run stopped before aggregating: complaints without statistics
        folders.write(rows("new", 2, "2025-10"), OutputLayout.COMPLAINTS, List.of("2025-10"));
        folders.publish();
        assertThat(folders.months(OutputLayout.STATS)).as("counted from complaints that are gone").containsExactly("2025-09");
    }

    /** {@code n} rows of each month, all of one version. */
    private Dataset<Row> rows(String version, int n, String... months) {
        List<Row> rows = new ArrayList<>();
        for (String month : months) {
            for (int i = 0; i < n; i++) {
                rows.add(RowFactory.create(month + "-" + i, version, month));
            }
        }
        return spark.createDataFrame(rows, SCHEMA);
    }

    /** What any reader of the folder reads: Spark on the dataset folder itself. */
    private Dataset<Row> live(Path out, String name) throws IOException {
        try (Stream<Path> files = Files.walk(out.resolve(name))) {
            assertThat(files.map(Path::toString)).as("no hidden staging inside the dataset").noneMatch(f -> f.contains("staging"));
        }
        return spark.read().parquet(out.resolve(name).toString());
    }

    /** "month version rows" per month and version, sorted. */
    private static List<String> versions(Dataset<Row> data) {
        return data.groupBy(Columns.MONTH, "version").count().collectAsList().stream()
                .map(r -> r.getString(0) + " " + r.getString(1) + " " + r.getLong(2)).sorted().toList();
    }
}
