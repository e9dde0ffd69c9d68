package rootcause.job;

import rootcause.job.lock.RunLock;
import rootcause.job.manifest.AnalysisCounts;
import rootcause.job.manifest.FileCounts;
import rootcause.job.manifest.ManifestCounts;
import rootcause.job.manifest.RunCheck;
import rootcause.job.manifest.RunManifest;
import rootcause.job.tables.MonthWrites;
import rootcause.job.tables.MonthFingerprints;
import rootcause.job.tables.MonthTables;

import rootcause.io.ParquetCache;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import rootcause.aggregate.AggregateStage;
import rootcause.classify.ClassifyStage;
import rootcause.classify.EmbeddingCache;
import rootcause.classify.Taxonomy;
import rootcause.classify.TaxonomyLoader;
import rootcause.clean.CleanStage;
import rootcause.clean.NameCache;
import rootcause.console.Console;
import rootcause.clean.NameRedactor;
import rootcause.ingest.IngestResult;
import rootcause.ingest.IngestStage;
import rootcause.io.OutputLayout;
import rootcause.io.Storage;
import rootcause.model.Columns;
import rootcause.model.RowCounts;
import rootcause.nlp.NlpCache;
import rootcause.nlp.NlpCacheKey;
import rootcause.nlp.NlpSettings;
import rootcause.nlp.NlpStage;
import rootcause.sentiment.SentimentModelFile;
import rootcause.report.LeadershipReport;
import rootcause.report.ReportStage;
import rootcause.report.ReportWriter;
import rootcause.report.RunCounts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * Runs the stages in order and writes the output contract: complaints, rejects, causes, candidates, reports,
 * manifest. Holds no text or
 * statistics logic of its own; it wires stages, persists what is read twice, and counts.
 */
public final class RootCauseJob {
    private static final Logger LOG = LogManager.getLogger(RootCauseJob.class);

    private final SparkSession spark;
    private final JobConfig config;
    private final String runId;
    private final Map<String, Long> timings = new LinkedHashMap<>();
    private final Storage storage;
    private final boolean skipIfUpToDate;
    /** {@link JobSteps#build}, set when the run starts. */
    private String build;

    public RootCauseJob(SparkSession spark, JobConfig config) {
        this(spark, config, UUID.randomUUID().toString());
    }

    /** @param runId the manifest's run id, the one the output folder's {@link RunLock} names */
    public RootCauseJob(SparkSession spark, JobConfig config, String runId) {
        this(spark, config, runId, false);
    }

    /**
     * @param runId    the manifest's run id, the one the output folder's {@link RunLock} names
     * @param skipIfUpToDate true: when the output already holds this very run's result ({@link UpToDate}), say so
     *                 and return its manifest instead of running again
     */
    public RootCauseJob(SparkSession spark, JobConfig config, String runId, boolean skipIfUpToDate) {
        this.spark = spark;
        this.config = config;
        this.storage = Storage.of(spark);
        this.runId = runId;
        this.skipIfUpToDate = skipIfUpToDate;
    }

    /** Runs the whole job; returns the manifest it wrote. Fails if the counts do not reconcile. */

