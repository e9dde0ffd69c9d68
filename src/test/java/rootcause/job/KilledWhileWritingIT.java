package rootcause.job;

import rootcause.RoundedRows;
import rootcause.job.tables.IcebergMonthTables;
import rootcause.job.tables.TableFormat;

import rootcause.io.OutputLayout;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.io.FileUtils;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rootcause.OutputContract;
import rootcause.SparkTestSession;
import rootcause.model.RowCounts;
import rootcause.nlp.NlpCache;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 27's fault, for plain Parquet and for Delta and Iceberg tables: through jobs/rootcause, a run that changes stored months is killed (SIGKILL) as
 * it starts writing them, between writing the complaints and the statistics, and as it swaps them in. After each
 * kill every month of complaints, stats, causes and candidates reads exactly as before the run or exactly as a clean
 * run writes it, never a mix and never missing; the re-run then writes exactly the clean run's output and counts.
 * A reader of a Delta or Iceberg table reads its latest version (its folder also holds the files of replaced months).
 */
class KilledWhileWritingIT {
    private static final List<String> DATASETS = OutputLayout.MONTH_DATASETS;
    /** The stored months; the run to kill adds the export's rows to them. */
    private static final String[] BEFORE = {"--input", "cfpb=data-samples/cfpb"};
    private static final String[] AFTER = {"--input", "cfpb=data-samples/cfpb", "--input", "cfpb=data-samples/cfpb-export"};
    /** The console's stage lines the driver is killed at: the months' writes start, continue, and are swapped in. */
    private static final List<String> KILL_AT = List.of("classify", "write", "aggregate, report");
    /**
     * For Delta, only between the tables' commits (complaints committed, statistics not yet): each commit is Delta's
     * own atomic step, so the kill that can mix tables is the one worth CI's minutes (each kill costs about 4).
     */
    private static final List<String> DELTA_KILL_AT = List.of("aggregate, report");
    /** For Iceberg likewise: each table's commit is Iceberg's own atomic step. */
    private static final List<String> ICEBERG_KILL_AT = DELTA_KILL_AT;
    /** The runs' console output, kept for a failure's reader. */
    private static final Path LOGS = Path.of("target", "killed-while-writing-it");

    @Test
    void everyMonthReadsAsBeforeOrAsACleanRunWhereverTheDriverIsKilled(@TempDir Path tmp) throws Exception {
        killedWhileWriting(TableFormat.PARQUET, KILL_AT, tmp);
    }

    @Test
    void everyDeltaTableMonthReadsAsBeforeOrAsACleanRunWhereverTheDriverIsKilled(@TempDir Path tmp) throws Exception {
        killedWhileWriting(TableFormat.DELTA, DELTA_KILL_AT, tmp);
    }

    @Test
    void everyIcebergTableMonthReadsAsBeforeOrAsACleanRunWhereverTheDriverIsKilled(@TempDir Path tmp) throws Exception {
        killedWhileWriting(TableFormat.ICEBERG, ICEBERG_KILL_AT, tmp);
    }

