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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Month fingerprints see every value and ignore row order; a month is written only when its rows differ from the
 * stored ones, the table lacks it or the caller requires it; a fingerprint is stored only once the month is
 * published, and any other write of the month deletes it. Real Spark, real Parquet month folders.
 */
class MonthWritesTest {
    private static final StructType SCHEMA = new StructType()
            .add("id", DataTypes.StringType).add("score", DataTypes.DoubleType)
            .add("words", DataTypes.createArrayType(DataTypes.StringType)).add(Columns.MONTH, DataTypes.StringType);
    private final SparkSession spark = SparkTestSession.get();

    @Test
    void fingerprintsSeeEveryValueAndEveryRowButNotTheirOrder() {
        List<Row> rows = new ArrayList<>(List.of(row("a", 1.0, "2025-09"), row("b", 2.0, "2025-09"), row("c", 3.0, "2025-10")));
        Map<String, String> base = MonthFingerprints.of(data(rows));
        assertThat(base).containsOnlyKeys("2025-09", "2025-10");
        Collections.reverse(rows);
        assertThat(MonthFingerprints.of(data(rows))).as("another order").isEqualTo(base);

        Map<String, String> changed = MonthFingerprints.of(data(List.of(row("a", 1.5, "2025-09"), row("b", 2.0, "2025-09"),
                row("c", 3.0, "2025-10"))));
        assertThat(changed.get("2025-09")).as("one value").isNotEqualTo(base.get("2025-09"));
        assertThat(changed.get("2025-10")).isEqualTo(base.get("2025-10"));
        // Two equal rows must not cancel out (as an XOR of row hashes would).
        Map<String, String> twice = MonthFingerprints.of(data(List.of(row("a", 1.0, "2025-09"), row("b", 2.0, "2025-09"),
                row("b", 2.0, "2025-09"), row("b", 2.0, "2025-09"), row("c", 3.0, "2025-10"))));
        assertThat(twice.get("2025-09")).as("a repeated row").isNotEqualTo(base.get("2025-09"));
        // A sum of doubles whose last bits follow the order it was added in (0.1 + 0.2 + 0.3 against 0.3 + 0.2 + 0.1)
        // is the same value: an unchanged statistics month must not be written again for that.
        Map<String, String> lastBits = MonthFingerprints.of(data(List.of(row("a", 0.1 + 0.2 + 0.3, "2025-09"),
                row("b", 2.0, "2025-09"), row("c", 3.0, "2025-10"))));
        Map<String, String> otherOrder = MonthFingerprints.of(data(List.of(row("a", 0.3 + 0.2 + 0.1, "2025-09"),
                row("b", 2.0, "2025-09"), row("c", 3.0, "2025-10"))));
        assertThat(0.1 + 0.2 + 0.3).isNotEqualTo(0.3 + 0.2 + 0.1);
        assertThat(lastBits).as("doubles differing in their last bits").isEqualTo(otherOrder);
        Map<String, String> renamed = MonthFingerprints.of(data(rows).withColumnRenamed("score", "polarity"));
        assertThat(renamed.get("2025-09")).as("another schema").isNotEqualTo(base.get("2025-09"));
    }

