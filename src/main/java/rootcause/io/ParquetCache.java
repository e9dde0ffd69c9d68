package rootcause.io;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

import static org.apache.spark.sql.functions.col;

/**
 * A cache of results kept between runs: one folder per fingerprint (of whatever shaped the results: settings,
 * models, versions) under a root, holding Parquet files of one schema keyed by a hash. Other settings or models
 * write to another folder, so old results are never mixed in and can be deleted folder by folder.
 *
 * <p>New rows are appended as new files, never rewritten: Spark writes them under {@code _temporary} and moves them
 * into place when the write commits, and readers skip names starting with {@code _}, so a run killed half-way leaves
 * a cache that reads as before. Goes through Hadoop's {@code FileSystem}, so any scheme Spark reads works.
 */
public final class ParquetCache {
    /** Rows per Parquet file at most, for every dataset the job writes: files of tens of MB, few enough to list fast. */
    public static final int MAX_RECORDS_PER_FILE = 50_000;

    private final String root;
    private final String fingerprint;
    private final StructType schema;

    /**
     * @param root        the cache's folder, a path or URI
     * @param fingerprint hex hash of what shaped the results; the name of this cache's folder under the root
     * @param schema      the stored rows
     */
    public ParquetCache(String root, String fingerprint, StructType schema) {
        this.root = root;
        this.fingerprint = fingerprint;
        this.schema = schema;
    }

    public String fingerprint() {
        return fingerprint;
    }

    /** This fingerprint's folder. */
    public String location() {
        return new Path(root, fingerprint).toString();
    }

    /** Every stored row of this fingerprint; empty when nothing is stored yet. */
    public Dataset<Row> read(SparkSession spark) {
        if (!hasFiles(spark)) {
            return spark.createDataFrame(List.of(), schema);
        }
        return spark.read().schema(schema).parquet(location());
    }

    /** Appends rows (with at least the schema's columns) as new files; {@code count} is their number, to size the files. */
    public void append(Dataset<Row> rows, long count) {
        int files = (int) Math.max(1, (count + MAX_RECORDS_PER_FILE - 1) / MAX_RECORDS_PER_FILE);
        rows.select(Arrays.stream(schema.fieldNames()).map(n -> col(n)).toArray(org.apache.spark.sql.Column[]::new))
                .coalesce(files)
                .write()
                .mode(SaveMode.Append)
                .option("maxRecordsPerFile", MAX_RECORDS_PER_FILE)
                .parquet(location());
    }

    private boolean hasFiles(SparkSession spark) {
        Path files = new Path(location(), "*.parquet");
        try {
            FileSystem fs = files.getFileSystem(spark.sparkContext().hadoopConfiguration());
            FileStatus[] found = fs.globStatus(files);
            return found != null && found.length > 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the cache " + location(), e);
        }
    }
}
