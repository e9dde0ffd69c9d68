package rootcause.classify;

import rootcause.model.DataContract;
import org.apache.commons.codec.digest.DigestUtils;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import rootcause.console.StageProgress;
import rootcause.embed.Encoder;
import rootcause.embed.SentenceEmbedder;
import rootcause.model.Columns;
import scala.collection.Seq;
import scala.jdk.javaapi.CollectionConverters;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.transform;

/**
 * The Spark side of the semantic layer. Every distinct sentence (keyed by a hash of its text) gets one embedding: from
 * the {@link EmbeddingCache} when a run has embedded it before, otherwise from the model, on executors, and then
 * kept in the cache. The taxonomy's own sentences go the same way; the driver fits the signals that read vectors
 * ({@link ExampleMatcher}) from their vectors (training the linear rule once) and broadcasts them, so executors judge
 * sentences without loading the model at all when every sentence is cached. The judgements the combination uses
 * ({@link SignalCombiner#uses}) are joined back to the complaints by a hash of their sentences; only they travel back,
 * never vectors. The scored sentences are persisted and counted here, so the
 * classify stage's time includes the embedding and later actions do not embed again.
 */
final class SemanticStage {
    private static final Logger LOG = LogManager.getLogger(SemanticStage.class);

    /** The column {@link #withModelHits} adds: per sentence with a model hit, its index and hits. */
    static final String MODEL_HITS = "rc_model_hits";
    /** One judgement of a vector-reading signal that the combination uses ({@link SignalHit}). */
    static final StructType HIT = new StructType()
            .add("signal", DataTypes.StringType, false)
            .add("cause_id", DataTypes.StringType, false)
            .add("fires", DataTypes.BooleanType, false)
            .add("score", DataTypes.DoubleType, true)
            .add("phrase", DataTypes.StringType, true);
    /** The type of {@link #MODEL_HITS}. */
    static final ArrayType DOCUMENT_HITS = DataTypes.createArrayType(new StructType()
            .add("sentence_index", DataTypes.IntegerType, false)
            .add("hits", DataTypes.createArrayType(HIT, false), false), false);
    /** Distinct sentences per embedding task: a few seconds of work on one core. */
    static final int SENTENCES_PER_PARTITION = 500;

    private static final String DOC_KEY = "rc_doc_key";
    private static final String SENTENCE_KEY = DataContract.EMBEDDING_CACHE_KEY;
    private static final String INDEX = "rc_sentence_index";
    private static final String TEXT = "rc_sentence_text";
    private static final String TOKENS = "rc_sentence_tokens";
    private static final String FROM_COMPLAINTS = "rc_from_complaints";
    private static final String HITS = "rc_hits";
    private static final String STORED_KEY = "rc_stored_key";
    private static final String MISSING = "rc_missing";
    private static final StructType SCORED = new StructType()
            .add(SENTENCE_KEY, DataTypes.StringType, false)
            .add(HITS, DataTypes.createArrayType(HIT, false), false);

    private final Taxonomy taxonomy;
    private final EmbeddingCache cache;
    private final List<Dataset<Row>> persisted = new ArrayList<>();
    private long sentencesLookedUp;
    private long sentencesEmbedded;
    private long taxonomySentencesEmbedded;

    /** @param cache where embeddings are kept between runs; null for none */
    SemanticStage(Taxonomy taxonomy, EmbeddingCache cache) {
        this.taxonomy = taxonomy;
        this.cache = cache;
    }

    /** Distinct complaint sentences of the last {@link #withModelHits}: from the cache or embedded. */
    long sentencesLookedUp() {
        return sentencesLookedUp;
    }

    /** Distinct complaint sentences the last {@link #withModelHits} embedded (those not in the cache). */
    long sentencesEmbedded() {
        return sentencesEmbedded;
    }

    /** The taxonomy's own sentences the last {@link #withModelHits} embedded (those not in the cache). */
    long taxonomySentencesEmbedded() {
        return taxonomySentencesEmbedded;
    }

    /** What the last {@link #withModelHits} persisted (new embeddings, scores): the caller unpersists it when done. */
    List<Dataset<Row>> persisted() {
        return List.copyOf(persisted);
    }

