package rootcause.job.tables;

import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import rootcause.io.OutputLayout;
import rootcause.io.Storage;
import rootcause.model.Columns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@link MonthTables} as tables of a table format (Delta Lake, Iceberg), each partitioned by month, at the folders
 * {@link OutputLayout} gives: a write replaces its months in one commit, so a reader, or a run killed at any moment,
 * sees each table's month as of one version, old or new; earlier versions stay readable (time travel).
 *
 * <p>Tables commit one by one, so a run killed between its complaints and their statistics leaves new complaints
 * beside old statistics. Before it commits complaints it notes their months in
 * {@code OUT/}{@value OutputLayout#STALE_STATS}; statistics of those months count as missing until this run (or the
 * next, when it was killed) writes them again, and {@link #publish} deletes the ones it did not rewrite, as plain
 * Parquet retires them. What differs per format is how a table is found, read, committed to and versioned.
 */
abstract sealed class TableMonthTables implements MonthTables permits DeltaMonthTables, IcebergMonthTables {
    protected final SparkSession spark;
    private final Path output;
    protected final Storage storage;
    /** Months whose statistics this run wrote, after their complaints. */
    private final TreeSet<String> statsWritten = new TreeSet<>();
    /** Each table's months as of its last write by this run: listing them is a Spark job over the table. */
    private final Map<String, List<String>> months = new HashMap<>();

    TableMonthTables(SparkSession spark, Path output) {
        this.spark = spark;
        this.output = output;
        this.storage = Storage.of(spark);
    }

    /** Whether the dataset's table exists yet. */
    abstract boolean exists(String name);

    /** The whole latest version of an existing table. */
    abstract Dataset<Row> latest(String name);

    /** A table's months as of its latest version: a table holds only committed months, so nothing is staged. */
    @Override
    public Dataset<Row> read(String name, List<String> months) {
        return latest(name).where(col(Columns.MONTH).isin(months.toArray()));
    }

    /** One commit: the months' rows of the table (created when missing) replaced by the data's. */
    abstract void commit(Dataset<Row> data, String name, List<String> months);

    /** One commit: the months' rows deleted from an existing table. */
    abstract void delete(String name, List<String> months);

    /** The version of an existing table's latest commit. */
    abstract long version(String name);

    @Override
    public Path folder(String name) {
        return new OutputLayout(output).dataset(name);
    }

    /**
     * The months the table's latest version holds; for statistics, less those
     * {@code OUT/}{@value OutputLayout#STALE_STATS} lists.
     */
    @Override
    public List<String> months(String name) {
        List<String> held = new ArrayList<>(months.computeIfAbsent(name, this::monthsHeld));
        if (OutputLayout.STATS.equals(name)) {
            List<String> stale = staleStats();
            stale.removeAll(statsWritten);
            held.removeAll(stale);
        }
        return held;
    }

    private List<String> monthsHeld(String name) {
        if (!exists(name)) {
            return List.of();
        }
        TreeSet<String> held = new TreeSet<>();
        latest(name).select(Columns.MONTH).distinct().collectAsList().forEach(r -> held.add(r.getString(0)));
        return List.copyOf(held);
    }

    @Override
    public void write(Dataset<Row> data, String name, List<String> months) {
        if (months.isEmpty()) {
            return;
        }
        new MonthFingerprints(storage, output).forget(name, months);
        if (OutputLayout.COMPLAINTS.equals(name)) {
            TreeSet<String> stale = new TreeSet<>(staleStats());
            stale.addAll(months);
            writeStaleStats(stale);
        }
        commit(data, name, months);
        this.months.remove(name);
        if (OutputLayout.STATS.equals(name)) {
            statsWritten.addAll(months);
        }
    }

    /** Deletes (one commit) the statistics of months whose complaints changed and that no run counted again. */
    @Override
    public void publish() {
        List<String> stale = staleStats();
        stale.removeAll(statsWritten);
        if (!stale.isEmpty() && exists(OutputLayout.STATS)) {
            delete(OutputLayout.STATS, stale);
            months.remove(OutputLayout.STATS);
        }
        try {
            storage.delete(staleStatsFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + Storage.display(staleStatsFile()), e);
        }
    }

    /**
     * Nothing to undo: a killed write never committed. Statistics of the months it listed are rebuilt by this run
     * (they are listed before the complaints commit, so a run killed before that commit rebuilds them needlessly).
     */
    @Override
    public String recover() {
        List<String> stale = staleStats();
        return stale.isEmpty() ? "" : "the statistics of " + String.join(", ", stale) + " may predate their complaints "
                + "(a run was killed while replacing them); this run counts them again or retires them";
    }

    @Override
    public Map<String, Long> versions() {
        Map<String, Long> versions = new LinkedHashMap<>();
        for (String name : OutputLayout.MONTH_DATASETS) {
            if (exists(name)) {
                versions.put(name, version(name));
            }
        }
        return versions;
    }

    private Path staleStatsFile() {
        return new OutputLayout(output).staleStats();
    }

    private List<String> staleStats() {
        try {
            return storage.isFile(staleStatsFile())
                    ? new ArrayList<>(Arrays.stream(storage.readString(staleStatsFile()).split("\n")).filter(m -> !m.isBlank()).toList())
                    : new ArrayList<>();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + Storage.display(staleStatsFile()), e);
        }
    }

    private void writeStaleStats(TreeSet<String> months) {
        try {
            storage.replace(staleStatsFile(), (String.join("\n", months) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + Storage.display(staleStatsFile()), e);
        }
    }
}
