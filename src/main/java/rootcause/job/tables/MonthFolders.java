package rootcause.job.tables;


import rootcause.io.ParquetCache;
import rootcause.io.OutputLayout;
import rootcause.io.Storage;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
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
import java.util.Map;
import java.util.TreeSet;

import static org.apache.spark.sql.functions.col;

/**
 * {@link MonthTables} in plain Parquet ({@link TableFormat#PARQUET}): month folders ({@code OUT/complaints/month=2025-09/}),
 * listed, written and replaced through Spark and the Hadoop {@code FileSystem} it carries.
 *
 * <p>A month is never rewritten in place. {@link #write} puts it under {@code OUT/_staging/new/<folder>/month=…}
 * (outside every dataset folder, so no reader of {@code OUT/complaints} lists it); later reads of the run see the
 * staged month. {@link #publish} then marks the run's months complete ({@code OUT/_staging/SWAPPING}) and, per month,
 * renames the live month aside and the staged one into its place: a reader sees the old month, or the new one, never
 * a mix and never half a deleted one (a rename is atomic on local disks and HDFS, not on S3: docs/RUNNING.md). A month
 * a write lists but has no rows for is removed the same way: {@link #write} marks it
 * ({@code OUT/_staging/gone/<folder>/month=…}, an empty folder) and the swap renames the live month aside with nothing
 * in its place, as Delta's {@code replaceWhere} and {@link IcebergMonthTables} delete such a month's rows; a reader
 * then sees the old month or none. A run killed before {@code SWAPPING} leaves only staged months and marks, which the
 * next run discards; one killed during the swap is finished by the next run ({@link #recover}), so the four folders
 * end up from the same run.
 */
final class MonthFolders implements MonthTables {
    private static final String NEW = "new";
    private static final String OLD = "old";
    /** Months a write listed without rows: the swap removes their live folders. */
    private static final String GONE = "gone";
    /** Written once every month of the run is staged: from then on the next run finishes the swap, never undoes it. */
    static final String SWAPPING = "SWAPPING";

    private final SparkSession spark;
    private final Path output;

    MonthFolders(SparkSession spark, Path output) {
        this.spark = spark;
        this.output = output;
        // A session made elsewhere (a notebook's, a test's) may lack them; the verbs' sessions start with them.
        TableFormat.READ_SETTINGS.forEach(spark.conf()::set);
    }

    @Override
    public TableFormat format() {
        return TableFormat.PARQUET;
    }

    @Override
    public Path folder(String name) {
        return new OutputLayout(output).dataset(name);
    }

    /**
     * The months a folder holds (its {@code month=} sub-folders) and those this run staged for it, less those this run
     * removes, sorted.
     */
    @Override
    public List<String> months(String name) {
        TreeSet<String> months = new TreeSet<>(monthsIn(folder(name)));
        months.removeAll(monthsIn(gone(name)));
        months.addAll(monthsIn(staged(name)));
        return new ArrayList<>(months);
    }

    /**
     * The rows of the given months of a folder, with their month column; only those months' files are read, a month
     * this run staged from its staging folder; a month this run removes has no rows.
     */
    @Override
    public Dataset<Row> read(String name, List<String> months) {
        List<String> staged = new ArrayList<>(monthsIn(staged(name)));
        staged.retainAll(months);
        List<String> live = new ArrayList<>(months);
        live.removeAll(staged);
        live.removeAll(monthsIn(gone(name)));
        if (staged.isEmpty()) {
            return read(folder(name), live);
        }
        Dataset<Row> fromStaging = read(staged(name), staged);
        // Older months may lack a column a newer version added (taxonomy_version): nulls there, as a merged read gives.
        return live.isEmpty() || monthsIn(folder(name)).isEmpty() ? fromStaging
                : fromStaging.unionByName(read(folder(name), live), true);
    }

    private Dataset<Row> read(Path dir, List<String> months) {
        // Only the asked months' folders: reading the whole folder lists every month of the history, a Spark job of
        // its own (over 32 folders) on each read, when a reclassified month or a report reads one or two.
        List<String> present = new ArrayList<>(monthsIn(dir));
        present.retainAll(months);
        String[] paths = present.isEmpty() ? new String[]{dir.toString()}
                : present.stream().map(m -> OutputLayout.monthOf(dir, m).toString()).toArray(String[]::new);
        return spark.read().option("basePath", dir.toString()).parquet(paths)
                .where(col(Columns.MONTH).isin(months.toArray()));
    }

