package rootcause.job.tables;

import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import rootcause.io.OutputLayout;
import rootcause.io.Storage;

import java.util.List;
import java.util.Map;

/**
 * The month-partitioned datasets of an output folder ({@code OUT/complaints}, stats, causes, candidates): which months
 * each holds, reading some, and replacing some so that a reader sees a month whole, as before or as after. The one
 * way the job and the report verb read and write them; one implementation per {@link TableFormat}, chosen once by
 * {@link #open}. Runs on the driver.
 */
public sealed interface MonthTables permits MonthFolders, TableMonthTables {

    /** The tables of {@code output} in {@code format}; fails when the folder already holds them in another format. */
    static MonthTables open(SparkSession spark, Path output, TableFormat format) {
        TableFormat stored = stored(Storage.of(spark), output);
        if (stored != null && stored != format) {
            throw new IllegalArgumentException("--table-format " + format.label() + ": "
                    + Storage.display(new OutputLayout(output).dataset(OutputLayout.COMPLAINTS)) + " holds " + stored.label()
                    + " months; write " + format.label() + " into another output folder, or give --table-format " + stored.label());
        }
        return switch (format) {
            case DELTA -> new DeltaMonthTables(spark, output);
            case ICEBERG -> new IcebergMonthTables(spark, output);
            case PARQUET -> new MonthFolders(spark, output);
        };
    }

    /** The tables of {@code output} in the format they are stored in (plain Parquet when there are none yet). */
    static MonthTables open(SparkSession spark, Path output) {
        TableFormat stored = stored(Storage.of(spark), output);
        return open(spark, output, stored == null ? TableFormat.PARQUET : stored);
    }

    /** The format of the complaints stored under {@code output}; null when it holds none. */
    static TableFormat stored(Storage storage, Path output) {
        Path complaints = new OutputLayout(output).dataset(OutputLayout.COMPLAINTS);
        if (storage.isDirectory(Storage.child(complaints, DeltaMonthTables.LOG))) {
            return TableFormat.DELTA;
        }
        if (storage.isDirectory(Storage.child(complaints, IcebergMonthTables.METADATA))) {
            return TableFormat.ICEBERG;
        }
        return storage.isDirectory(complaints) ? TableFormat.PARQUET : null;
    }

    TableFormat format();

    /** A dataset's folder. */
    Path folder(String name);

    /** The months a dataset holds, for this run: with the months it wrote, sorted. */
    List<String> months(String name);

    /** The rows of the given months of a dataset, with their month column, as this run sees them. */
    Dataset<Row> read(String name, List<String> months);

    /**
     * Replaces the given months of a dataset with the data, whose rows all fall in them; a given month the data has no
     * rows for then holds none (the dataset no longer lists it), in every format. When readers see the new
     * months is the format's: at {@link #publish} for plain Parquet, at once for a table. Deletes the months' stored
     * content fingerprints first ({@link MonthFingerprints}): only {@link MonthWrites} stores new ones, once published.
     */
    void write(Dataset<Row> data, String name, List<String> months);

    /**
     * At the end of a run: makes every month it wrote what readers read, and retires the statistics of months whose
     * complaints it replaced without counting them again (the next run that aggregates rebuilds them).
     */
    void publish();

    /**
     * Before a run writes anything: repairs what a run killed while writing left (see each format). Returns what it
     * did, or empty when there was nothing to do.
     */
    String recover();

    /** Each table's version now, for manifests and the report; empty for plain Parquet, which has none. */
    Map<String, Long> versions();
}
