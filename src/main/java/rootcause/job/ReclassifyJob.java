package rootcause.job;

import rootcause.job.manifest.AnalysisCounts;
import rootcause.job.manifest.ReclassifyManifest;
import rootcause.job.manifest.RunManifest;
import rootcause.job.tables.MonthTables;
import rootcause.job.tables.TableFormat;

import rootcause.model.Months;
import rootcause.io.OutputLayout;
import rootcause.io.Storage;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import rootcause.aggregate.AggregateStage;
import rootcause.metric.EmergingRule;
import rootcause.classify.ClassifyStage;
import rootcause.classify.EmbeddingCache;
import rootcause.classify.Taxonomy;
import rootcause.classify.TaxonomyLoader;
import rootcause.model.Columns;
import rootcause.nlp.SentimentAnalyzer;
import rootcause.report.LeadershipReport;
import rootcause.report.ReportStage;
import rootcause.report.ReportWriter;
import rootcause.report.RunCounts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

/**
 * {@code reclassify}: classify → aggregate → report again for stored months, from the sentences, lemmas and sentiment
 * the nlp stage wrote into {@code OUT/complaints}; no NLP runs. Use it after a taxonomy edit. Rewrites those months'
 * complaints (the classify columns only change), stats, candidates, causes and reports, re-derives the causes and
 * reports of the month after each (its change is against a restated month), and writes
 * {@link OutputLayout#RECLASSIFY_MANIFEST}. With Delta tables that is one commit per table, so each table's version before it
 * stays readable (time travel); the manifest records both versions.
 */
public final class ReclassifyJob {
    /** The columns the classify stage (and the job, for the version) add; dropped before classifying again. */
    static final List<String> CLASSIFY_COLUMNS = List.of(Columns.CAUSES, Columns.CAUSE_IDS, Columns.TAXONOMY_VERSION);

    private final SparkSession spark;
    private final org.apache.hadoop.fs.Path output;
    private final OutputLayout layout;
    private final Storage storage;
    private final List<String> months;
    private final String taxonomyFile;
    private final TableFormat tableFormat;
    private final EmergingRule emergingRule;
    private final Map<String, Long> timings = new LinkedHashMap<>();

    /**
     * @param months       months to reclassify; empty for every month in {@code OUT/complaints}
     * @param taxonomyFile a taxonomy file or bundle folder; null for the built-in taxonomy
     * @param tableFormat  the format the output's months are stored in; null for the one the folder holds
     */
    public ReclassifyJob(SparkSession spark, org.apache.hadoop.fs.Path output, List<String> months, String taxonomyFile,
                         TableFormat tableFormat) {
        this(spark, output, months, taxonomyFile, tableFormat, null);
    }

    /**
     * @param months       months to reclassify; empty for every month in {@code OUT/complaints}
     * @param taxonomyFile a taxonomy file or bundle folder; null for the built-in taxonomy
     * @param tableFormat  the format the output's months are stored in; null for the one the folder holds
     * @param emergingRule when a cause counts as emerging; null for the rule the last run recorded in
     *                     {@code manifest.json} ({@link EmergingRule#DEFAULT} when it records none)
     */
    public ReclassifyJob(SparkSession spark, org.apache.hadoop.fs.Path output, List<String> months, String taxonomyFile,
                         TableFormat tableFormat, EmergingRule emergingRule) {
        this.spark = spark;
        this.output = output;
        this.layout = new OutputLayout(output);
        this.storage = Storage.of(spark);
        this.months = List.copyOf(months);
        this.taxonomyFile = taxonomyFile;
        this.tableFormat = tableFormat;
        this.emergingRule = emergingRule;
    }

