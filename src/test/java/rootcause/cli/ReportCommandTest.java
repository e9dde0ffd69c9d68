package rootcause.cli;

import rootcause.io.OutputLayout;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import rootcause.SparkTestSession;
import rootcause.aggregate.AggregateStage;
import rootcause.aggregate.AggregateStageTest;
import rootcause.aggregate.ComplaintFixtures;
import rootcause.job.tables.MonthTables;
import rootcause.job.tables.TableFormat;
import rootcause.metric.EmergingRule;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportCommandTest {

    record Result(int exitCode, String out, String err) {}

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new ReportCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** An earlier run's complaints and causes of January and February 2024. */
    private static void writeTwoMonths(Path out) {
        SparkSession spark = SparkTestSession.get();
        Dataset<Row> complaints = ComplaintFixtures.toDataset(spark, AggregateStageTest.twoMonths());
        complaints.write().partitionBy("month").parquet(out.resolve("complaints").toString());
        new AggregateStage(AggregateStageTest.CAUSES, EmergingRule.DEFAULT).aggregate(complaints)
                .write().partitionBy("month").parquet(out.resolve("causes").toString());
    }

    @Test
    void rerendersOneMonthFromParquetWithoutTaxonomy(@TempDir Path out) throws Exception {
        writeTwoMonths(out);
        Files.writeString(out.resolve("manifest.json"), "{\"rows_read\": 987654}");

        Result r = run("--output", out.toString(), "--month", "2024-02");

        assertThat(r.exitCode()).as(r.err()).isZero();
        Path dir = out.resolve("reports/2024-02");
        assertThat(dir.resolve("report.pdf")).isNotEmptyFile();
        assertThat(r.out()).contains(dir.resolve("root-causes.csv").toString());
        assertThat(Files.readString(dir.resolve("root-causes.csv"))).contains("2024-02,rudeness,Rudeness,People,6,");
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).contains("Compared with January 2024").contains("987,654").contains("Process and policy");
        assertThat(out.resolve("reports/2024-01")).doesNotExist();
    }

    /**
     * From Delta tables whose February causes were replaced: the folder then holds February's old files beside the
     * new ones, which a plain Parquet reader would count twice; the report reads the latest version and names it.
     */
    @Test
    void rerendersOneMonthFromDeltaTablesAtTheirLatestVersion(@TempDir Path out) throws Exception {
        SparkSession spark = SparkTestSession.get();
        MonthTables tables = MonthTables.open(spark, rootcause.io.Storage.path(out.toString()), TableFormat.DELTA);
        Dataset<Row> complaints = ComplaintFixtures.toDataset(spark, AggregateStageTest.twoMonths());
        Dataset<Row> causes = new AggregateStage(AggregateStageTest.CAUSES, EmergingRule.DEFAULT).aggregate(complaints);
        List<String> months = List.of("2024-01", "2024-02");
        tables.write(complaints, OutputLayout.COMPLAINTS, months);
        tables.write(causes, OutputLayout.CAUSES, months);
        tables.write(causes.where("month = '2024-02'"), OutputLayout.CAUSES, List.of("2024-02"));
        tables.publish();
        assertThat(spark.read().parquet(out.resolve("causes").toString()).where("month = '2024-02'").count())
                .as("what a plain Parquet reader would count").isEqualTo(2 * causes.where("month = '2024-02'").count());

        Result r = run("--output", out.toString(), "--month", "2024-02");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("read delta tables: causes version 1, complaints version 0");
        assertThat(Files.readString(out.resolve("reports/2024-02/root-causes.csv"))).contains("2024-02,rudeness,Rudeness,People,6,");
    }

    /**
     * From Iceberg tables whose February causes were replaced: February's folder then holds its old files beside the
     * new ones; the report reads the latest snapshot and names it.
     */
    @Test
    void rerendersOneMonthFromIcebergTablesAtTheirLatestSnapshot(@TempDir Path out) throws Exception {
        SparkSession spark = SparkTestSession.get();
        MonthTables tables = MonthTables.open(spark, rootcause.io.Storage.path(out.toString()), TableFormat.ICEBERG);
        Dataset<Row> complaints = ComplaintFixtures.toDataset(spark, AggregateStageTest.twoMonths());
        Dataset<Row> causes = new AggregateStage(AggregateStageTest.CAUSES, EmergingRule.DEFAULT).aggregate(complaints);
        List<String> months = List.of("2024-01", "2024-02");
        tables.write(complaints, OutputLayout.COMPLAINTS, months);
        tables.write(causes, OutputLayout.CAUSES, months);
        tables.write(causes.where("month = '2024-02'"), OutputLayout.CAUSES, List.of("2024-02"));
        tables.publish();
        java.util.Map<String, Long> versions = tables.versions();
        try (var files = Files.list(out.resolve("causes/month=2024-02"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".parquet")).count()).as("old and new files").isGreaterThan(1);
        }

        Result r = run("--output", out.toString(), "--month", "2024-02");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("read iceberg tables: causes version " + versions.get(OutputLayout.CAUSES)
                + ", complaints version " + versions.get(OutputLayout.COMPLAINTS));
        assertThat(Files.readString(out.resolve("reports/2024-02/root-causes.csv"))).contains("2024-02,rudeness,Rudeness,People,6,");
    }

    @Test
    void rejectsAMalformedMonthAsUsageError(@TempDir Path out) {
        Result r = run("--output", out.toString(), "--month", "March");
        assertThat(r.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(r.err()).contains("--month: 'March' is not a month; write YYYY-MM");
    }

    @Test
    void namesTheMissingParquetDirectory(@TempDir Path out) {
        Result r = run("--output", out.toString(), "--month", "2024-02");
        assertThat(r.exitCode()).isEqualTo(CommandLine.ExitCode.SOFTWARE);
        assertThat(r.err()).contains(out.resolve("causes").toString()).contains("does not exist");
    }

    /**
     * A run killed before swapping in its months leaves them staged; the re-render reads what is stored, not those
     * (they would count in the month's trend), and discards them as the next run would.
     */
    @Test
    void aKilledRunsStagedMonthsAreDiscardedNotRead(@TempDir Path out) throws Exception {
        writeTwoMonths(out);
        // the dead run staged a March of causes (January's rows, relabelled), and never marked its months complete
        SparkSession spark = SparkTestSession.get();
        Path staged = out.resolve(OutputLayout.STAGING).resolve("new").resolve(OutputLayout.CAUSES);
        spark.read().parquet(out.resolve("causes").resolve("month=2024-01").toString())
                .write().parquet(staged.resolve("month=2024-03").toString());

        Result r = run("--output", out.toString(), "--month", "2024-02");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(out.resolve(OutputLayout.STAGING)).as("discarded").doesNotExist();
        assertThat(MonthTables.open(spark, rootcause.io.Storage.path(out.toString())).months(OutputLayout.CAUSES))
                .containsExactly("2024-01", "2024-02");
    }

    @Test
    void failsAtOnceWhileARunHoldsTheFolder(@TempDir Path out) throws Exception {
        writeTwoMonths(out);
        org.apache.hadoop.fs.Path folder = rootcause.io.Storage.path(out.toString());
        StringWriter err = new StringWriter();
        CommandLine cli = RootCauseCli.commandLine();
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(err));

        try (rootcause.job.lock.RunLock held = rootcause.job.lock.RunLock.forRun(rootcause.io.Storage.local(), folder, "held-by-the-test")) {
            int code = cli.execute("report", "--output", out.toString(), "--month", "2024-02");
            assertThat(code).as(err.toString()).isEqualTo(CommandLine.ExitCode.USAGE);
            assertThat(err.toString()).contains("rootcause report: the output folder is in use by " + held.holder().describe());
            assertThat(out.resolve("reports/2024-02")).as("nothing written").doesNotExist();
        }
        assertThat(run("--output", out.toString(), "--month", "2024-02").exitCode()).isZero();
        assertThat(out.resolve(OutputLayout.LOCK)).as("released at the end").doesNotExist();
    }
}
