package rootcause.job;

import rootcause.job.tables.MonthWrites;
import rootcause.job.tables.MonthTables;

import rootcause.io.OutputLayout;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import rootcause.aggregate.AggregateStage;
import rootcause.console.Console;
import rootcause.model.Columns;
import rootcause.model.TrendWindow;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

import static org.apache.spark.sql.functions.col;

/**
 * Aggregation whose cost does not grow with history. Each month's addable statistics ({@link AggregateStage#statistics})
 * are kept in {@code OUT/stats/month=YYYY-MM}; a run recomputes them only for the months whose complaints it
 * (re)wrote, and derives causes, changes, trends and q-values from the stored statistics of the months a report
 * looks at: the reported months and the {@link TrendWindow#MONTHS} before the first (one more than the trend
 * shows, for its first point's change). A month's metrics depend only on it and the month before, so this gives
 * exactly what aggregating every month's complaints gives.
 */
final class IncrementalAggregation {
    private static final Logger LOG = LogManager.getLogger(IncrementalAggregation.class);

    /**
     * @param aggregates rows of {@link AggregateStage#OUTPUT_SCHEMA} of the reported months and the trend months
     *                   before them (a local relation)
     * @param complaints the stored complaints of the reported months, for the quotes and segments
     * @param statsBuilt earlier months whose statistics were missing and were built from {@code OUT/complaints}
     */
    record Result(Dataset<Row> aggregates, Dataset<Row> complaints, List<String> statsBuilt) {}

    private final MonthTables tables;
    private final AggregateStage stage;

    /** Null: every recomputed month's statistics are written. */
    private final MonthWrites writes;
    private final Collection<String> complaintsWritten;

    IncrementalAggregation(MonthTables tables, AggregateStage stage) {
        this(tables, stage, null, List.of());
    }

    /**
     * Writes only the statistics that changed ({@link MonthWrites}), and always those of the months in
     * {@code complaintsWritten}: replacing a month's complaints retires statistics not written with them.
     */
    IncrementalAggregation(MonthTables tables, AggregateStage stage, MonthWrites writes, Collection<String> complaintsWritten) {
        this.tables = tables;
        this.stage = stage;
        this.writes = writes;
        this.complaintsWritten = complaintsWritten;
    }

    /**
     * @param changed  months whose complaints were just (re)written: their statistics are recomputed
     * @param reported months whose causes and reports are to be written (at least the changed ones)
     */
    Result aggregate(List<String> changed, List<String> reported) {
        // Months written before OUT/stats existed (the first run after an upgrade) get their statistics once, and so
        // do all months when the stored statistics lack a column a newer metric added (they could not be merged).
        TreeSet<String> missing = new TreeSet<>(tables.months(OutputLayout.COMPLAINTS));
        List<String> stored = List.copyOf(tables.months(OutputLayout.STATS));
        List<String> storedColumns = stored.isEmpty() ? AggregateStage.STATS_COLUMNS
                : Arrays.asList(tables.read(OutputLayout.STATS, stored).columns());
        List<String> lacking = AggregateStage.STATS_COLUMNS.stream().filter(c -> !storedColumns.contains(c)).toList();
        if (lacking.isEmpty()) {
            missing.removeAll(stored);
        }
        missing.removeAll(changed);
        List<String> statsBuilt = new ArrayList<>(missing);
        if (!statsBuilt.isEmpty()) {
            String message = String.format(java.util.Locale.ROOT, "%s has no %sstatistics of %d earlier months (%s); "
                            + "built them once from %s", tables.folder(OutputLayout.STATS),
                    lacking.isEmpty() ? "" : "current (an earlier version's lack " + String.join(", ", lacking) + ") ",
                    statsBuilt.size(), String.join(", ", statsBuilt), tables.folder(OutputLayout.COMPLAINTS));
            Console.line("stats: " + message);
            LOG.info(message);
        }
        List<String> recompute = new ArrayList<>(new TreeSet<>(changed));
        recompute.addAll(statsBuilt);
        if (!recompute.isEmpty()) {
            Dataset<Row> statistics = AggregateStage.statistics(tables.read(OutputLayout.COMPLAINTS, recompute));
            if (writes == null) {
                tables.write(statistics, OutputLayout.STATS, recompute);
            } else {
                writes.write(statistics, OutputLayout.STATS, recompute, complaintsWritten);
            }
        }
        TreeSet<String> sorted = new TreeSet<>(reported);
        YearMonth first = YearMonth.parse(sorted.first());
        List<String> window = new ArrayList<>();
        for (YearMonth m = TrendWindow.firstRead(first); !m.isAfter(YearMonth.parse(sorted.last()));
             m = m.plusMonths(1)) {
            window.add(m.toString());
        }
        window.retainAll(tables.months(OutputLayout.STATS));
        String firstShown = TrendWindow.firstShown(first).toString();
        Dataset<Row> aggregates = stage.derive(tables.read(OutputLayout.STATS, window));
        return new Result(aggregates.where(col(Columns.MONTH).geq(firstShown)),
                tables.read(OutputLayout.COMPLAINTS, List.copyOf(sorted)), statsBuilt);
    }
}
