package rootcause.nlp;

import rootcause.model.DataContract;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import rootcause.console.StageProgress;
import rootcause.io.Storage;
import rootcause.model.Columns;
import rootcause.model.DocumentAnalysis;
import rootcause.model.StageInput;
import rootcause.sentiment.PolarityModel;
import rootcause.sentiment.SentimentModelFile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * The nlp stage: adds sentences, lemmas and sentiment to every complaint: CoreNLP's per-sentence sentiment (class
 * and probabilities), then the complaint-domain polarity layer ({@link PolarityModel}) for each sentence and the
 * document. Built and called on the driver;
 * the analysis runs on executors, one shared CoreNLP pipeline per executor JVM ({@link SentimentAnalyzer#shared}).
 *
 * <p>Identical texts are analysed once: every row is keyed by a hash of its text ({@link NlpCacheKey}), the stage
 * analyses the distinct texts, keeps those analyses (persisted, computed here so progress can be logged and later
 * actions do not re-run CoreNLP), and joins them back on the key. With an {@link NlpCache}, texts whose key is
 * stored are not analysed again, and the new analyses are appended to it. A null text is analysed as the empty text.
 */
public final class NlpStage {
    /** Columns the stage needs; every other input column is passed through unchanged. */
    public static final StructType INPUT_SCHEMA = new StructType()
            .add(Columns.COMPLAINT_ID, DataTypes.StringType)
            .add(Columns.TEXT, DataTypes.StringType);


    /**
     * Texts per analysis task. Small tasks keep both cores busy to the end (one 3,000-word narrative can take
     * as long as a hundred tweets, so big tasks leave a core idle in the last wave) and the progress line moving;
     * a task costs milliseconds against seconds of parsing.
     */
    static final int TEXTS_PER_PARTITION = 25;
    private static final String TEXT_KEY = "rc_nlp_text";
    private static final String HASH_KEY = "rc_nlp_key";

    private final NlpSettings settings;
    private final SentimentModelFile sentimentModel;
    private final long progressIntervalSeconds;
    private long textsAnalysed;
    private long distinctTexts;
    private long cacheHits;
    private final List<Dataset<Row>> persisted = new ArrayList<>();

    /** The stage with the shipped sentiment model. */
    public NlpStage(NlpSettings settings) {
        this(settings, SentimentModelFile.shippedDefault());
    }

    /** The stage without the polarity layer: CoreNLP's reading only (what a training run learns from). */
    public static NlpStage coreNlpOnly(NlpSettings settings) {
        return new NlpStage(settings, null, StageProgress.DEFAULT_INTERVAL_SECONDS);
    }

    /** @param sentimentModel the polarity layer's model; null for CoreNLP's reading only */
    public NlpStage(NlpSettings settings, SentimentModelFile sentimentModel) {
        this(settings, sentimentModel, StageProgress.DEFAULT_INTERVAL_SECONDS);
    }

    NlpStage(NlpSettings settings, SentimentModelFile sentimentModel, long progressIntervalSeconds) {
        this.settings = settings;
        this.sentimentModel = sentimentModel;
        this.progressIntervalSeconds = progressIntervalSeconds;
    }

    public SentimentModelFile sentimentModel() {
        return sentimentModel;
    }

    /** All input columns plus {@link DataContract#NLP}. Runs CoreNLP over the distinct texts before returning. */
    public Dataset<Row> apply(Dataset<Row> input) {
        return apply(input, null);
    }

    /**
     * All input columns plus {@link DataContract#NLP}: texts whose key the cache holds are taken from it, the others run
     * through CoreNLP before returning and are appended to the cache.
     *
     * @param cache where analyses are kept between runs; null for none
     */
    public Dataset<Row> apply(Dataset<Row> input, NlpCache cache) {
        requireInputColumns(input);
        try {
            // Without a cache the keys only serve the join, so any fingerprint will do.
            Dataset<Row> keyed = input.withColumn(TEXT_KEY, coalesce(col(Columns.TEXT), lit("")))
                    .withColumn(HASH_KEY, NlpCache.key(cache == null ? "" : cache.fingerprint(), col(TEXT_KEY)));
            Dataset<Row> texts = keyed.select(col(HASH_KEY), col(TEXT_KEY));
            Dataset<Row> keys = texts.select(HASH_KEY).distinct();
            distinctTexts = keys.count();
            Dataset<Row> stored = cache == null ? null : cache.read(input.sparkSession());
            Dataset<Row> unseen = stored == null ? texts
                    : texts.join(stored.select(DataContract.NLP_CACHE_KEY), texts.col(HASH_KEY).equalTo(stored.col(DataContract.NLP_CACHE_KEY)), "left_anti");
            Dataset<Row> analysed = analyseDistinctTexts(unseen);
            cacheHits = distinctTexts - textsAnalysed;
            if (stored == null) {
                return joinBack(input, keyed, analysed);
            }
            if (textsAnalysed > 0) {
                cache.append(analysed, textsAnalysed);
            }
            Dataset<Row> hits = stored.join(keys, stored.col(DataContract.NLP_CACHE_KEY).equalTo(keys.col(HASH_KEY)), "left_semi");
            // A key stored twice (say, a cache folder copied into itself) must not duplicate complaints.
            return joinBack(input, keyed, analysed.unionByName(hits).dropDuplicates(DataContract.NLP_CACHE_KEY));
        } catch (RuntimeException e) {
            unpersist();
            throw e;
        }
    }

    /** Distinct texts CoreNLP analysed in the last {@link #apply} (those not found in the cache), for the manifest. */
    public long textsAnalysed() {
        return textsAnalysed;
    }

    /** Distinct texts in the last {@link #apply}: looked up in the cache, or analysed. */
    public long distinctTexts() {
        return distinctTexts;
    }

    /** Distinct texts of the last {@link #apply} whose analysis came from the cache. */
    public long cacheHits() {
        return cacheHits;
    }

    /**
     * The stage's part of the manifest's {@code nlp} section, in the manifest's order: what the last {@link #apply}
     * looked up, found in the cache and analysed, the cache's folder, the CoreNLP pipelines built so far, and the
     * settings and models it ran with.
     *
     * @param cache            the cache the last {@link #apply} used
     * @param modelFilesSha256 the SHA-256 of every model file the run loads (the clean stage's name models too), by
     *                         class-path resource
     */
    public Map<String, Object> manifestSection(NlpCache cache, Map<String, String> modelFilesSha256) {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("texts_looked_up", distinctTexts);
        section.put("cache_hits", cacheHits);
        section.put("texts_analysed", textsAnalysed);
        section.put("cache", Storage.display(new org.apache.hadoop.fs.Path(cache.location())));
        section.put("corenlp_pipelines_created", SentimentAnalyzer.pipelinesCreated());
        section.put("parser_model", settings.parse() ? settings.parserModel() : "none (parser-free sentiment model)");
        section.put("max_sentence_tokens", settings.maxSentenceTokens());
        section.put("model_files_sha256", modelFilesSha256);
        if (sentimentModel != null) {
            section.put("sentiment_model", sentimentModel.location());
            section.put("sentiment_model_sha256", sentimentModel.sha256());
            section.put("sentiment_model_trained_on", sentimentModel.model().trainedOn());
            section.put("sentiment_model_features", sentimentModel.model().families().toString());
        }
        return section;
    }

    /**
     * What the last {@link #apply} persisted (its new analyses, read by the cache write and the join): the caller
     * unpersists them once the stage's output is used or persisted downstream. A failing {@code apply} releases its own.
     */
    public List<Dataset<Row>> persisted() {
        return List.copyOf(persisted);
    }

    private void unpersist() {
        persisted.forEach(Dataset::unpersist);
        persisted.clear();
    }

    /** Fails naming the stage, the missing columns and the columns present, or a text column of another type. */
    static void requireInputColumns(Dataset<Row> input) {
        StageInput.require("nlp", input, Arrays.asList(INPUT_SCHEMA.fieldNames()));
        StructType schema = input.schema();
        if (!schema.apply(Columns.TEXT).dataType().equals(DataTypes.StringType)) {
            throw new IllegalArgumentException("stage 'nlp': column '" + Columns.TEXT + "' must be a string, got "
                    + schema.apply(Columns.TEXT).dataType().simpleString());
        }
    }

    /**
     * Analyses the distinct texts of (key, text) rows: persisted and counted. {@link #textsAnalysed} is their count,
     * not the accumulator's (a retried task adds its texts twice).
     */
    private Dataset<Row> analyseDistinctTexts(Dataset<Row> texts) {
        long count = texts.distinct().count();
        textsAnalysed = count;
        if (count == 0) {
            // Every text came from the cache: no task may build a pipeline (it loads every model) for nothing.
            return texts.sparkSession().createDataFrame(List.of(), DataContract.NLP_CACHE);
        }
        int partitions = (int) Math.max(texts.sparkSession().sparkContext().defaultParallelism(),
                Math.min(10_000, (count + TEXTS_PER_PARTITION - 1) / TEXTS_PER_PARTITION));
        LongAccumulator done = texts.sparkSession().sparkContext().longAccumulator("nlp texts analysed");
        // The model's bytes travel once per executor as a broadcast; each JVM deserialises them once.
        Broadcast<byte[]> model = sentimentModel == null ? null
                : JavaSparkContext.fromSparkContext(texts.sparkSession().sparkContext()).broadcast(sentimentModel.bytes());
        // An explicit repartition by the key keeps its partition count (adaptive execution would
        // otherwise coalesce the small shuffle into one task on one core) and makes distinct local.
        Dataset<Row> analyses = texts.repartition(partitions, col(HASH_KEY)).distinct()
                .mapPartitions(new AnalysePartition(settings, sentimentModel == null ? null : sentimentModel.sha256(), model, done),
                        Encoders.row(DataContract.NLP_CACHE))
                .persist(StorageLevel.MEMORY_AND_DISK());
        persisted.add(analyses);
        try (StageProgress ignored = new StageProgress("nlp", "texts", done, count, progressIntervalSeconds)) {
            analyses.count();
        }
        return analyses;
    }

    private static Dataset<Row> joinBack(Dataset<Row> input, Dataset<Row> keyed, Dataset<Row> analyses) {
        List<Column> out = new ArrayList<>();
        for (String name : input.columns()) {
            out.add(keyed.col(name));
        }
        for (String name : DataContract.NLP.type().fieldNames()) {
            out.add(analyses.col(name));
        }
        return keyed.join(analyses, keyed.col(HASH_KEY).equalTo(analyses.col(DataContract.NLP_CACHE_KEY)), "left")
                .select(out.toArray(Column[]::new));
    }

    /** Runs on executors: analyses one partition of distinct texts with the JVM's shared analyzer. */
    private static final class AnalysePartition implements MapPartitionsFunction<Row, Row> {
        private final NlpSettings settings;
        private final String modelSha256;
        private final Broadcast<byte[]> model;
        private final LongAccumulator done;

        AnalysePartition(NlpSettings settings, String modelSha256, Broadcast<byte[]> model, LongAccumulator done) {
            this.settings = settings;
            this.modelSha256 = modelSha256;
            this.model = model;
            this.done = done;
        }

        @Override
        public Iterator<Row> call(Iterator<Row> texts) {
            SentimentAnalyzer analyzer = SentimentAnalyzer.shared(settings);
            PolarityModel polarity = model == null ? null : PolarityModel.shared(modelSha256, model::value);
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return texts.hasNext();
                }

                @Override
                public Row next() {
                    Row keyed = texts.next();
                    String text = keyed.getString(1);
                    DocumentAnalysis coreNlp = analyzer.analyze(text);
                    DocumentAnalysis analysis = polarity == null ? coreNlp : polarity.apply(coreNlp);
                    done.add(1);
                    Object[] nlp = DataContract.NLP.values(analysis);
                    Object[] row = new Object[nlp.length + 1];
                    row[0] = keyed.getString(0);
                    System.arraycopy(nlp, 0, row, 1, nlp.length);
                    return RowFactory.create(row);
                }
            };
        }
    }
}