    public RunManifest run() {
        String startedAt = Instant.now().toString();
        Taxonomy loaded = config.taxonomy() == null ? TaxonomyLoader.loadDefault()
                : TaxonomyLoader.load(Path.of(config.taxonomy()));
        Taxonomy taxonomy = config.patternsOnly() ? loaded.patternsOnly() : loaded;
        String taxonomySha256 = taxonomySha256();
        storage.requireFolderOrAbsent(config.output(), "--output");
        SentimentModelFile sentimentModel = SentimentModelFile.named(config.sentimentModel());
        // A model that does not read CoreNLP's sentiment needs no parser: the nlp stage's dominant cost goes away.
        NlpSettings nlpSettings = sentimentModel.model().needsParser() ? config.nlp() : config.nlp().withoutParser();
        // Every model file the job loads: the clean stage's name models, then the nlp stage's.
        List<String> models = new ArrayList<>(NameRedactor.MODELS);
        models.addAll(nlpSettings.modelResources());
        Map<String, String> modelFilesSha256 = LibraryVersions.sha256(models);
        NlpCache nlpCache = new NlpCache(layout().nlpCache().toString(), NlpCacheKey.fingerprint(
                nlpSettings, modelFilesSha256, sentimentModel.sha256(), LibraryVersions.libraries()));
        Map<String, String> nameModelsSha256 = new TreeMap<>(modelFilesSha256);
        nameModelsSha256.keySet().retainAll(NameRedactor.MODELS);
        NameCache nameCache = new NameCache(layout().nameCache().toString(),
                NameCache.fingerprint(new NameRedactor(), nameModelsSha256, LibraryVersions.libraries()));
        MonthTables tables = MonthTables.open(spark, config.output(), config.tableFormat());
        String codeSha256 = UpToDate.codeSha256();
        build = JobSteps.build(codeSha256);
        String inputsFingerprint = UpToDate.fingerprint(storage, config, codeSha256, taxonomySha256,
                nlpCache.fingerprint(), taxonomy.hasSemanticLayer() ? EmbeddingCache.fingerprint(taxonomy.semantic().encoder()) : "none");
        if (skipIfUpToDate) {
            Optional<RunManifest> previous = UpToDate.previous(storage, config.output(), inputsFingerprint, tables);
            if (previous.isPresent()) {
                Console.line(String.format(Locale.ROOT, "up to date: %s holds run %s (finished %s) of these very inputs "
                                + "and settings; nothing to do (run --force runs it again)", Storage.display(config.output()),
                        previous.get().runId(), previous.get().finishedAt()));
                return previous.get();
            }
        }
        JobSteps.recover(tables);
        List<Dataset<Row>> persisted = new ArrayList<>();
        try {
            IngestResult ingested = timed("ingest", () -> new IngestStage(spark, config.months()).read(config.inputs()));
            // Dataset.persist marks this very plan, so ingested.accepted() and notAccepted() below read the cache.
            Dataset<Row> rows = persist(ingested.rows(), persisted);
            CleanStage clean = new CleanStage(nameCache);
            Dataset<Row> cleaned = persist(timed("clean", () -> clean.clean(ingested.accepted())), persisted);
            // The first action: reads the inputs, cleans, and fills both caches.
            List<FileCounts> files = timed("count", () -> ManifestCounts.perFile(rows, cleaned, ingested.files(), ingested.lines()));
            RowCounts read = FileCounts.total(files);
            stageLine("ingest, clean", String.format(Locale.ROOT,
                    "%,d rows read from %d files: %,d accepted, %,d rejected, %,d filtered; %,d duplicates marked; "
                            + "person names in complaints: %,d distinct texts, %,d from the cache, %,d analysed",
                    read.read(), ingested.files().size(), read.accepted(), read.rejected(), read.filtered(),
                    FileCounts.duplicates(files), clean.nameTextsLookedUp(),
                    clean.nameTextsLookedUp() - clean.nameTextsAnalysed(), clean.nameTextsAnalysed()),
                    "ingest", "clean", "count");

            Dataset<Row> complaints = cleaned;
            NlpStage nlp = new NlpStage(nlpSettings, sentimentModel);
            if (config.stopAfter().includes(JobConfig.Stage.NLP)) {
                complaints = timed("nlp", () -> nlp.apply(cleaned, nlpCache));
                persisted.addAll(nlp.persisted());
                double seconds = Math.max(1, timings.get("nlp")) / 1000.0;
                stageLine("nlp", String.format(Locale.ROOT, "%,d distinct texts: %,d from the cache, %,d analysed, %.1f texts/s, %s",
                        nlp.distinctTexts(), nlp.cacheHits(), nlp.textsAnalysed(), nlp.textsAnalysed() / seconds,
                        nlpSettings.parse() ? "parsed by " + Path.of(nlpSettings.parserModel()).getFileName() : "parser-free"), "nlp");
            }
            EmbeddingCache embeddingCache = taxonomy.hasSemanticLayer()
                    ? new EmbeddingCache(layout().embeddingCache().toString(), taxonomy.semantic().encoder()) : null;
            ClassifyStage classify = new ClassifyStage(taxonomy, embeddingCache);
            if (config.stopAfter().includes(JobConfig.Stage.CLASSIFY)) {
                Dataset<Row> analysed = complaints;
                String taxonomyVersion = ClassifyStage.versionLabel(taxonomy, taxonomySha256);
                complaints = timed("classify", () -> classify.classify(analysed)
                        .withColumn(Columns.TAXONOMY_VERSION, lit(taxonomyVersion)));
                persisted.addAll(classify.persisted());
                stageLine("classify", String.format(Locale.ROOT, "%d causes of taxonomy %s, %s",
                        taxonomy.causeInfos().size(), taxonomyVersion, JobSteps.semanticDetail(taxonomy, classify)), "classify");
            }
            Dataset<Row> finished = complaints == cleaned ? cleaned : persist(complaints, persisted);

            List<String> monthsWritten = new ArrayList<>(new TreeSet<>(
                    files.stream().flatMap(f -> f.acceptedByMonth().keySet().stream()).toList()));
            MonthWrites writes = new MonthWrites(tables, storage, config.output());
            List<String> complaintsWritten = timed("write_complaints",
                    () -> writes.write(finished, OutputLayout.COMPLAINTS, monthsWritten, List.of()));
            boolean rejectsWritten = timed("write_rejects", () -> writeRejects(clean, ingested.notAccepted(), nameCache.fingerprint()));
            persisted.addAll(clean.persisted());
            // Complaints, raw records and details together: the re-run's account of the name models' work.
            Map<String, Object> cleanStats = new LinkedHashMap<>();
            cleanStats.put("name_texts_looked_up", clean.nameTextsLookedUp());
            cleanStats.put("name_cache_hits", clean.nameTextsLookedUp() - clean.nameTextsAnalysed());
            cleanStats.put("name_texts_analysed", clean.nameTextsAnalysed());
            cleanStats.put("name_cache", Storage.display(new org.apache.hadoop.fs.Path(nameCache.location())));
            Map<String, Object> nlpStats = new LinkedHashMap<>();
            Map<String, Object> classifyStats = new LinkedHashMap<>();
            List<RunCheck> checks = new ArrayList<>(RunCheck.onCounts(files));
            if (config.stopAfter().includes(JobConfig.Stage.NLP)) {
                nlpStats.putAll(AnalysisCounts.nlp(finished));
                nlpStats.putAll(nlp.manifestSection(nlpCache, modelFilesSha256));
            }
            String classified = "";
            if (config.stopAfter().includes(JobConfig.Stage.CLASSIFY)) {
                classifyStats.putAll(AnalysisCounts.classify(finished));
                classifyStats.putAll(AnalysisCounts.matchedBy(finished));
                if (taxonomy.hasSemanticLayer()) {
                    classifyStats.putAll(AnalysisCounts.embeddings(classify, embeddingCache));
                }
                checks.add(AnalysisCounts.unclassifiedCheck(classifyStats));
                long all = (long) classifyStats.get(AnalysisCounts.COMPLAINTS);
                long unclassified = (long) classifyStats.get(AnalysisCounts.UNCLASSIFIED);
                classified = String.format(Locale.ROOT, " (%,d of %,d originals given a cause)", all - unclassified, all);
            }
            stageLine("write", String.format(Locale.ROOT, "%,d complaints in %d months%s (%d months rewritten, %d unchanged), "
                            + "%,d rejected or filtered rows", read.accepted(), monthsWritten.size(), classified,
                            complaintsWritten.size(), monthsWritten.size() - complaintsWritten.size(), read.rejected() + read.filtered()),
                    "write_complaints", "write_rejects");
            // Counts that fail their checks fail the run after the manifest is written; no report shows them.
            List<String> reportsUnchanged = new ArrayList<>();
            if (config.stopAfter().includes(JobConfig.Stage.REPORT) && !monthsWritten.isEmpty()
                    && RunCheck.failedErrors(checks).isEmpty()) {
                timed("aggregate_and_report", () -> reportsUnchanged.addAll(
                        aggregateAndReport(writes, tables, taxonomy, classify, finished, files, monthsWritten, complaintsWritten)));
                stageLine("aggregate, report", String.format(Locale.ROOT, "%d months reported (%d rendered, %d unchanged): %s",
                        monthsWritten.size(), monthsWritten.size() - reportsUnchanged.size(), reportsUnchanged.size(),
                        String.join(", ", monthsWritten)), "aggregate_and_report");
            }
            timed("swap_in_months", writes::publish);

            RunManifest manifest = manifest(startedAt, taxonomy, taxonomySha256, files, monthsWritten, cleanStats, nlpStats,
                    classifyStats, checks, inputsFingerprint, tables)
                    .withUnchanged(JobSteps.unchanged(writes.skipped(), reportsUnchanged, rejectsWritten));
            org.apache.hadoop.fs.Path manifestFile = layout().manifest();
            try {
                manifest.write(storage, manifestFile);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + Storage.display(manifestFile), e);
            }
            // A warning says what failed and where to look: the rows and their reasons are in OUT/rejects.
            manifest.checks().stream().filter(c -> RunCheck.WARNING.equals(c.level()) && !c.passed())
                    .forEach(c -> Console.warning(c.check() + ": " + c.detail() + (c.check().startsWith(RunCheck.REJECTED_SHARE)
                            ? "; each row and its reason: " + Storage.display(layout().rejects()) : "")));
            List<RunCheck> failed = RunCheck.failedErrors(manifest.checks());
            if (!failed.isEmpty()) {
                throw new IllegalStateException("run checks failed: " + failed);
            }
            LOG.info("rootcause: read {} rows, accepted {}, rejected {}, filtered {}, duplicates {}; months {}",
                    manifest.rowsRead(), manifest.rowsAccepted(), manifest.rowsRejected(), manifest.rowsFiltered(),
                    manifest.duplicates(), monthsWritten);
            return manifest;
        } finally {
            persisted.forEach(Dataset::unpersist);
        }
    }

    private static Dataset<Row> persist(Dataset<Row> data, List<Dataset<Row>> persisted) {
        persisted.add(data);
        return data.persist(StorageLevel.MEMORY_AND_DISK());
    }

    /** The console line of a stage, timed by the manifest's timings of its steps. */
    private void stageLine(String stage, String detail, String... steps) {
        StepTimings.stageLine(timings, stage, detail, steps);
    }

    /**
     * Aggregates this run's months from their statistics and the stored statistics of the months before them
     * ({@link IncrementalAggregation}), so a month's change against the previous month and the trends see months
     * written by earlier runs without rescanning their complaints; only this run's months are (re)written.
     */
    private List<String> aggregateAndReport(MonthWrites writes, MonthTables tables, Taxonomy taxonomy, ClassifyStage classify,
                                            Dataset<Row> complaints, List<FileCounts> files, List<String> months,
                                            List<String> complaintsWritten) {
        IncrementalAggregation.Result aggregated = new IncrementalAggregation(tables,
                new AggregateStage(taxonomy.causeInfos(), config.emergingRule()), writes, complaintsWritten).aggregate(months, months);
        writes.write(aggregated.aggregates().where(col(Columns.MONTH).isin(months.toArray())), OutputLayout.CAUSES, months, List.of());
        writes.write(classify.candidateTerms(complaints), OutputLayout.CANDIDATES, months, List.of());
        RunCounts counts = RunCounts.of(FileCounts.total(files), FileCounts.duplicates(files));
        try {
            // The build renders: a report rendered by another build is rendered again, even from the same inputs.
            ReportStage reports = new ReportStage(new ReportWriter(new LeadershipReport(config.emergingRule()), storage,
                    config.taxonomy(), build), counts);
            reports.write(aggregated.aggregates(), aggregated.complaints(), config.output(), months);
            return reports.unchanged();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reports under " + Storage.display(layout().reports()), e);
        }
    }

    /** SHA-256 of the taxonomy file the run uses (the built-in one without {@code --taxonomy}). */
    private String taxonomySha256() {
        return TaxonomyLoader.sha256(config.taxonomy() == null ? null : Path.of(config.taxonomy()));
    }

    /**
     * Rejects describe the latest run, like the manifest. Sorted by file and record across the part files (a range
     * partitioning: many tasks, not one, on millions of filtered rows). Not written again, and their raw records not
     * redacted again, when the raw rejected rows, the application build and the name models and settings (the name
     * cache's fingerprint, {@link NameCache#fingerprint}) are those the stored rejects were written from
     * ({@code OUT/_fingerprints/rejects}: a SHA-256, no text); returns whether it wrote.
     */
    private boolean writeRejects(CleanStage clean, Dataset<Row> raw, String nameModelsFingerprint) {
        String fingerprint = org.apache.commons.codec.digest.DigestUtils.sha256Hex(
                build + "\n" + nameModelsFingerprint + "\n" + MonthFingerprints.ofAll(raw));
        org.apache.hadoop.fs.Path stored = layout().rejectsFingerprint();
        try {
            if (storage.isFile(stored) && storage.isDirectory(layout().rejects())
                    && fingerprint.equals(storage.readString(stored).trim())) {
                return false;
            }
            storage.delete(stored);
            clean.redactRejects(raw).orderBy(col(Columns.SOURCE_FILE), col(Columns.RECORD))
                    .write()
                    .mode(SaveMode.Overwrite)
                    .option("maxRecordsPerFile", ParquetCache.MAX_RECORDS_PER_FILE)
                    .parquet(layout().rejects().toString());
            storage.replace(stored, (fingerprint + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + Storage.display(layout().rejects()), e);
        }
    }

    private OutputLayout layout() {
        return new OutputLayout(config.output());
    }

    private RunManifest manifest(String startedAt, Taxonomy taxonomy, String taxonomySha256, List<FileCounts> files,
                                 List<String> monthsWritten, Map<String, Object> cleanStats, Map<String, Object> nlpStats,
                                 Map<String, Object> classifyStats, List<RunCheck> checks, String inputsFingerprint,
                                 MonthTables tables) {
        Map<String, String> versions = new TreeMap<>();
        versions.put("rootcause", String.valueOf(RootCauseJob.class.getPackage().getImplementationVersion()));
        versions.put("spark", spark.version());
        versions.put("java", System.getProperty("java.version"));
        versions.putAll(LibraryVersions.libraries());
        return RunManifest.of(runId, startedAt, Instant.now().toString(), versions,
                JobSteps.taxonomyInfo(taxonomy, config.taxonomy(), taxonomySha256), new ArrayList<>(new TreeSet<>(config.months())),
                monthsWritten, files, cleanStats, nlpStats, classifyStats, timings, Map.of("driver_peak_heap_mb", DriverHeap.peakMegabytes(),
                        "driver_max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024)), checks, inputsFingerprint)
                .withTables(tables.format(), tables.versions()).withEmergingRule(config.emergingRule());
    }

    private <T> T timed(String step, java.util.function.Supplier<T> work) {
        return StepTimings.timed(timings, step, work);
    }

    private void timed(String step, Runnable work) {
        StepTimings.timed(timings, step, work);
    }
}