    public ReclassifyManifest run() {
        String startedAt = Instant.now().toString();
        long pipelinesBefore = SentimentAnalyzer.pipelinesCreated();
        MonthTables tables = tableFormat == null ? MonthTables.open(spark, output) : MonthTables.open(spark, output, tableFormat);
        JobSteps.recover(tables);
        Map<String, Long> tableVersionsBefore = tables.versions();
        List<String> stored = tables.months(OutputLayout.COMPLAINTS);
        List<String> selected = selectedMonths(stored);
        Taxonomy taxonomy = taxonomyFile == null ? TaxonomyLoader.loadDefault() : TaxonomyLoader.load(Path.of(taxonomyFile));
        String sha256 = TaxonomyLoader.sha256(taxonomyFile == null ? null : Path.of(taxonomyFile));
        String version = ClassifyStage.versionLabel(taxonomy, sha256);

        Dataset<Row> before = tables.read(OutputLayout.COMPLAINTS, selected);
        Map<String, Long> countsBefore = new TreeMap<>();
        Map<String, List<String>> versionsBefore = new TreeMap<>();
        boolean versioned = Arrays.asList(before.columns()).contains(Columns.TAXONOMY_VERSION);
        for (Row r : before.groupBy(col(Columns.MONTH)).agg(count(lit(1)),
                collect_set(versioned ? col(Columns.TAXONOMY_VERSION) : lit(null).cast("string"))).collectAsList()) {
            countsBefore.put(r.getString(0), r.getLong(1));
            versionsBefore.put(r.getString(0), new ArrayList<>(new TreeSet<>(r.<String>getList(2))));
        }
        EmbeddingCache embeddingCache = taxonomy.hasSemanticLayer()
                ? new EmbeddingCache(layout.embeddingCache().toString(), taxonomy.semantic().encoder()) : null;
        ClassifyStage classify = new ClassifyStage(taxonomy, embeddingCache);
        try {
            // Plain Parquet stages it (Spark cannot overwrite the files it is reading); Delta reads the version before.
            timed("classify", () -> tables.write(classify.classify(before.drop(CLASSIFY_COLUMNS.toArray(String[]::new)))
                    .withColumn(Columns.TAXONOMY_VERSION, lit(version)), OutputLayout.COMPLAINTS, selected));
        } finally {
            classify.persisted().forEach(Dataset::unpersist);
        }
        Dataset<Row> after = tables.read(OutputLayout.COMPLAINTS, selected);
        Map<String, Long> countsAfter = new TreeMap<>();
        after.groupBy(col(Columns.MONTH)).count().collectAsList().forEach(r -> countsAfter.put(r.getString(0), r.getLong(1)));
        if (!countsAfter.equals(countsBefore)) {
            throw new IllegalStateException("reclassify: complaints per month were " + countsBefore + " before and "
                    + countsAfter + " after rewriting " + tables.folder(OutputLayout.COMPLAINTS));
        }
        Map<String, Object> classifyStats = new LinkedHashMap<>(AnalysisCounts.classify(after));
        classifyStats.putAll(AnalysisCounts.matchedBy(after));
        if (taxonomy.hasSemanticLayer()) {
            classifyStats.putAll(AnalysisCounts.embeddings(classify, embeddingCache));
        }
        stageLine("classify", String.format(Locale.ROOT, "%,d complaints of %s by taxonomy %s, %s",
                countsAfter.values().stream().mapToLong(Long::longValue).sum(), String.join(", ", selected), version,
                JobSteps.semanticDetail(taxonomy, classify)), "classify");

        List<String> reported = reportedMonths(selected, stored);
        EmergingRule rule = emergingRule != null ? emergingRule : recordedRule();
        IncrementalAggregation.Result aggregated = timed("aggregate_and_report", () -> {
            IncrementalAggregation.Result r = new IncrementalAggregation(tables,
                    new AggregateStage(taxonomy.causeInfos(), rule)).aggregate(selected, reported);
            tables.write(r.aggregates().where(col(Columns.MONTH).isin(reported.toArray())), OutputLayout.CAUSES, reported);
            tables.write(classify.candidateTerms(after), OutputLayout.CANDIDATES, selected);
            RunCounts counts = RunCounts.read(storage, layout.manifest());
            List<String> following = reported.stream().filter(m -> !selected.contains(m)).toList();
            try {
                ReportWriter reclassified = new ReportWriter(new LeadershipReport(rule), storage, taxonomyFile);
                // a following month keeps the taxonomy of the run that classified it, for the command it offers
                ReportWriter kept = following.isEmpty() ? reclassified
                        : new ReportWriter(new LeadershipReport(rule), storage, runTaxonomyFile());
                // One stage for both kinds of month: the quotes of all of them are collected in one pass.
                new ReportStage(month -> following.contains(month) ? kept : reclassified, counts)
                        .write(r.aggregates(), r.complaints(), output, reported);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the reports under " + Storage.display(layout.reports()), e);
            }
            return r;
        });
        stageLine("aggregate, report", String.format(Locale.ROOT, "%d months reported: %s", reported.size(),
                String.join(", ", reported)), "aggregate_and_report");
        timed("swap_in_months", tables::publish);

        ReclassifyManifest manifest = new ReclassifyManifest(ReclassifyManifest.VERB, UUID.randomUUID().toString(),
                startedAt, Instant.now().toString(), selected, reported,
                JobSteps.taxonomyInfo(taxonomy, taxonomyFile, sha256), versionsBefore, countsAfter, classifyStats,
                aggregated.statsBuilt(), SentimentAnalyzer.pipelinesCreated() - pipelinesBefore, timings)
                .withTables(tables.format(), tableVersionsBefore, tables.versions()).withEmergingRule(rule);
        org.apache.hadoop.fs.Path file = Storage.child(output, OutputLayout.RECLASSIFY_MANIFEST);
        try {
            manifest.write(storage, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + Storage.display(file), e);
        }
        return manifest;
    }

