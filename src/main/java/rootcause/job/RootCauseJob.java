package rootcause.job;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import rootcause.clean.CleanStage;
import rootcause.ingest.IngestResult;
import rootcause.ingest.IngestStage;
import rootcause.model.Columns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import static org.apache.spark.sql.functions.col;

/**
 * Runs the stages in order and writes the output contract: complaints, rejects, manifest. Holds no text or
 * statistics logic of its own; it wires stages, persists what is read twice, and counts.
 */
public final class RootCauseJob {
    private static final Logger LOG = LogManager.getLogger(RootCauseJob.class);

    private final SparkSession spark;
    private final JobConfig config;
    private final Map<String, Long> timings = new LinkedHashMap<>();

    public RootCauseJob(SparkSession spark, JobConfig config) {
        this.spark = spark;
        this.config = config;
    }

    /** Runs the whole job; returns the manifest it wrote. Fails if the counts do not reconcile. */
    public RunManifest run() {
        String startedAt = Instant.now().toString();
        IngestResult ingested = timed("ingest", () -> new IngestStage(spark, config.months()).read(config.inputs()));
        Dataset<Row> rows = ingested.rows().persist(StorageLevel.MEMORY_AND_DISK());
        CleanStage clean = new CleanStage();
        Dataset<Row> complaints = timed("clean", () -> clean.clean(new IngestResult(rows, ingested.files()).accepted()))
                .persist(StorageLevel.MEMORY_AND_DISK());

        timed("write_complaints", () -> writeComplaints(complaints));
        timed("write_rejects", () -> writeRejects(clean.redactRejects(new IngestResult(rows, ingested.files()).notAccepted())));

        List<FileCounts> files = timed("count", () -> ManifestCounts.perFile(rows, complaints, ingested.files()));
        List<String> monthsWritten = new ArrayList<>(new TreeSet<>(
                files.stream().flatMap(f -> f.acceptedByMonth().keySet().stream()).toList()));
        RunManifest manifest = manifest(startedAt, files, monthsWritten);
        try {
            manifest.write(config.output().resolve("manifest.json"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + config.output().resolve("manifest.json"), e);
        }
        complaints.unpersist();
        rows.unpersist();
        List<RunCheck> failed = RunCheck.failedErrors(manifest.checks());
        if (!failed.isEmpty()) {
            throw new IllegalStateException("run checks failed: " + failed);
        }
        LOG.info("rootcause: read {} rows, accepted {}, rejected {}, filtered {}, duplicates {}; months {}",
                manifest.rowsRead(), manifest.rowsAccepted(), manifest.rowsRejected(), manifest.rowsFiltered(),
                manifest.duplicates(), monthsWritten);
        return manifest;
    }

    /** Dynamic partition overwrite: the months in this run are replaced, other months stay. */
    private void writeComplaints(Dataset<Row> complaints) {
        complaints.write()
                .mode(SaveMode.Overwrite)
                .option("partitionOverwriteMode", "dynamic")
                .partitionBy(Columns.MONTH)
                .parquet(config.output().resolve("complaints").toString());
    }

    /** Rejects describe the latest run, like the manifest. */
    private void writeRejects(Dataset<Row> rejects) {
        rejects.orderBy(col(Columns.SOURCE_FILE), col(Columns.RECORD))
                .coalesce(1)
                .write()
                .mode(SaveMode.Overwrite)
                .parquet(config.output().resolve("rejects").toString());
    }

    private RunManifest manifest(String startedAt, List<FileCounts> files, List<String> monthsWritten) {
        Map<String, String> versions = new TreeMap<>();
        versions.put("rootcause", String.valueOf(RootCauseJob.class.getPackage().getImplementationVersion()));
        versions.put("spark", spark.version());
        versions.put("java", System.getProperty("java.version"));
        return new RunManifest(UUID.randomUUID().toString(), startedAt, Instant.now().toString(), versions,
                Map.of(), new ArrayList<>(new TreeSet<>(config.months())), monthsWritten,
                files.stream().mapToLong(FileCounts::rowsRead).sum(),
                files.stream().mapToLong(FileCounts::rowsAccepted).sum(),
                files.stream().mapToLong(FileCounts::rowsRejected).sum(),
                files.stream().mapToLong(FileCounts::rowsFiltered).sum(),
                files.stream().mapToLong(FileCounts::duplicates).sum(),
                RunManifest.sumReasons(files, true), RunManifest.sumReasons(files, false), files,
                Map.of(), Map.of(), timings, RunCheck.onCounts(files));
    }

    private <T> T timed(String step, java.util.function.Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            timings.merge(step, (System.nanoTime() - start) / 1_000_000, Long::sum);
        }
    }

    private void timed(String step, Runnable work) {
        timed(step, () -> {
            work.run();
            return null;
        });
    }
}