    /** The complaints with {@link #MODEL_HITS} (null for a complaint without any model hit). */
    Dataset<Row> withModelHits(Dataset<Row> complaints) {
        SparkSession spark = complaints.sparkSession();
        Column sentenceTexts = transform(col(Columns.SENTENCES), s -> s.getField("text"));
        Dataset<Row> keyed = complaints.withColumn(DOC_KEY, sha2(concat_ws("\u001f", sentenceTexts), 256));
        // Read by the lookup, the scoring and the join back: persisted so that the complaints' own lineage (the nlp
        // stage's joins) runs once here, not once per action. A fully cached classify is mostly such re-planned stages.
        Dataset<Row> sentences = keyed.select(col(DOC_KEY), explode(col(Columns.SENTENCES)).as("s"))
                .select(col(DOC_KEY), col("s.index").as(INDEX), col("s.text").as(TEXT),
                        col("s.token_end").minus(col("s.token_begin")).as(TOKENS))
                .where(col(TEXT).isNotNull())
                .dropDuplicates(DOC_KEY, INDEX)
                .withColumn(SENTENCE_KEY, sha2(col(TEXT), 256))
                .persist(StorageLevel.MEMORY_AND_DISK());
        persisted.add(sentences);
        Dataset<Row> distinct = sentences.select(col(SENTENCE_KEY), col(TEXT), col(TOKENS)).dropDuplicates(SENTENCE_KEY);
        // The taxonomy's own sentences are keyed on the driver (the same hex SHA-256 of UTF-8 as Spark's sha2).
        Map<String, String> ownTextByKey = new java.util.LinkedHashMap<>();
        vectorApproaches().forEach(a -> a.sentencesToEmbed(taxonomy).forEach(t -> ownTextByKey.putIfAbsent(DigestUtils.sha256Hex(t), t)));
        List<Row> own = ownTextByKey.entrySet().stream().map(e -> RowFactory.create(e.getKey(), e.getValue())).toList();
        Dataset<Row> taxonomyTexts = spark.createDataFrame(own, new StructType()
                .add(SENTENCE_KEY, DataTypes.StringType, false).add(TEXT, DataTypes.StringType, false));
        Dataset<Row> needed = distinct.select(col(SENTENCE_KEY), col(TEXT), lit(true).as(FROM_COMPLAINTS))
                .unionByName(taxonomyTexts.select(col(SENTENCE_KEY), col(TEXT), lit(false).as(FROM_COMPLAINTS)))
                .groupBy(col(SENTENCE_KEY))
                .agg(first(col(TEXT)).as(TEXT), max(col(FROM_COMPLAINTS)).as(FROM_COMPLAINTS));
        Dataset<Row> stored = cache == null ? spark.createDataFrame(List.of(), DataContract.EMBEDDING_CACHE) : cache.read(spark);
        long start = System.nanoTime();
        Dataset<Row> vectors = storedAndNew(needed, stored);
        List<CauseSignal> signals = driverSignals(vectors, ownTextByKey);
        Broadcast<List<CauseSignal>> shared = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(signals);
        Dataset<Row> scored = distinct.join(vectors, SENTENCE_KEY)
                .map(new Score(shared, SignalCombiner.of(taxonomy)), Encoders.row(SCORED))
                .where(size(col(HITS)).gt(0))
                .persist(StorageLevel.MEMORY_AND_DISK());
        persisted.add(scored);
        long withHits = scored.count();
        LOG.info("semantic layer: {} distinct sentences ({} embedded, the others from the cache) and {} of the "
                        + "taxonomy's own embedded, scored in {} s; {} with a model hit", sentencesLookedUp,
                sentencesEmbedded, taxonomySentencesEmbedded, (System.nanoTime() - start) / 1_000_000_000, withHits);
        Dataset<Row> perDocument = sentences.join(scored, SENTENCE_KEY)
                .groupBy(col(DOC_KEY))
                .agg(collect_list(struct(col(INDEX).as("sentence_index"), col(HITS).as("hits"))).as(MODEL_HITS));
        // A join on the column's name: perDocument derives from keyed, so keyed.col(k) == perDocument.col(k) would
        // compare one attribute with itself (Spark warns of a trivially true predicate).
        return keyed.join(perDocument, scala.jdk.javaapi.CollectionConverters.asScala(List.of(DOC_KEY)).toSeq(), "left")
                .drop(DOC_KEY);
    }