    /** The emerging rule the last run recorded in {@code manifest.json}. */
    private EmergingRule recordedRule() {
        return RunManifest.emergingRule(storage, layout.manifest());
    }

    /** The taxonomy file of the last run into the output ({@code manifest.json}); null when built-in or unknown. */
    private String runTaxonomyFile() throws IOException {
        org.apache.hadoop.fs.Path file = layout.manifest();
        if (!storage.isFile(file)) {
            return null;
        }
        String source = RunManifest.read(storage, file).taxonomy().get(JobSteps.TAXONOMY_SOURCE);
        return source == null || JobSteps.BUILT_IN.equals(source) ? null : source;
    }

    /** The requested months, each of which must be stored; all stored months when none is requested. */
    private List<String> selectedMonths(List<String> stored) {
        if (stored.isEmpty()) {
            throw new IllegalArgumentException("reclassify: " + Storage.display(Storage.child(output, OutputLayout.COMPLAINTS))
                    + " holds no months; run the job into " + Storage.display(output) + " first");
        }
        if (months.isEmpty()) {
            return stored;
        }
        TreeSet<String> selected = new TreeSet<>();
        for (String month : months) {
            String normalised = Months.parse("--months", month).toString();
            if (!stored.contains(normalised)) {
                throw new IllegalArgumentException("reclassify: no complaints of " + month + " under "
                        + Storage.display(Storage.child(output, OutputLayout.COMPLAINTS)) + "; months stored: " + String.join(", ", stored));
            }
            selected.add(normalised);
        }
        return new ArrayList<>(selected);
    }

    /** The reclassified months and the stored month after each: its month-over-month change is against a restated one. */
    private static List<String> reportedMonths(List<String> selected, List<String> stored) {
        TreeSet<String> reported = new TreeSet<>(selected);
        for (String month : selected) {
            String next = YearMonth.parse(month).plusMonths(1).toString();
            if (stored.contains(next)) {
                reported.add(next);
            }
        }
        return new ArrayList<>(reported);
    }

    private void stageLine(String stage, String detail, String... steps) {
        StepTimings.stageLine(timings, stage, detail, steps);
    }

    private <T> T timed(String step, java.util.function.Supplier<T> work) {
        return StepTimings.timed(timings, step, work);
    }

    private void timed(String step, Runnable work) {
        StepTimings.timed(timings, step, work);
    }
}
