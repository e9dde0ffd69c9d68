package rootcause.job.tables;

import org.apache.hadoop.fs.Path;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.hadoop.HadoopTables;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.spark.SparkSchemaUtil;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;
import rootcause.io.Storage;
import rootcause.model.Columns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.apache.spark.sql.functions.col;

/**
 * {@link MonthTables} as Apache Iceberg tables ({@link TableFormat#ICEBERG}), each identity-partitioned by month, at
 * the folders {@link rootcause.io.OutputLayout} gives (path-based Hadoop tables: the table's metadata lives in its
 * folder's {@value #METADATA}, so no metastore or catalog service is needed; its data files sit in
 * {@code month=YYYY-MM} folders beside it, as in the other formats). {@link #write} replaces its months in
 * one commit (one snapshot) by dynamic partition overwrite ({@code overwritePartitions}): every month with rows in the
 * data is replaced whole; a listed month without rows in the data has its rows deleted, as Delta's {@code replaceWhere}
 * does (a second commit when other months had rows), so a reclassified month that now has no candidate terms, say,
 * keeps none of the old ones. Earlier snapshots
 * stay readable (time travel, {@code snapshot-id}) until expired; a table's version is its current snapshot's id.
 * The statistics left stale by a kill between tables are handled as {@link TableMonthTables} says.
 *
 * <p>Spark reaches a table by path through Iceberg's own catalog {@value #CATALOG}; unless the session configures it,
 * it is set here to a Hadoop catalog rooted in the output folder (Iceberg's default, a Hive catalog, needs Hive's
 * classes, which Spark's distribution lacks).
 */
public final class IcebergMonthTables extends TableMonthTables {
    /** A table's metadata folder (metadata JSON per version, manifests, version hint): what makes a folder a table. */
    static final String METADATA = "metadata";
    /** The catalog Iceberg's Spark source resolves table paths through. */
    static final String CATALOG = "spark.sql.catalog.default_iceberg";

    IcebergMonthTables(SparkSession spark, Path output) {
        super(spark, output);
        reachByPath(spark, output);
    }

    /**
     * Lets {@code spark.read().format("iceberg").load(path)} and its writes reach tables by path: sets
     * {@value #CATALOG} to a Hadoop catalog rooted in {@code output}, unless the session set it already.
     */
    public static void reachByPath(SparkSession spark, Path output) {
        if (spark.conf().getOption(CATALOG).isEmpty()) {
            spark.conf().set(CATALOG, "org.apache.iceberg.spark.SparkCatalog");
            spark.conf().set(CATALOG + ".type", "hadoop");
            spark.conf().set(CATALOG + ".warehouse", output.toString());
        }
    }

    @Override
    public TableFormat format() {
        return TableFormat.ICEBERG;
    }

    @Override
    Dataset<Row> latest(String name) {
        return spark.read().format("iceberg").load(location(name));
    }

    /**
     * One commit: the months with rows in the data replaced by them (dynamic overwrite); the listed months without
     * rows that the table holds are deleted (one commit when the data has no rows, a second one otherwise). The table is created on its
     * first write, with the data's columns, all optional, and new columns join its schema (older months read null
     * there). One task per month writes it, as in Parquet.
     */
    @Override
    void commit(Dataset<Row> data, String name, List<String> months) {
        if (!exists(name)) {
            Schema schema = SparkSchemaUtil.convert(nullable(data.schema()));
            tables().create(schema, PartitionSpec.builderFor(schema).identity(Columns.MONTH).build(),
                    Map.of(TableProperties.FORMAT_VERSION, "2", TableProperties.SPARK_WRITE_ACCEPT_ANY_SCHEMA, "true",
                            // month=YYYY-MM folders right under the table's, as in the other formats (not under data/)
                            TableProperties.WRITE_DATA_LOCATION, location(name)),
                    location(name));
        }
        Snapshot before = table(name).currentSnapshot();
        data.repartition(col(Columns.MONTH)).write().format("iceberg")
                .mode(SaveMode.Overwrite)
                .option("overwrite-mode", "dynamic")
                .option("merge-schema", "true")
                .save(location(name));
        // Dynamic overwrite leaves a month the data has no rows for as it was; delete such months' rows.
        Table table = table(name);
        Snapshot now = table.currentSnapshot();
        Set<String> written = new HashSet<>();
        if (now != null && (before == null || now.snapshotId() != before.snapshotId())) {
            for (DataFile file : now.addedDataFiles(table.io())) {
                written.add(String.valueOf(file.partition().get(0, Object.class)));
            }
        }
        List<String> without = months.stream().filter(m -> !written.contains(m)).toList();
        if (!without.isEmpty() && holdsAny(table, without)) {
            delete(name, without);
        }
    }

    private static boolean holdsAny(Table table, List<String> months) {
        try (CloseableIterable<FileScanTask> files = table.newScan()
                .filter(Expressions.in(Columns.MONTH, months.toArray())).planFiles()) {
            return files.iterator().hasNext();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the files of " + table.location(), e);
        }
    }

    @Override
    void delete(String name, List<String> months) {
        table(name).newDelete().deleteFromRowFilter(Expressions.in(Columns.MONTH, months.toArray())).commit();
    }

    @Override
    long version(String name) {
        return table(name).currentSnapshot().snapshotId();
    }

    @Override
    boolean exists(String name) {
        return storage.isDirectory(Storage.child(folder(name), METADATA));
    }

    private String location(String name) {
        return folder(name).toString();
    }

    private Table table(String name) {
        return tables().load(location(name));
    }

    private HadoopTables tables() {
        return new HadoopTables(spark.sparkContext().hadoopConfiguration());
    }

    /** The schema with every field, nested ones included, optional: later writes may carry nulls anywhere. */
    private static StructType nullable(StructType schema) {
        return (StructType) DataType.fromJson(schema.json().replace("\"nullable\":false", "\"nullable\":true")
                .replace("\"containsNull\":false", "\"containsNull\":true")
                .replace("\"valueContainsNull\":false", "\"valueContainsNull\":true"));
    }
}
