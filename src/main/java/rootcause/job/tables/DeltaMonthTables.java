package rootcause.job.tables;

import io.delta.tables.DeltaTable;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import rootcause.io.ParquetCache;
import rootcause.io.Storage;
import rootcause.model.Columns;

import java.util.List;
import java.util.stream.Collectors;

import static org.apache.spark.sql.functions.col;

/**
 * {@link MonthTables} as Delta Lake tables ({@link TableFormat#DELTA}), each partitioned by month: {@link #write}
 * replaces its months in one commit ({@code replaceWhere}); earlier versions stay readable (time travel) until
 * vacuumed. The statistics left stale by a kill between tables are handled as {@link TableMonthTables} says.
 */
final class DeltaMonthTables extends TableMonthTables {
    /** A table's transaction log folder: what makes a folder a Delta table. */
    static final String LOG = "_delta_log";

    DeltaMonthTables(SparkSession spark, Path output) {
        super(spark, output);
    }

    @Override
    public TableFormat format() {
        return TableFormat.DELTA;
    }

    @Override
    Dataset<Row> latest(String name) {
        return spark.read().format("delta").load(folder(name).toString());
    }

    /**
     * One commit: the months' rows replaced by the data's ({@code replaceWhere}; Delta refuses rows outside them). New
     * columns join the table's schema, older months read null there. One task per month writes it, as in Parquet.
     */
    @Override
    void commit(Dataset<Row> data, String name, List<String> months) {
        data.repartition(col(Columns.MONTH)).write().format("delta")
                .mode(SaveMode.Overwrite)
                .option("replaceWhere", inMonths(months))
                .option("mergeSchema", "true")
                .option("maxRecordsPerFile", ParquetCache.MAX_RECORDS_PER_FILE)
                .partitionBy(Columns.MONTH)
                .save(folder(name).toString());
    }

    @Override
    void delete(String name, List<String> months) {
        table(name).delete(col(Columns.MONTH).isin(months.toArray()));
    }

    @Override
    long version(String name) {
        return table(name).history(1).select("version").head().getLong(0);
    }

    @Override
    boolean exists(String name) {
        return storage.isDirectory(Storage.child(folder(name), LOG));
    }

    private DeltaTable table(String name) {
        return DeltaTable.forPath(spark, folder(name).toString());
    }

    /** {@code month IN ('2025-09', '2025-10')}; months are validated YYYY-MM, nothing to escape. */
    private static String inMonths(List<String> months) {
        return Columns.MONTH + " IN (" + months.stream().map(m -> "'" + m + "'").collect(Collectors.joining(", ")) + ")";
    }
}
