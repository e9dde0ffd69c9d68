package rootcause.cli;

import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import rootcause.io.OutputLayout;
import rootcause.io.Storage;
import rootcause.job.ReportJob;
import rootcause.job.tables.TableFormat;
import rootcause.model.Months;

import java.util.Optional;
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
        boolean ownSession = SparkSession.getActiveSession().isEmpty() && SparkSession.getDefaultSession().isEmpty();
        // It reads whatever format the folder holds.
        SparkSession spark = SparkSessions.forJob("rootcause report", TableFormat.sessionFor(null));
        try {
            Optional<Path> missing = ReportJob.missingInput(Storage.of(spark), out);
            if (missing.isPresent()) {
                spec.commandLine().getErr().println("report: " + Storage.display(missing.get())
                        + " does not exist; run the job into " + Storage.display(out) + " first");
                return CommandLine.ExitCode.SOFTWARE;
            }
            ReportJob.Result result = ReportJob.write(spark, out, month);
            if (!result.versions().isEmpty()) {
                // Which versions the report shows, for time travel back to them.
                spec.commandLine().getOut().println("read " + result.tableFormat() + " tables: causes version "
                        + result.versions().get(OutputLayout.CAUSES) + ", complaints version "
                        + result.versions().get(OutputLayout.COMPLAINTS));
            }
            result.written().forEach(p -> spec.commandLine().getOut().println(Storage.display(p)));
            return CommandLine.ExitCode.OK;
        } finally {
            if (ownSession) {
                spark.stop();
            }
        }
    }
}
