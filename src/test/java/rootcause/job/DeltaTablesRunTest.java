package rootcause.job;

import rootcause.job.manifest.ReclassifyManifest;
import rootcause.job.manifest.RunManifest;
import rootcause.job.tables.TableFormat;

import static rootcause.job.TableRows.month;
import static rootcause.job.TableRows.months;
import static rootcause.job.TableRows.same;
import static rootcause.job.TableRows.versions;

import rootcause.io.OutputLayout;
import io.delta.tables.DeltaTable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rootcause.SparkTestSession;
import rootcause.ingest.InputSpec;
import rootcause.io.Storage;
import rootcause.model.Columns;
import rootcause.nlp.NlpSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code --table-format delta} on the CFPB samples, real Spark and real Delta tables: a run writes the four datasets as
 * tables partitioned by month; {@code reclassify} of one month replaces it with exactly one commit (version) per table,
 * leaving the other months as they were and the month before it readable by time travel.
 */
class DeltaTablesRunTest {
    private static final String CFPB = "cfpb=data-samples/cfpb";
    private static final String REPLACED = "2025-11";
    private final SparkSession spark = SparkTestSession.get();

    @Test
    void monthsAreReplacedOneCommitPerTableAndEarlierVersionsStayReadable(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        RunManifest first = run(out, Set.of(), CFPB);
        assertThat(first.monthsWritten()).containsExactly("2025-09", "2025-10", REPLACED);
        for (String table : OutputLayout.MONTH_DATASETS) {
            Row detail = DeltaTable.forPath(spark, table(out, table)).detail().head();
            assertThat(detail.<String>getAs("format")).as(table).isEqualTo("delta");
            assertThat(detail.<scala.collection.Seq<String>>getAs("partitionColumns").mkString(",")).as(table).isEqualTo(Columns.MONTH);
        }
        for (String table : List.of(OutputLayout.COMPLAINTS, OutputLayout.STATS, OutputLayout.CAUSES)) {
            assertThat(months(latest(out, table))).as(table).isEqualTo(first.monthsWritten());
        }
        assertThat(first.tableFormat()).isEqualTo("delta");
        Map<String, Long> v1 = first.tableVersions();
        assertThat(v1).containsOnlyKeys(OutputLayout.MONTH_DATASETS);
        assertThat(Files.readString(out.resolve(OutputLayout.MANIFEST))).contains("\"table_versions\"");

        Dataset<Row> before = latest(out, OutputLayout.COMPLAINTS).localCheckpoint();
        // No table format given: reclassify rewrites the folder in the one it holds.
        ReclassifyManifest reclassified = new ReclassifyJob(spark, Storage.path(out.toString()), List.of(REPLACED), null,
                (TableFormat) null).run();
        assertThat(reclassified.tableVersionsBefore()).isEqualTo(v1);
        for (String table : OutputLayout.MONTH_DATASETS) {
            assertThat(reclassified.tableVersions().get(table)).as("reclassify: one commit to %s", table)
                    .isEqualTo(v1.get(table) + 1);
            assertThat(history(out, table)).as("%s's versions", table).isEqualTo(v1.get(table) + 2);
            for (String month : List.of("2025-09", "2025-10")) {
                assertThat(same(month(version(out, table, v1.get(table)), month), month(latest(out, table), month)))
                        .as("%s of %s untouched", table, month).isTrue();
            }
        }
        assertThat(versions(month(latest(out, OutputLayout.COMPLAINTS), REPLACED))).as("November replaced")
                .doesNotContain(versions(month(before, REPLACED)).toArray(String[]::new));
        assertThat(same(before, version(out, OutputLayout.COMPLAINTS, v1.get(OutputLayout.COMPLAINTS))))
                .as("the complaints before reclassify, read back by time travel").isTrue();
        assertThat(Files.readString(out.resolve(OutputLayout.RECLASSIFY_MANIFEST))).contains("\"table_versions_before\"");

        assertThatThrownBy(() -> new RootCauseJob(spark, config(out, Set.of(), TableFormat.PARQUET, CFPB)).run())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds delta months").hasMessageContaining("--table-format delta");
    }

    private RunManifest run(Path out, Set<String> months, String... inputs) {
        return new RootCauseJob(spark, config(out, months, TableFormat.DELTA, inputs)).run();
    }

    private static JobConfig config(Path out, Set<String> months, TableFormat format, String... inputs) {
        return new JobConfig(Stream.of(inputs).map(InputSpec::parse).toList(), Storage.path(out.toString()), months, null,
                NlpSettings.defaults(), JobConfig.Stage.REPORT, true, null, format);
    }

    private static String table(Path out, String name) {
        return out.resolve(name).toString();
    }

    private Dataset<Row> latest(Path out, String name) {
        return spark.read().format("delta").load(table(out, name));
    }

    private Dataset<Row> version(Path out, String name, long version) {
        return spark.read().format("delta").option("versionAsOf", version).load(table(out, name));
    }

    /** How many versions the table has: its history's length. */
    private long history(Path out, String name) {
        return DeltaTable.forPath(spark, table(out, name)).history().count();
    }
}
