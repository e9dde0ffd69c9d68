package rootcause.classify;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import rootcause.embed.SentenceEmbedder;
import rootcause.model.Columns;
import scala.collection.Seq;
import scala.jdk.javaapi.CollectionConverters;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.transform;

/**
 * The Spark side of the semantic layer: embeds every distinct sentence once (across all complaints, keyed by a
 * hash of its text), scores it against the taxonomy's examples ({@link ExampleMatcher}, one per executor JVM), and
 * joins the model hits back to the complaints by a hash of their sentences. Only the hits travel back, never the
 * 384-float vectors. The scored sentences are persisted and counted here, so the classify stage's time includes
 * the embedding and later actions do not embed again.
 */
final class SemanticStage {
    private static final Logger LOG = LogManager.getLogger(SemanticStage.class);

    /** The column {@link #withModelHits} adds: per sentence with a model hit, its index and hits. */
    static final String MODEL_HITS = "rc_model_hits";
    /** One model hit ({@link ModelHit}). */
    static final StructType HIT = new StructType()
            .add("cause_id", DataTypes.StringType, false)
            .add("score", DataTypes.DoubleType, false)
            .add("nearest_example", DataTypes.StringType, false);
    /** The type of {@link #MODEL_HITS}. */
    static final ArrayType DOCUMENT_HITS = DataTypes.createArrayType(new StructType()
            .add("sentence_index", DataTypes.IntegerType, false)
            .add("hits", DataTypes.createArrayType(HIT, false), false), false);
    /** Distinct sentences per embedding task: a few seconds of work on one core. */
    static final int SENTENCES_PER_PARTITION = 500;

    private static final String DOC_KEY = "rc_doc_key";
    private static final String SENTENCE_KEY = "rc_sentence_key";
    private static final String INDEX = "rc_sentence_index";
    private static final String TEXT = "rc_sentence_text";
    private static final String TOKENS = "rc_sentence_tokens";
    private static final String HITS = "rc_hits";
    private static final StructType SCORED = new StructType()
            .add(SENTENCE_KEY, DataTypes.StringType, false)
            .add(HITS, DataTypes.createArrayType(HIT, false), false);

    private final Taxonomy taxonomy;
    private long sentencesEmbedded;

    SemanticStage(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    long sentencesEmbedded() {
        return sentencesEmbedded;
    }

    /** The complaints with {@link #MODEL_HITS} (null for a complaint without any model hit). */
    Dataset<Row> withModelHits(Dataset<Row> complaints) {
        Column sentenceTexts = transform(col(Columns.SENTENCES), s -> s.getField("text"));
        Dataset<Row> keyed = complaints.withColumn(DOC_KEY, sha2(concat_ws("\u001f", sentenceTexts), 256));
        Dataset<Row> sentences = keyed.select(col(DOC_KEY), explode(col(Columns.SENTENCES)).as("s"))
                .select(col(DOC_KEY), col("s.index").as(INDEX), col("s.text").as(TEXT),
                        col("s.token_end").minus(col("s.token_begin")).as(TOKENS))
                .where(col(TEXT).isNotNull())
                .dropDuplicates(DOC_KEY, INDEX)
                .withColumn(SENTENCE_KEY, sha2(col(TEXT), 256));
        Dataset<Row> distinct = sentences.select(col(SENTENCE_KEY), col(TEXT), col(TOKENS)).dropDuplicates(SENTENCE_KEY);
        long total = distinct.count();
        int partitions = (int) Math.max(complaints.sparkSession().sparkContext().defaultParallelism(),
                Math.min(10_000, (total + SENTENCES_PER_PARTITION - 1) / SENTENCES_PER_PARTITION));
        LongAccumulator done = complaints.sparkSession().sparkContext().longAccumulator("sentences embedded");
        long start = System.nanoTime();
        Dataset<Row> scored = distinct.repartition(partitions, col(SENTENCE_KEY))
                .mapPartitions(new ScorePartition(taxonomy, done), Encoders.row(SCORED))
                .where(size(col(HITS)).gt(0))
                .persist(StorageLevel.MEMORY_AND_DISK());
        long withHits = scored.count();
        sentencesEmbedded = done.value();
        LOG.info("semantic layer: embedded {} distinct sentences in {} s, {} with a model hit",
                sentencesEmbedded, (System.nanoTime() - start) / 1_000_000_000, withHits);
        Dataset<Row> perDocument = sentences.join(scored, SENTENCE_KEY)
                .groupBy(col(DOC_KEY))
                .agg(collect_list(struct(col(INDEX).as("sentence_index"), col(HITS).as("hits"))).as(MODEL_HITS));
        // A join on the column's name: perDocument derives from keyed, so keyed.col(k) == perDocument.col(k) would
        // compare one attribute with itself (Spark warns of a trivially true predicate).
        return keyed.join(perDocument, scala.jdk.javaapi.CollectionConverters.asScala(List.of(DOC_KEY)).toSeq(), "left")
                .drop(DOC_KEY);
    }

    /** The {@link #MODEL_HITS} value of one complaint as hits per sentence index; null is none. */
    static Map<Integer, List<ModelHit>> hitsFrom(Seq<Row> sentenceHits) {
        Map<Integer, List<ModelHit>> bySentence = new HashMap<>();
        if (sentenceHits == null) {
            return bySentence;
        }
        for (Row s : CollectionConverters.asJava(sentenceHits)) {
            List<ModelHit> hits = new ArrayList<>();
            for (Row h : s.<Row>getList(1)) {
                hits.add(new ModelHit(h.getString(0), h.getDouble(1), h.getString(2)));
            }
            bySentence.put(s.getInt(0), hits);
        }
        return bySentence;
    }

    /** Runs on executors: embeds and scores one partition of distinct sentences with the JVM's shared model. */
    private static final class ScorePartition implements MapPartitionsFunction<Row, Row> {
        private final Taxonomy taxonomy;
        private final LongAccumulator done;

        ScorePartition(Taxonomy taxonomy, LongAccumulator done) {
            this.taxonomy = taxonomy;
            this.done = done;
        }

        @Override
        public Iterator<Row> call(Iterator<Row> sentences) {
            ExampleMatcher matcher = ExampleMatcher.shared(taxonomy);
            SentenceEmbedder embedder = SentenceEmbedder.shared();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return sentences.hasNext();
                }

                @Override
                public Row next() {
                    Row s = sentences.next();
                    List<ModelHit> hits = matcher.hits(embedder.embed(s.getString(1)), s.getInt(2));
                    done.add(1);
                    List<Row> rows = new ArrayList<>(hits.size());
                    for (ModelHit h : hits) {
                        rows.add(RowFactory.create(h.causeId(), h.score(), h.nearestExample()));
                    }
                    return RowFactory.create(s.getString(0), CollectionConverters.asScala(rows).toSeq());
                }
            };
        }
    }
}
