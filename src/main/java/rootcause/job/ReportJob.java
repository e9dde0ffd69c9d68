package rootcause.job;

import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import rootcause.io.OutputLayout;
import rootcause.io.Storage;
import rootcause.job.lock.RunLock;
import rootcause.job.manifest.RunManifest;
import rootcause.job.tables.MonthTables;
import rootcause.metric.EmergingRule;
import rootcause.report.LeadershipReport;
import rootcause.report.ReportStage;
import rootcause.report.ReportWriter;
import rootcause.report.RunCounts;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What the {@code report} verb does: re-renders one month's report files from an earlier run's {@code OUT/causes} and
 * {@code OUT/complaints}, in whichever table format they are stored, without NLP. Runs on the driver.
 */
public final class ReportJob {
    private ReportJob() {}

    /**
     * What a re-render wrote.
     *
     * @param tableFormat the stored format's label ({@code parquet}, {@code delta}, {@code iceberg})
     * @param versions    the table versions read, by dataset; empty for plain Parquet
     * @param written     the report files written
     */
    public record Result(String tableFormat, Map<String, Long> versions, List<Path> written) {}

    /** The first dataset the re-render needs that {@code out} lacks, if any. */
    public static Optional<Path> missingInput(Storage storage, Path out) {
        OutputLayout layout = new OutputLayout(out);
        for (Path required : List.of(layout.dataset(OutputLayout.CAUSES), layout.dataset(OutputLayout.COMPLAINTS))) {
            if (!storage.isDirectory(required)) {
                return Optional.of(required);
            }
        }
        return Optional.empty();
    }

    /**
     * Writes {@code OUT/reports/<month>/} again, holding the folder's lock like a run (never half-way through theirs),
     * after repairing what a killed run left, as a run does.
     * The report describes the emerging rule the run recorded, which derived the flags {@code OUT/causes} holds.
     */
    public static Result write(SparkSession spark, Path out, String month) throws IOException {
        Storage storage = Storage.of(spark);
        OutputLayout layout = new OutputLayout(out);
        try (RunLock lock = RunLock.forRun(storage, out, UUID.randomUUID().toString())) {
            MonthTables tables = MonthTables.open(spark, out);
            // A killed run's staged months are not the stored ones: finish or discard them first, as a run does.
            JobSteps.recover(tables);
            Dataset<Row> aggregates = tables.read(OutputLayout.CAUSES, tables.months(OutputLayout.CAUSES));
            Dataset<Row> monthComplaints = tables.read(OutputLayout.COMPLAINTS, List.of(month));
            Map<String, Long> versions = tables.versions();
            EmergingRule rule = RunManifest.emergingRule(storage, layout.manifest());
            List<Path> written = new ReportStage(new ReportWriter(new LeadershipReport(rule), storage),
                    RunCounts.read(storage, layout.manifest()))
                    .write(aggregates, monthComplaints, out, List.of(month));
            return new Result(tables.format().label(), versions, written);
        }
    }
}
