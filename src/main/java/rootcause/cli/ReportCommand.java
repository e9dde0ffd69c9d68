package rootcause.cli;

import rootcause.model.Months;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import rootcause.metric.EmergingRule;
import rootcause.io.OutputLayout;
import rootcause.io.Storage;
import rootcause.job.tables.MonthTables;
import rootcause.job.lock.RunLock;
import rootcause.job.manifest.RunManifest;
import rootcause.job.tables.TableFormat;
import rootcause.report.LeadershipReport;
import rootcause.report.ReportStage;
import rootcause.report.ReportWriter;
import rootcause.report.RunCounts;

import org.apache.hadoop.fs.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

/** {@code report}: re-renders one month's report files from an existing run's output, in either table format, without NLP. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Re-render OUT/reports/YYYY-MM/ (root-causes.csv, quotes.csv, report.html, report.pdf, alerts.json) "
                + "from OUT/causes and OUT/complaints of an earlier run. Needs no NLP models.")
public final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--output", required = true, paramLabel = "DIR", description = "Output directory of an earlier run "
            + "(holds causes/ and complaints/): a local path or a Hadoop URI (hdfs://, s3a://, abfss://).")
    String output;

    @Option(names = "--month", required = true, paramLabel = "YYYY-MM", description = "Month to re-render.")
    String month;

    @Override
    public Integer call() throws Exception {
        try {
            Months.parse("--month", month);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        Path out = Storage.path(output);
        OutputLayout layout = new OutputLayout(out);
        Path causes = layout.dataset(OutputLayout.CAUSES);
        Path complaints = layout.dataset(OutputLayout.COMPLAINTS);
        boolean ownSession = SparkSession.getActiveSession().isEmpty() && SparkSession.getDefaultSession().isEmpty();
        // It reads whatever format the folder holds.
        SparkSession spark = SparkSessions.forJob("rootcause report", TableFormat.sessionFor(null));
        try {
            Storage storage = Storage.of(spark);
            for (Path required : List.of(causes, complaints)) {
                if (!storage.isDirectory(required)) {
                    spec.commandLine().getErr().println("report: " + Storage.display(required)
                            + " does not exist; run the job into " + Storage.display(out) + " first");
                    return CommandLine.ExitCode.SOFTWARE;
                }
            }
            // It rewrites a month's reports, so it holds the folder's lock like a run: never half-way through theirs.
            try (RunLock lock = RunLock.forRun(storage, out, UUID.randomUUID().toString())) {
                MonthTables tables = MonthTables.open(spark, out);
                Dataset<Row> aggregates = tables.read(OutputLayout.CAUSES, tables.months(OutputLayout.CAUSES));
                Dataset<Row> monthComplaints = tables.read(OutputLayout.COMPLAINTS, List.of(month));
                Map<String, Long> versions = tables.versions();
                if (!versions.isEmpty()) {
                    // Which versions the report shows, for time travel back to them.
                    spec.commandLine().getOut().println("read " + tables.format().label() + " tables: causes version "
                            + versions.get(OutputLayout.CAUSES) + ", complaints version " + versions.get(OutputLayout.COMPLAINTS));
                }
                // OUT/causes holds the emerging flags as the run derived them: the report describes the run's rule
                // (and takes its month threshold for segments and trend points) rather than one it did not use.
                EmergingRule rule = RunManifest.emergingRule(storage, layout.manifest());
                List<Path> written = new ReportStage(new ReportWriter(new LeadershipReport(rule), storage),
                        RunCounts.read(storage, layout.manifest()))
                        .write(aggregates, monthComplaints, out, List.of(month));
                written.forEach(p -> spec.commandLine().getOut().println(Storage.display(p)));
                return CommandLine.ExitCode.OK;
            }
        } finally {
            if (ownSession) {
                spark.stop();
            }
        }
    }
}