    private static void killedWhileWriting(TableFormat format, List<String> killAt, Path tmp) throws Exception {
        Path logs = LOGS.resolve(format.label());
        Files.createDirectories(logs);
        Path out = tmp.resolve("out");
        Path cleanDir = tmp.resolve("clean");
        Path beforeDir = tmp.resolve("before");
        succeeds(logs.resolve("before.log"), run(format, BEFORE, out));
        if (format == TableFormat.ICEBERG) {
            // An Iceberg table's metadata names its files by absolute path, so a copy of the folder would still be
            // out's tables: the clean run gets tables of its own from the same inputs, analysing no text again.
            FileUtils.copyDirectory(out.resolve(OutputLayout.NLP_CACHE).toFile(), cleanDir.resolve(OutputLayout.NLP_CACHE).toFile());
            succeeds(logs.resolve("clean-before.log"), run(format, BEFORE, cleanDir));
        } else {
            // The clean run starts from the same folder, so it analyses only the export's texts; the runs below find
            // every text in the nlp cache and reach their writes within seconds.
            FileUtils.copyDirectory(out.toFile(), cleanDir.toFile());
        }
        succeeds(logs.resolve("clean.log"), run(format, AFTER, cleanDir));
        FileUtils.copyDirectory(cleanDir.resolve(OutputLayout.NLP_CACHE).toFile(), out.resolve(OutputLayout.NLP_CACHE).toFile());
        Tables before;
        if (format == TableFormat.ICEBERG) {
            // Iceberg keeps the snapshots the run read: "before" is out's tables as of the manifest's snapshot ids.
            Map<String, Long> snapshots = new TreeMap<>();
            manifest(out).get("table_versions").fields().forEachRemaining(e -> snapshots.put(e.getKey(), e.getValue().asLong()));
            before = new Tables(out, snapshots);
        } else {
            for (String dataset : DATASETS) {
                if (Files.isDirectory(out.resolve(dataset))) {
                    FileUtils.copyDirectory(out.resolve(dataset).toFile(), beforeDir.resolve(dataset).toFile());
                }
            }
            before = Tables.latest(beforeDir);
        }
        Tables clean = Tables.latest(cleanDir);
        Tables now = Tables.latest(out);
        SparkSession spark = SparkTestSession.get();
        // month=2025-09 reads back as the string "2025-09", as in the job.
        spark.conf().set("spark.sql.sources.partitionColumnTypeInference.enabled", "false");
        assertThat(changedMonths(spark, format, before, clean)).as("months the run rewrites with other rows").isNotEmpty();

        for (String stage : killAt) {
            Path log = logs.resolve("killed-at-" + stage.replace(", ", "-") + ".log");
            killAtStageLine(log, stage, run(format, AFTER, out));
            for (String dataset : DATASETS) {
                for (String month : months(before, clean, dataset)) {
                    boolean asBefore = sameMonth(spark, format, before, now, dataset, month);
                    boolean asClean = sameMonth(spark, format, clean, now, dataset, month);
                    assertThat(asBefore || asClean).as("%s/month=%s after the driver was killed at the %s line: neither "
                            + "as before nor as a clean run writes it; log %s; rows only in it against before: %s; against "
                            + "the clean run: %s", dataset, month, stage, log,
                            asBefore ? "" : onlyIn(spark, format, before, now, dataset, month),
                            asBefore ? "" : onlyIn(spark, format, clean, now, dataset, month)).isTrue();
                }
            }
        }

        succeeds(logs.resolve("rerun.log"), run(format, AFTER, out));
        for (String dataset : DATASETS) {
            for (String month : months(before, clean, dataset)) {
                assertThat(sameMonth(spark, format, clean, now, dataset, month)).as("%s/month=%s after the re-run", dataset, month).isTrue();
            }
        }
        for (String count : List.of(RowCounts.READ, RowCounts.ACCEPTED, RowCounts.REJECTED, RowCounts.FILTERED,
                RowCounts.DUPLICATES, "months_written")) {
            assertThat(manifest(out).get(count)).as(count).isEqualTo(manifest(cleanDir).get(count));
        }
        assertThat(out.resolve(OutputLayout.STAGING)).as("no staged months left behind").doesNotExist();
        assertThat(out.resolve(OutputLayout.STALE_STATS)).as("no statistics left stale").doesNotExist();
        assertThat(OutputContract.violations(out, spark)).isEmpty();
    }

    private static String[] run(TableFormat format, String[] inputs, Path out) {
        List<String> args = new ArrayList<>(List.of("--master", "local[2]", "run", "--patterns-only", "--table-format", format.label()));
        args.addAll(List.of(inputs));
        args.addAll(List.of("--output", out.toString()));
        return args.toArray(String[]::new);
    }

    /** Runs jobs/rootcause to its end; fails with its output unless it exits 0. */
    private static void succeeds(Path log, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("jobs/rootcause"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(15, TimeUnit.MINUTES)).as("finished in 15 minutes: %s", log).isTrue();
        assertThat(p.exitValue()).as(Files.readString(log, StandardCharsets.UTF_8)).isZero();
    }

