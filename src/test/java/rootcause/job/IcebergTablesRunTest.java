package rootcause.job;

import rootcause.job.manifest.ReclassifyManifest;
import rootcause.job.manifest.RunManifest;
import rootcause.job.tables.MonthTables;
import rootcause.job.tables.TableFormat;

import static rootcause.job.TableRows.month;
import static rootcause.job.TableRows.months;
import static rootcause.job.TableRows.same;
import static rootcause.job.TableRows.versions;

import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.hadoop.HadoopTables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rootcause.SparkTestSession;
import rootcause.ingest.InputSpec;
import rootcause.io.OutputLayout;
import rootcause.io.Storage;
import rootcause.model.Columns;
import rootcause.nlp.NlpSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code --table-format iceberg} on the CFPB samples, real Spark and real Iceberg tables: a run writes the four datasets
 * as tables identity-partitioned by month, with the same counts as a plain Parquet run; {@code reclassify} of one
 * month replaces it with exactly one commit (snapshot) per table, leaving the other months as they were and the
 * snapshot before it readable by time travel.
 */
class IcebergTablesRunTest {
    private static final String CFPB = "cfpb=data-samples/cfpb";
    private static final String REPLACED = "2025-11";
    private final SparkSession spark = SparkTestSession.get();

    @Test
    void monthsAreReplacedOneCommitPerTableAndEarlierSnapshotsStayReadable(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        RunManifest first = new RootCauseJob(spark, config(out, TableFormat.ICEBERG, CFPB)).run();
        assertThat(first.monthsWritten()).containsExactly("2025-09", "2025-10", REPLACED);
        for (String table : OutputLayout.MONTH_DATASETS) {
            Table iceberg = table(out, table);
            assertThat(iceberg.spec().fields()).as(table).hasSize(1);
            assertThat(iceberg.spec().fields().get(0).transform().isIdentity()).as(table).isTrue();
            assertThat(iceberg.schema().findColumnName(iceberg.spec().fields().get(0).sourceId())).as(table).isEqualTo(Columns.MONTH);
            assertThat(snapshots(iceberg)).as("%s: one commit by the run", table).hasSize(1);
        }
        for (String month : first.monthsWritten()) {
            assertThat(out.resolve(OutputLayout.COMPLAINTS).resolve("month=" + month)).as("the README's layout").isDirectory();
        }
        for (String table : List.of(OutputLayout.COMPLAINTS, OutputLayout.STATS, OutputLayout.CAUSES)) {
            assertThat(months(latest(out, table))).as(table).isEqualTo(first.monthsWritten());
        }
        assertThat(first.tableFormat()).isEqualTo("iceberg");
        Map<String, Long> v1 = first.tableVersions();
        assertThat(v1).containsOnlyKeys(OutputLayout.MONTH_DATASETS);
        for (String table : OutputLayout.MONTH_DATASETS) {
            assertThat(v1.get(table)).as("%s: the manifest names the current snapshot", table)
                    .isEqualTo(table(out, table).currentSnapshot().snapshotId());
        }
        assertThat(Files.readString(out.resolve(OutputLayout.MANIFEST))).contains("\"table_format\" : \"iceberg\"")
                .contains("\"table_versions\"");
        assertThat(MonthTables.open(spark, Storage.path(out.toString())).format()).as("the report verb's detection")
                .isEqualTo(TableFormat.ICEBERG);

        // The same inputs in plain Parquet: the same counts, month by month.
        Path parquet = tmp.resolve("parquet");
        RunManifest plain = new RootCauseJob(spark, config(parquet, TableFormat.PARQUET, CFPB)).run();
        assertThat(first.rowsAccepted()).isEqualTo(plain.rowsAccepted());
        for (String table : OutputLayout.MONTH_DATASETS) {
            assertThat(countsByMonth(latest(out, table))).as("%s: counts as in Parquet", table)
                    .isEqualTo(countsByMonth(spark.read().parquet(parquet.resolve(table).toString())));
        }

        Dataset<Row> before = latest(out, OutputLayout.COMPLAINTS).localCheckpoint();
        ReclassifyManifest reclassified = new ReclassifyJob(spark, Storage.path(out.toString()), List.of(REPLACED), null,
                TableFormat.ICEBERG).run();
        assertThat(reclassified.tableVersionsBefore()).isEqualTo(v1);
        for (String table : OutputLayout.MONTH_DATASETS) {
            Table iceberg = table(out, table);
            assertThat(snapshots(iceberg)).as("reclassify: one commit to %s", table).hasSize(2);
            Snapshot now = iceberg.currentSnapshot();
            assertThat(now.parentId()).as(table).isEqualTo(v1.get(table));
            if (!month(latest(out, table), REPLACED).isEmpty()) {
                assertThat(now.summary()).as("%s: replaced by partition", table).containsEntry("replace-partitions", "true");
            } else {
                // The reclassified month has no rows here now (candidate terms come from unclassified complaints):
                // its old rows are deleted, not kept.
                assertThat(now.operation()).as("%s: the month's old rows deleted", table).isEqualTo("delete");
                assertThat(month(snapshot(out, table, v1.get(table)), REPLACED).count()).as(table).isPositive();
            }
            assertThat(reclassified.tableVersions().get(table)).as(table).isEqualTo(now.snapshotId());
            for (String month : List.of("2025-09", "2025-10")) {
                assertThat(same(month(snapshot(out, table, v1.get(table)), month), month(latest(out, table), month)))
                        .as("%s of %s untouched", table, month).isTrue();
            }
        }
        assertThat(versions(month(latest(out, OutputLayout.COMPLAINTS), REPLACED))).as("November replaced")
                .doesNotContain(versions(month(before, REPLACED)).toArray(String[]::new));
        assertThat(same(before, snapshot(out, OutputLayout.COMPLAINTS, v1.get(OutputLayout.COMPLAINTS))))
                .as("the complaints before reclassify, read back by time travel").isTrue();
        assertThat(Files.readString(out.resolve(OutputLayout.RECLASSIFY_MANIFEST))).contains("\"table_versions_before\"");

        assertThatThrownBy(() -> new RootCauseJob(spark, config(out, TableFormat.PARQUET, CFPB)).run())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds iceberg months").hasMessageContaining("--table-format iceberg");
        assertThatThrownBy(() -> new RootCauseJob(spark, config(parquet, TableFormat.ICEBERG, CFPB)).run())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds parquet months").hasMessageContaining("--table-format parquet");
    }

    private static JobConfig config(Path out, TableFormat format, String... inputs) {
        return new JobConfig(Stream.of(inputs).map(InputSpec::parse).toList(), Storage.path(out.toString()), Set.of(), null,
                NlpSettings.defaults(), JobConfig.Stage.REPORT, true, null, format);
    }

    private Table table(Path out, String name) {
        return new HadoopTables(spark.sparkContext().hadoopConfiguration()).load(out.resolve(name).toString());
    }

    private static List<Snapshot> snapshots(Table table) {
        return StreamSupport.stream(table.snapshots().spliterator(), false).toList();
    }

    private Dataset<Row> latest(Path out, String name) {
        return spark.read().format("iceberg").load(out.resolve(name).toString());
    }

    private Dataset<Row> snapshot(Path out, String name, long snapshotId) {
        return spark.read().format("iceberg").option("snapshot-id", snapshotId).load(out.resolve(name).toString());
    }

    private static Map<String, Long> countsByMonth(Dataset<Row> table) {
        Map<String, Long> counts = new TreeMap<>();
        table.groupBy(Columns.MONTH).count().collectAsList().forEach(r -> counts.put(String.valueOf(r.get(0)), r.getLong(1)));
        return counts;
    }
}