    @Test
    void onlyChangedMonthsAreWrittenAndFingerprintsFollowWhatIsPublished(@TempDir Path out) throws Exception {
        org.apache.hadoop.fs.Path root = Storage.path(out.toString());
        Storage storage = Storage.of(spark);
        Dataset<Row> first = data(List.of(row("a", 1.0, "2025-09"), row("b", 2.0, "2025-10")));
        MonthWrites writes = new MonthWrites(new MonthFolders(spark, root), storage, root);
        assertThat(writes.write(first, OutputLayout.COMPLAINTS, List.of("2025-09", "2025-10"), List.of()))
                .containsExactly("2025-09", "2025-10");
        assertThat(out.resolve(OutputLayout.FINGERPRINTS)).as("stored only once published").doesNotExist();
        writes.publish();
        Path september = Path.of(new OutputLayout(root).monthFingerprint(OutputLayout.COMPLAINTS, "2025-09").toUri());
        assertThat(september).exists();
        List<String> septemberFiles = files(out, "2025-09");

        MonthWrites again = new MonthWrites(new MonthFolders(spark, root), storage, root);
        Dataset<Row> second = data(List.of(row("b", 2.5, "2025-10"), row("a", 1.0, "2025-09")));
        assertThat(again.write(second, OutputLayout.COMPLAINTS, List.of("2025-09", "2025-10"), List.of()))
                .as("only October changed").containsExactly("2025-10");
        again.publish();
        assertThat(again.skipped()).isEqualTo(Map.of(OutputLayout.COMPLAINTS, List.of("2025-09")));
        assertThat(files(out, "2025-09")).as("September untouched").isEqualTo(septemberFiles);
        assertThat(spark.read().parquet(out.resolve(OutputLayout.COMPLAINTS).toString())
                .where("month = '2025-10'").head().<Double>getAs("score")).isEqualTo(2.5);

        MonthWrites forced = new MonthWrites(new MonthFolders(spark, root), storage, root);
        assertThat(forced.write(second, OutputLayout.COMPLAINTS, List.of("2025-09", "2025-10"), List.of("2025-09")))
                .as("a month the caller must write").containsExactly("2025-09");
        forced.publish();

        // Any other write of a month (reclassify's) deletes its fingerprint: the next run writes the month again.
        MonthFolders folders = new MonthFolders(spark, root);
        folders.write(data(List.of(row("a", 9.0, "2025-09"))), OutputLayout.COMPLAINTS, List.of("2025-09"));
        assertThat(september).doesNotExist();
        folders.publish();
        MonthWrites after = new MonthWrites(new MonthFolders(spark, root), storage, root);
        assertThat(after.write(second, OutputLayout.COMPLAINTS, List.of("2025-09", "2025-10"), List.of()))
                .containsExactly("2025-09");
        after.publish();

        // A month the table no longer holds is written whatever the stored fingerprint says.
        deleteRecursively(out.resolve(OutputLayout.COMPLAINTS).resolve(OutputLayout.MONTH_PARTITION_PREFIX + "2025-10"));
        MonthWrites missing = new MonthWrites(new MonthFolders(spark, root), storage, root);
        assertThat(missing.write(second, OutputLayout.COMPLAINTS, List.of("2025-09", "2025-10"), List.of()))
                .containsExactly("2025-10");
    }

    @Test
    void aListedMonthWithoutRowsIsRemovedWithItsFingerprint(@TempDir Path out) {
        org.apache.hadoop.fs.Path root = Storage.path(out.toString());
        Storage storage = Storage.of(spark);
        MonthWrites writes = new MonthWrites(new MonthFolders(spark, root), storage, root);
        writes.write(data(List.of(row("a", 1.0, "2025-09"), row("b", 2.0, "2025-10"))), OutputLayout.CANDIDATES,
                List.of("2025-09", "2025-10"), List.of());
        writes.publish();
        OutputLayout layout = new OutputLayout(root);
        Path october = Path.of(layout.monthFingerprint(OutputLayout.CANDIDATES, "2025-10").toUri());
        assertThat(october).exists();

        MonthWrites again = new MonthWrites(new MonthFolders(spark, root), storage, root);
        assertThat(again.write(data(List.of(row("a", 1.0, "2025-09"))), OutputLayout.CANDIDATES,
                List.of("2025-09", "2025-10"), List.of())).as("October has no rows now").containsExactly("2025-10");
        again.publish();
        assertThat(october).as("no fingerprint for a month not stored").doesNotExist();
        assertThat(Path.of(layout.monthFingerprint(OutputLayout.CANDIDATES, "2025-09").toUri())).exists();
        assertThat(out.resolve(OutputLayout.CANDIDATES).resolve(OutputLayout.MONTH_PARTITION_PREFIX + "2025-10")).doesNotExist();
        assertThat(spark.read().parquet(out.resolve(OutputLayout.CANDIDATES).toString()).collectAsList())
                .extracting(r -> r.<String>getAs("id")).containsExactly("a");
    }

    private Dataset<Row> data(List<Row> rows) {
        return spark.createDataFrame(rows, SCHEMA);
    }

    private static Row row(String id, double score, String month) {
        return RowFactory.create(id, score, scala.jdk.javaapi.CollectionConverters.asScala(List.of(id, "x")).toSeq(), month);
    }

    private static List<String> files(Path out, String month) throws Exception {
        try (var list = Files.list(out.resolve(OutputLayout.COMPLAINTS).resolve(OutputLayout.MONTH_PARTITION_PREFIX + month))) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void deleteRecursively(Path dir) throws Exception {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