    /** Starts the job and SIGKILLs its driver as soon as the stage's console line is written. */
    private static void killAtStageLine(Path log, String stage, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("jobs/rootcause"));
        cmd.addAll(List.of(args));
        Pattern line = Pattern.compile("(?m)^" + Pattern.quote(stage) + " +\\S");
        Process driver = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            while (!line.matcher(Files.readString(log, StandardCharsets.UTF_8)).find()) {
                assertThat(driver.isAlive()).as("the driver ended before the %s line:%n%s", stage, Files.readString(log)).isTrue();
                assertThat(System.nanoTime()).as("no %s line in 10 minutes: %s", stage, log).isLessThan(deadline);
                Thread.sleep(10);
            }
        } finally {
            driver.destroyForcibly(); // the launcher execs the driver's JVM: SIGKILL, no shutdown hook runs
        }
        assertThat(driver.waitFor(1, TimeUnit.MINUTES)).isTrue();
    }

    /**
     * An output folder's tables as a reader sees them: their latest versions, or (Iceberg) the given snapshots, a
     * table without one having no months.
     */
    private record Tables(Path out, Map<String, Long> snapshots) {
        static Tables latest(Path out) {
            return new Tables(out, null);
        }
    }

    /** The months of a dataset before the run or in the clean run's output (their {@code month=} folders). */
    private static List<String> months(Tables before, Tables clean, String dataset) throws Exception {
        TreeSet<String> months = new TreeSet<>();
        for (Path dir : List.of(before.out().resolve(dataset), clean.out().resolve(dataset))) {
            if (!Files.isDirectory(dir)) {
                continue; // e.g. no candidate terms at all
            }
            try (Stream<Path> children = Files.list(dir)) {
                children.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("month="))
                        .forEach(n -> months.add(n.substring("month=".length())));
            }
        }
        return new ArrayList<>(months);
    }

    /** Months of complaints whose rows differ before and after: where a mix could show. */
    private static List<String> changedMonths(SparkSession spark, TableFormat format, Tables before, Tables clean) throws Exception {
        return months(before, clean, "complaints").stream()
                .filter(m -> !sameMonth(spark, format, before, clean, "complaints", m)).toList();
    }

    /** The same rows (as a multiset) in a month of a dataset of two output folders; absent in both counts as the same. */
    private static boolean sameMonth(SparkSession spark, TableFormat format, Tables expected, Tables actual, String dataset,
                                     String month) {
        Dataset<Row> a = month(spark, format, expected, dataset, month);
        Dataset<Row> b = month(spark, format, actual, dataset, month);
        if (a == null || b == null) {
            return a == b;
        }
        List<String> columns = new ArrayList<>(new TreeSet<>(List.of(a.columns())));
        if (!new TreeSet<>(List.of(b.columns())).equals(new TreeSet<>(columns))) {
            return false;
        }
        Dataset<Row> x = a.selectExpr(columns.stream().map(c -> "`" + c + "`").toArray(String[]::new));
        Dataset<Row> y = b.selectExpr(columns.stream().map(c -> "`" + c + "`").toArray(String[]::new));
        return RoundedRows.of(x).equals(RoundedRows.of(y));
    }

    /** Up to 3 rows of {@code actual}'s month that {@code expected}'s lacks, and up to 3 the other way: why they differ. */
    private static String onlyIn(SparkSession spark, TableFormat format, Tables expected, Tables actual, String dataset,
                                 String month) {
        Dataset<Row> a = month(spark, format, expected, dataset, month);
        Dataset<Row> b = month(spark, format, actual, dataset, month);
        if (a == null || b == null) {
            return (a == null ? "expected has no such month" : "expected has it") + ", "
                    + (b == null ? "actual has no such month" : "actual has it");
        }
        String[] columns = new TreeSet<>(List.of(a.columns())).stream().map(c -> "`" + c + "`").toArray(String[]::new);
        Dataset<Row> x = a.selectExpr(columns);
        Dataset<Row> y = b.selectExpr(columns);
        return "actual only " + y.exceptAll(x).limit(3).collectAsList() + "; expected only " + x.exceptAll(y).limit(3).collectAsList()
                + " (" + x.count() + " rows expected, " + y.count() + " actual)";
    }

    /**
     * What a reader of the dataset reads for the month, Spark on its folder (plain Parquet) or on the table's latest
     * version (Delta, Iceberg) or snapshot (Iceberg); null when it has no such month.
     */
    private static Dataset<Row> month(SparkSession spark, TableFormat format, Tables tables, String dataset, String month) {
        Path out = tables.out();
        if (!Files.isDirectory(out.resolve(dataset).resolve("month=" + month))) {
            return null;
        }
        if (format == TableFormat.PARQUET) {
            return spark.read().parquet(out.resolve(dataset).toString()).where(col("month").equalTo(month));
        }
        DataFrameReader reader = spark.read().format(format.label());
        if (tables.snapshots() != null) {
            if (!tables.snapshots().containsKey(dataset)) {
                return null;
            }
            reader = reader.option("snapshot-id", tables.snapshots().get(dataset));
        }
        if (format == TableFormat.ICEBERG) {
            IcebergMonthTables.reachByPath(spark, rootcause.io.Storage.path(out.toString()));
        }
        Dataset<Row> rows = reader.load(out.resolve(dataset).toString()).where(col("month").equalTo(month));
        return rows.isEmpty() ? null : rows;
    }

    private static JsonNode manifest(Path out) throws Exception {
        return new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
    }
}