    /**
     * The embedding of every needed sentence ({@link DataContract#EMBEDDING_CACHE}): the stored ones, and the others
     * embedded now and appended to the cache. Counts both kinds for the manifest, in one pass.
     */
    private Dataset<Row> storedAndNew(Dataset<Row> needed, Dataset<Row> stored) {
        // Each needed sentence, marked by whether the cache holds it (a key stored twice must not count twice).
        Dataset<Row> storedKeys = stored.select(col(DataContract.EMBEDDING_CACHE_KEY).as(STORED_KEY)).dropDuplicates(STORED_KEY);
        Dataset<Row> looked = needed.join(storedKeys, needed.col(SENTENCE_KEY).equalTo(storedKeys.col(STORED_KEY)), "left")
                .withColumn(MISSING, col(STORED_KEY).isNull()).drop(STORED_KEY)
                .persist(StorageLevel.MEMORY_AND_DISK());
        // Kept until the caller is done: the vectors returned are read through it by the fit and the scoring.
        persisted.add(looked);
        long lookedUp = 0;
        long embedded = 0;
        long taxonomyEmbedded = 0;
        for (Row r : looked.groupBy(col(FROM_COMPLAINTS), col(MISSING)).count().collectAsList()) {
            boolean fromComplaints = r.getBoolean(0);
            boolean missing = r.getBoolean(1);
            long n = r.getLong(2);
            lookedUp += fromComplaints ? n : 0;
            embedded += fromComplaints && missing ? n : 0;
            taxonomyEmbedded += !fromComplaints && missing ? n : 0;
        }
        sentencesLookedUp = lookedUp;
        sentencesEmbedded = embedded;
        taxonomySentencesEmbedded = taxonomyEmbedded;
        long toEmbed = sentencesEmbedded + taxonomySentencesEmbedded;
        Dataset<Row> cachedKeys = looked.where(not(col(MISSING))).select(col(SENTENCE_KEY));
        // Joined on the name: cachedKeys derives from stored too, so stored.col(k) == cachedKeys.col(k) is ambiguous.
        Dataset<Row> cached = stored.join(cachedKeys,
                scala.jdk.javaapi.CollectionConverters.asScala(List.of(DataContract.EMBEDDING_CACHE_KEY)).toSeq(), "left_semi");
        if (toEmbed == 0) {
            // Every sentence is cached: no task may load the model for nothing.
            return cached.dropDuplicates(DataContract.EMBEDDING_CACHE_KEY);
        }
        Dataset<Row> missing = looked.where(col(MISSING));
        int partitions = (int) Math.max(missing.sparkSession().sparkContext().defaultParallelism(),
                Math.min(10_000, (toEmbed + SENTENCES_PER_PARTITION - 1) / SENTENCES_PER_PARTITION));
        LongAccumulator done = missing.sparkSession().sparkContext().longAccumulator("sentences embedded");
        Dataset<Row> newVectors = missing.repartition(partitions, col(SENTENCE_KEY))
                .map(new Embed(taxonomy.semantic().encoder(), done), Encoders.row(DataContract.EMBEDDING_CACHE))
                .persist(StorageLevel.MEMORY_AND_DISK());
        persisted.add(newVectors);
        // Embedding is most of classify's time on a first run: minutes on real exports, so it shows progress.
        try (StageProgress ignored = new StageProgress("classify, embedding", "sentences", done, toEmbed,
                StageProgress.DEFAULT_INTERVAL_SECONDS)) {
            newVectors.count();
        }
        if (cache != null) {
            cache.append(newVectors, toEmbed);
        }
        // A key stored twice (say, a cache folder copied into itself) must not duplicate sentences.
        return newVectors.unionByName(cached).dropDuplicates(DataContract.EMBEDDING_CACHE_KEY);
    }

    /** The taxonomy's signals that read vectors, in its order. */
    private List<SignalApproach> vectorApproaches() {
        return CauseSignals.approaches(taxonomy).stream().filter(SignalApproach::readsVectors).toList();
    }