    /**
     * Stages the months in the data, replacing what this run staged for the dataset before; {@link #publish} makes
     * them live. A listed month without rows that the folder holds is marked to be removed by the swap (Delta's
     * {@code replaceWhere} and Iceberg do the same), so a reclassified month left with no candidate terms, say, keeps
     * none of the old ones. One task per month writes it, so a month is a few files of up to
     * {@link ParquetCache#MAX_RECORDS_PER_FILE} rows, not one small file per upstream partition. The months' stored
     * fingerprints are deleted first ({@link MonthFingerprints}).
     */
    @Override
    public void write(Dataset<Row> data, String name, List<String> months) {
        new MonthFingerprints(Storage.of(spark), output).forget(name, months);
        data.repartition(col(Columns.MONTH)).write()
                .mode(SaveMode.Overwrite)
                .option("maxRecordsPerFile", ParquetCache.MAX_RECORDS_PER_FILE)
                .partitionBy(Columns.MONTH)
                .parquet(staged(name).toString());
        List<String> without = new ArrayList<>(months);
        without.removeAll(monthsIn(staged(name)));
        without.retainAll(monthsIn(folder(name)));
        try {
            FileSystem fs = fs();
            fs.delete(gone(name), true); // like the overwrite above: this write's months replace the earlier ones
            for (String month : without) {
                Path mark = OutputLayout.monthOf(gone(name), month);
                if (!fs.mkdirs(mark)) {
                    throw new IOException("cannot create " + Storage.display(mark));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot mark the months of " + Storage.display(folder(name)) + " without rows", e);
        }
    }

    /**
     * Makes every staged month live, each by two renames (the live month aside, the staged one in), renames aside the
     * months marked as without rows, then deletes the staging folder with the replaced months. Statistics are counted
     * from complaints, so a month whose complaints are swapped in or removed loses its old statistics even when the
     * run staged none (a run that stopped before aggregating): the next run rebuilds them
     * ({@code rootcause.job.IncrementalAggregation}).
     */
    @Override
    public void publish() {
        try {
            FileSystem fs = fs();
            if (!fs.exists(staging())) {
                return;
            }
            try (var out = fs.create(Storage.child(staging(), SWAPPING), true)) {
                out.write(new byte[0]);
            }
            finishSwap(fs);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot swap the staged months of " + Storage.display(staging()) + " in", e);
        }
    }

    /**
     * Before a run writes anything: finishes the swap of a run killed while swapping, or discards the staged months
     * of a run killed before it (the live months are still whole). Returns what it did, or empty when there was
     * nothing to do.
     */
    @Override
    public String recover() {
        try {
            FileSystem fs = fs();
            if (!fs.exists(staging())) {
                return "";
            }
            if (fs.exists(Storage.child(staging(), SWAPPING))) {
                List<String> staged = new ArrayList<>();
                OutputLayout.MONTH_DATASETS.forEach(name -> monthsIn(staged(name)).forEach(m -> staged.add(name + "/" + m)));
                OutputLayout.MONTH_DATASETS.forEach(name -> monthsIn(gone(name)).forEach(m -> staged.add(name + "/" + m + " (removed)")));
                finishSwap(fs);
                return "finished swapping in the months a killed run had staged: " + String.join(", ", staged);
            }
            fs.delete(staging(), true);
            return "discarded the staged months of a run killed before it swapped them in";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot recover " + Storage.display(staging()), e);
        }
    }

    @Override
    public Map<String, Long> versions() {
        return Map.of();
    }

    /**
     * Idempotent, so a run killed in the middle of it is finished by running it again: a month is renamed aside only
     * while it is live, and the marks of the months to remove stay until the staging folder goes.
     */
    private void finishSwap(FileSystem fs) throws IOException {
        // Staged statistics replace the old ones in their turn, so a reader meanwhile sees the old ones, not none.
        List<String> unstaged = new ArrayList<>(monthsIn(staged(OutputLayout.COMPLAINTS)));
        unstaged.addAll(monthsIn(gone(OutputLayout.COMPLAINTS)));
        unstaged.removeAll(monthsIn(staged(OutputLayout.STATS)));
        for (String month : unstaged) {
            moveAside(fs, OutputLayout.STATS, month);
        }
        for (String name : OutputLayout.MONTH_DATASETS) {
            for (String month : monthsIn(staged(name))) {
                moveAside(fs, name, month);
                rename(fs, OutputLayout.monthOf(staged(name), month), OutputLayout.monthOf(folder(name), month));
            }
            for (String month : monthsIn(gone(name))) {
                moveAside(fs, name, month);
            }
        }
        fs.delete(staging(), true);
    }

    /** The live month to the staging folder's old versions, if it is there. */
    private void moveAside(FileSystem fs, String name, String month) throws IOException {
        Path live = OutputLayout.monthOf(folder(name), month);
        if (fs.exists(live)) {
            Path aside = OutputLayout.monthOf(Storage.child(staging(), OLD, name), month);
            fs.delete(aside, true); // a superseded version a killed swap left: nothing reads it
            rename(fs, live, aside);
        }
    }

    private static void rename(FileSystem fs, Path from, Path to) throws IOException {
        fs.mkdirs(to.getParent());
        if (!fs.rename(from, to)) {
            throw new IOException("cannot rename " + Storage.display(from) + " to " + Storage.display(to));
        }
    }

    private Path staging() {
        return new OutputLayout(output).staging();
    }

    private Path staged(String name) {
        return Storage.child(staging(), NEW, name);
    }

    private Path gone(String name) {
        return Storage.child(staging(), GONE, name);
    }

    private List<String> monthsIn(Path dir) {
        try {
            TreeSet<String> months = new TreeSet<>();
            for (FileStatus s : fs().listStatus(dir)) {
                String child = s.getPath().getName();
                if (s.isDirectory() && child.startsWith(OutputLayout.MONTH_PARTITION_PREFIX)) {
                    months.add(child.substring(OutputLayout.MONTH_PARTITION_PREFIX.length()));
                }
            }
            return new ArrayList<>(months);
        } catch (FileNotFoundException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + Storage.display(dir), e);
        }
    }

    private FileSystem fs() throws IOException {
        return output.getFileSystem(spark.sparkContext().hadoopConfiguration());
    }
}
