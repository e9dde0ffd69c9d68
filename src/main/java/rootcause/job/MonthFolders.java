package rootcause.job;

import rootcause.io.Storage;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import rootcause.model.Columns;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static org.apache.spark.sql.functions.col;

/**
 * The month-partitioned folders of the output ({@code OUT/complaints/month=2025-09/}, stats, causes, candidates):
 * which months a folder holds, reading some of them, and replacing some of them. The one place the job lists and
 * writes them, through Spark and the Hadoop {@code FileSystem} it carries.
 */
final class MonthFolders {
    static final String COMPLAINTS = "complaints";
    static final String STATS = "stats";
    static final String CAUSES = "causes";
    static final String CANDIDATES = "candidates";
    private static final String PARTITION_PREFIX = Columns.MONTH + "=";

    private final SparkSession spark;
    private final org.apache.hadoop.fs.Path output;

    MonthFolders(SparkSession spark, org.apache.hadoop.fs.Path output) {
        this.spark = spark;
        this.output = output;
        // month=2025-09 folders must read back as the string "2025-09".
        spark.conf().set("spark.sql.sources.partitionColumnTypeInference.enabled", "false");
    }

    org.apache.hadoop.fs.Path folder(String name) {
        return Storage.child(output, name);
    }

    /** The months a folder holds (its {@code month=} sub-folders), sorted; none when the folder does not exist. */
    List<String> months(String name) {
        org.apache.hadoop.fs.Path dir = folder(name);
        try {
            FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
            TreeSet<String> months = new TreeSet<>();
            for (FileStatus s : fs.listStatus(dir)) {
                String child = s.getPath().getName();
                if (s.isDirectory() && child.startsWith(PARTITION_PREFIX)) {
                    months.add(child.substring(PARTITION_PREFIX.length()));
                }
            }
            return new ArrayList<>(months);
        } catch (FileNotFoundException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + Storage.display(dir), e);
        }
    }

    /** The rows of the given months of a folder, with their month column; only those months' files are read. */
    Dataset<Row> read(String name, List<String> months) {
        return spark.read().option("basePath", folder(name).toString()).parquet(folder(name).toString())
                .where(col(Columns.MONTH).isin(months.toArray()));
    }

    /**
     * Dynamic partition overwrite: the months in the data are replaced, other months stay. One task per month writes
     * it, so a month is a few files of up to {@link RootCauseJob#MAX_RECORDS_PER_FILE} rows, not one small file per
     * upstream partition.
     */
    void write(Dataset<Row> data, String name) {
        data.repartition(col(Columns.MONTH)).write()
                .mode(SaveMode.Overwrite)
                .option("partitionOverwriteMode", "dynamic")
                .option("maxRecordsPerFile", RootCauseJob.MAX_RECORDS_PER_FILE)
                .partitionBy(Columns.MONTH)
                .parquet(folder(name).toString());
    }

    /** Deletes a folder of the output and all it holds, if it exists. */
    void delete(String name) {
        delete(folder(name));
    }

    /** Deletes the given months of a folder, those that exist. */
    void deleteMonths(String name, List<String> months) {
        months.forEach(m -> delete(Storage.child(folder(name), PARTITION_PREFIX + m)));
    }

    private void delete(org.apache.hadoop.fs.Path dir) {
        try {
            dir.getFileSystem(spark.sparkContext().hadoopConfiguration()).delete(dir, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + Storage.display(dir), e);
        }
    }
}
