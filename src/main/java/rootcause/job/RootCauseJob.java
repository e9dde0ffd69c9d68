package rootcause.job;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import rootcause.aggregate.AggregateStage;
import rootcause.metric.EmergingRule;
import rootcause.classify.ClassifyStage;
import rootcause.classify.EmbeddingCache;
import rootcause.classify.Taxonomy;
import rootcause.classify.TaxonomyLoader;
import rootcause.clean.CleanStage;
import rootcause.clean.NameCache;
import rootcause.console.Console;
import rootcause.clean.NameRedactor;
import rootcause.embed.SentenceEmbedder;
import rootcause.ingest.IngestResult;
import rootcause.ingest.IngestStage;
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
    /** Rows per Parquet file at most: files of tens of MB, few enough to list fast. */
    public static final int MAX_RECORDS_PER_FILE = 50_000;

    public RunManifest run() {
        String startedAt = Instant.now().toString();
        // month=2025-09 folders must read back as the string "2025-09".
        spark.conf().set("spark.sql.sources.partitionColumnTypeInference.enabled", "false");
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
        NlpCache nlpCache = new NlpCache(output(NlpCache.FOLDER).toString(), NlpCacheKey.fingerprint(
                nlpSettings, modelFilesSha256, sentimentModel.sha256(), LibraryVersions.libraries()));
        Map<String, String> nameModelsSha256 = new TreeMap<>(modelFilesSha256);
        nameModelsSha256.keySet().retainAll(NameRedactor.MODELS);
        NameCache nameCache = new NameCache(output(NameCache.FOLDER).toString(),
                NameCache.fingerprint(new NameRedactor(), nameModelsSha256, LibraryVersions.libraries()));
        String inputsFingerprint = UpToDate.fingerprint(storage, config, UpToDate.codeSha256(), taxonomySha256,
                nlpCache.fingerprint(), taxonomy.hasSemanticLayer() ? EmbeddingCache.fingerprint(taxonomy.semantic().encoder()) : "none");
        if (skipIfUpToDate) {
            Optional<RunManifest> previous = UpToDate.previous(storage, config.output(), inputsFingerprint);
            if (previous.isPresent()) {
                Console.line(String.format(Locale.ROOT, "up to date: %s holds run %s (finished %s) of these very inputs "
                                + "and settings; nothing to do (run --force runs it again)", Storage.display(config.output()),
                        previous.get().runId(), previous.get().finishedAt()));
                return previous.get();
            }
        }
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
                    ? new EmbeddingCache(output(EmbeddingCache.FOLDER).toString(), taxonomy.semantic().encoder()) : null;
            ClassifyStage classify = new ClassifyStage(taxonomy, embeddingCache);
            if (config.stopAfter().includes(JobConfig.Stage.CLASSIFY)) {
                Dataset<Row> analysed = complaints;
                String taxonomyVersion = ClassifyStage.versionLabel(taxonomy, taxonomySha256);
                complaints = timed("classify", () -> classify.classify(analysed)
                        .withColumn(Columns.TAXONOMY_VERSION, lit(taxonomyVersion)));
                persisted.addAll(classify.persisted());
                stageLine("classify", String.format(Locale.ROOT, "%d causes of taxonomy %s, %s",
                        taxonomy.causeInfos().size(), taxonomyVersion, semanticDetail(taxonomy, classify)), "classify");
            }
            Dataset<Row> finished = complaints == cleaned ? cleaned : persist(complaints, persisted);

            List<String> monthsWritten = new ArrayList<>(new TreeSet<>(
                    files.stream().flatMap(f -> f.acceptedByMonth().keySet().stream()).toList()));
            // Stats must never outlive the complaints they were counted from: gone first, rebuilt from the new ones.
            new MonthFolders(spark, config.output()).deleteMonths(MonthFolders.STATS, monthsWritten);
            timed("write_complaints", () -> writeByMonth(finished, "complaints"));
            timed("write_rejects", () -> writeRejects(clean.redactRejects(ingested.notAccepted())));
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
                nlpStats.put("texts_looked_up", nlp.distinctTexts());
                nlpStats.put("cache_hits", nlp.cacheHits());
                nlpStats.put("texts_analysed", nlp.textsAnalysed());
                nlpStats.put("cache", Storage.display(new org.apache.hadoop.fs.Path(nlpCache.location())));
                nlpStats.put("corenlp_pipelines_created", rootcause.nlp.SentimentAnalyzer.pipelinesCreated());
                nlpStats.put("parser_model", nlpSettings.parse() ? nlpSettings.parserModel() : "none (parser-free sentiment model)");
                nlpStats.put("max_sentence_tokens", config.nlp().maxSentenceTokens());
                nlpStats.put("model_files_sha256", modelFilesSha256);
                nlpStats.put("sentiment_model", sentimentModel.location());
                nlpStats.put("sentiment_model_sha256", sentimentModel.sha256());
                nlpStats.put("sentiment_model_trained_on", sentimentModel.model().trainedOn());
                nlpStats.put("sentiment_model_features", sentimentModel.model().families().toString());
            }
            String classified = "";
            if (config.stopAfter().includes(JobConfig.Stage.CLASSIFY)) {
                classifyStats.putAll(AnalysisCounts.classify(finished));
                classifyStats.putAll(AnalysisCounts.matchedBy(finished));
                if (taxonomy.hasSemanticLayer()) {
                    classifyStats.putAll(AnalysisCounts.embeddings(classify, embeddingCache));
                }
                checks.add(AnalysisCounts.unclassifiedCheck(classifyStats));
                long all = (long) classifyStats.get("complaints");
                long unclassified = (long) classifyStats.get("unclassified");
                classified = String.format(Locale.ROOT, " (%,d of %,d originals given a cause)", all - unclassified, all);
            }
            stageLine("write", String.format(Locale.ROOT, "%,d complaints in %d months%s, %,d rejected or filtered rows",
                    read.accepted(), monthsWritten.size(), classified, read.rejected() + read.filtered()),
                    "write_complaints", "write_rejects");
            // Counts that fail their checks fail the run after the manifest is written; no report shows them.
            if (config.stopAfter().includes(JobConfig.Stage.REPORT) && !monthsWritten.isEmpty()
                    && RunCheck.failedErrors(checks).isEmpty()) {
                timed("aggregate_and_report", () -> aggregateAndReport(taxonomy, classify, finished, files, monthsWritten));
                stageLine("aggregate, report", String.format(Locale.ROOT, "%d months reported: %s",
                        monthsWritten.size(), String.join(", ", monthsWritten)), "aggregate_and_report");
            }

            RunManifest manifest = manifest(startedAt, taxonomy, taxonomySha256, files, monthsWritten, cleanStats, nlpStats,
                    classifyStats, checks, inputsFingerprint);
            org.apache.hadoop.fs.Path manifestFile = output(RunManifest.FILE);
            try {
                manifest.write(storage, manifestFile);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + Storage.display(manifestFile), e);
            }
            // A warning says what failed and where to look: the rows and their reasons are in OUT/rejects.
            manifest.checks().stream().filter(c -> RunCheck.WARNING.equals(c.level()) && !c.passed())
                    .forEach(c -> Console.warning(c.check() + ": " + c.detail() + (c.check().startsWith(RunCheck.REJECTED_SHARE)
                            ? "; each row and its reason: " + Storage.display(output("rejects")) : "")));
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

    /** The classify line's account of the semantic layer: sentences from the embedding cache, sentences embedded. */
    static String semanticDetail(Taxonomy taxonomy, ClassifyStage classify) {
        if (!taxonomy.hasSemanticLayer()) {
            return "patterns only";
        }
        return String.format(Locale.ROOT, "patterns and semantic layer (%,d distinct sentences: %,d from the "
                        + "embedding cache, %,d embedded; %,d of the taxonomy's own embedded)", classify.sentencesLookedUp(),
                classify.sentencesLookedUp() - classify.sentencesEmbedded(), classify.sentencesEmbedded(),
                classify.taxonomySentencesEmbedded());
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
    private void aggregateAndReport(Taxonomy taxonomy, ClassifyStage classify, Dataset<Row> complaints,
                                    List<FileCounts> files, List<String> months) {
        MonthFolders folders = new MonthFolders(spark, config.output());
        IncrementalAggregation.Result aggregated = new IncrementalAggregation(folders,
                new AggregateStage(taxonomy.causeInfos(), EmergingRule.DEFAULT)).aggregate(months, months);
        folders.write(aggregated.aggregates().where(col(Columns.MONTH).isin(months.toArray())), MonthFolders.CAUSES);
        folders.write(classify.candidateTerms(complaints), MonthFolders.CANDIDATES);
        RunCounts counts = RunCounts.of(FileCounts.total(files), FileCounts.duplicates(files));
        try {
            new ReportStage(new ReportWriter(new LeadershipReport(EmergingRule.DEFAULT), storage, config.taxonomy()), counts)
                    .write(aggregated.aggregates(), aggregated.complaints(), config.output(), months);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reports under " + Storage.display(output("reports")), e);
        }
    }

    /** SHA-256 of the taxonomy file the run uses (the built-in one without {@code --taxonomy}). */
    private String taxonomySha256() {
        return TaxonomyLoader.sha256(config.taxonomy() == null ? null : Path.of(config.taxonomy()));
    }

    /** Dynamic partition overwrite: the months in this run are replaced, other months stay. */
    private void writeByMonth(Dataset<Row> data, String folder) {
        new MonthFolders(spark, config.output()).write(data, folder);
    }

    /**
     * Rejects describe the latest run, like the manifest. Sorted by file and record across the part files (a range
     * partitioning: many tasks, not one, on millions of filtered rows).
     */
    private void writeRejects(Dataset<Row> rejects) {
        rejects.orderBy(col(Columns.SOURCE_FILE), col(Columns.RECORD))
                .write()
                .mode(SaveMode.Overwrite)
                .option("maxRecordsPerFile", MAX_RECORDS_PER_FILE)
                .parquet(output("rejects").toString());
    }

    /** A file or folder directly under the output folder. */
    private org.apache.hadoop.fs.Path output(String name) {
        return Storage.child(config.output(), name);
    }

    private RunManifest manifest(String startedAt, Taxonomy taxonomy, String taxonomySha256, List<FileCounts> files,
                                 List<String> monthsWritten, Map<String, Object> cleanStats, Map<String, Object> nlpStats,
                                 Map<String, Object> classifyStats, List<RunCheck> checks, String inputsFingerprint) {
        Map<String, String> versions = new TreeMap<>();
        versions.put("rootcause", String.valueOf(RootCauseJob.class.getPackage().getImplementationVersion()));
        versions.put("spark", spark.version());
        versions.put("java", System.getProperty("java.version"));
        versions.putAll(LibraryVersions.libraries());
        return RunManifest.of(runId, startedAt, Instant.now().toString(), versions,
                taxonomyInfo(taxonomy, config.taxonomy(), taxonomySha256), new ArrayList<>(new TreeSet<>(config.months())),
                monthsWritten, files, cleanStats, nlpStats, classifyStats, timings, Map.of("driver_peak_heap_mb", DriverHeap.peakMegabytes(),
                        "driver_max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024)), checks, inputsFingerprint);
    }

    static final String TAXONOMY_SOURCE = "source";
    static final String BUILT_IN = "built-in";

    /** The manifest's {@code taxonomy} object: which taxonomy classified, from which file, with which layers. */
    static Map<String, String> taxonomyInfo(Taxonomy taxonomy, String file, String taxonomySha256) {
        Map<String, String> taxonomyInfo = new LinkedHashMap<>();
        taxonomyInfo.put("id", taxonomy.id());
        taxonomyInfo.put("version", taxonomy.version());
        taxonomyInfo.put(TAXONOMY_SOURCE, file == null ? BUILT_IN : file);
        taxonomyInfo.put("sha256", taxonomySha256);
        if (taxonomy.hasSemanticLayer()) {
            taxonomyInfo.put("semantic_layer", taxonomy.semantic().toString());
            rootcause.embed.Encoder encoder = taxonomy.semantic().encoder();
            taxonomyInfo.put("embedding_model", encoder.description() + " from " + encoder.artifact() + ":"
                    + encoder.artifactVersion());
            taxonomyInfo.put("embedding_model_sha256", SentenceEmbedder.modelSha256(encoder));
            taxonomyInfo.put("semantic_decision", taxonomy.semantic().decision().yaml());
        } else {
            taxonomyInfo.put("semantic_layer", "none (patterns only)");
        }
        return taxonomyInfo;
    }

    private <T> T timed(String step, java.util.function.Supplier<T> work) {
        return StepTimings.timed(timings, step, work);
    }

    private void timed(String step, Runnable work) {
        StepTimings.timed(timings, step, work);
    }
}