    /**
     * The taxonomy's vector-reading signals, fitted on the driver from its sentences' vectors (≈ 1 MB collected),
     * once, then broadcast.
     */
    private List<CauseSignal> driverSignals(Dataset<Row> vectors, Map<String, String> ownTextByKey) {
        Map<String, float[]> byText = new HashMap<>();
        for (Row r : vectors.where(col(SENTENCE_KEY).isin(ownTextByKey.keySet().toArray())).collectAsList()) {
            byText.put(ownTextByKey.get(r.getString(r.fieldIndex(SENTENCE_KEY))), vector(r.getList(r.fieldIndex(DataContract.EMBEDDING))));
        }
        java.util.function.Function<String, float[]> embedded = text -> {
            float[] v = byText.get(text);
            if (v == null) {
                throw new IllegalStateException("the taxonomy's sentence \"" + text + "\" got no embedding");
            }
            return v;
        };
        return vectorApproaches().stream().map(a -> a.fit(taxonomy, embedded)).toList();
    }

    private static float[] vector(List<Float> values) {
        float[] v = new float[values.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = values.get(i);
        }
        return v;
    }

    /** The {@link #MODEL_HITS} value of one complaint as judgements per sentence index; null is none. */
    static Map<Integer, List<SignalHit>> hitsFrom(Seq<Row> sentenceHits) {
        Map<Integer, List<SignalHit>> bySentence = new HashMap<>();
        if (sentenceHits == null) {
            return bySentence;
        }
        for (Row s : CollectionConverters.asJava(sentenceHits)) {
            int index = s.getInt(0);
            List<SignalHit> hits = new ArrayList<>();
            for (Row h : s.<Row>getList(1)) {
                // The sentence's own text is the matched words (null): the combiner takes it from the complaint.
                hits.add(new SignalHit(h.getString(0), h.getString(1), index, h.getBoolean(2),
                        h.isNullAt(3) ? null : h.getDouble(3), h.getString(4), null, null));
            }
            bySentence.put(index, hits);
        }
        return bySentence;
    }

    /** Runs on executors: embeds one sentence with the JVM's shared model of the encoder, loaded on first use. */
    private static final class Embed implements MapFunction<Row, Row> {
        private final Encoder encoder;
        private final LongAccumulator done;

        Embed(Encoder encoder, LongAccumulator done) {
            this.encoder = encoder;
            this.done = done;
        }

        @Override
        public Row call(Row s) {
            float[] v = SentenceEmbedder.shared(encoder).embed(s.getString(s.fieldIndex(TEXT)));
            done.add(1);
            List<Float> values = new ArrayList<>(v.length);
            for (float f : v) {
                values.add(f);
            }
            return RowFactory.create(s.getString(s.fieldIndex(SENTENCE_KEY)), CollectionConverters.asScala(values).toSeq());
        }
    }

    /**
     * Runs on executors: judges one embedded sentence with the broadcast signals, keeping the judgements the
     * combination uses.
     */
    private static final class Score implements MapFunction<Row, Row> {
        private final Broadcast<List<CauseSignal>> signals;
        private final SignalCombiner combiner;

        Score(Broadcast<List<CauseSignal>> signals, SignalCombiner combiner) {
            this.signals = signals;
            this.combiner = combiner;
        }

        @Override
        public Row call(Row s) {
            // Only the token count matters to a vector signal; the index is the complaint's, set when joined back.
            rootcause.model.SentenceAnalysis sentence = new rootcause.model.SentenceAnalysis(0, s.getString(s.fieldIndex(TEXT)),
                    rootcause.model.SentenceAnalysis.UNKNOWN, 0, s.getInt(s.fieldIndex(TOKENS)), List.of());
            float[] vector = vector(s.getList(s.fieldIndex(DataContract.EMBEDDING)));
            List<Row> rows = new ArrayList<>();
            for (CauseSignal signal : signals.value()) {
                for (SignalHit h : signal.judge(sentence, vector)) {
                    if (combiner.uses(h)) {
                        rows.add(RowFactory.create(h.signal(), h.causeId(), h.fires(), h.score(), h.phrase()));
                    }
                }
            }
            return RowFactory.create(s.getString(s.fieldIndex(SENTENCE_KEY)), CollectionConverters.asScala(rows).toSeq());
        }
    }
}
