package rootcause.classify;

import rootcause.model.DataContract;
import rootcause.model.NegativeComplaint;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import rootcause.model.CauseMatch;
import rootcause.model.Columns;
import rootcause.model.StageInput;
import scala.collection.Seq;

import java.util.Arrays;
import java.util.List;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.udf;

/**
 * The classify stage: adds each complaint's root causes (with evidence) and cause ids to the nlp stage's output.
 * The driver builds it; the taxonomy is shipped to executors, which compile it once per JVM
 * ({@link CauseMatcher#shared}).
 */
public final class ClassifyStage {
    /** Columns this stage reads, with the types it expects. */
    public static final StructType INPUT_SCHEMA = new StructType(new StructField[]{
            DataTypes.createStructField(Columns.COMPLAINT_ID, DataTypes.StringType, true),
            DataTypes.createStructField(Columns.MONTH, DataTypes.StringType, true),
            DataContract.NLP.type().apply(Columns.SENTENCES),
            DataTypes.createStructField(Columns.SENTIMENT_SCORE, DataTypes.DoubleType, true)});

    /** Terms kept per month by {@link #candidateTerms}. */
    public static final int CANDIDATES_PER_MONTH = 30;

    private static final String RESULT = "rc_classify_result";

    private final Taxonomy taxonomy;
    private final SemanticStage semantic;

    /** A stage that keeps no embeddings between runs (tests, evaluations). */
    public ClassifyStage(Taxonomy taxonomy) {
        this(taxonomy, null);
    }

    /** @param embeddings where the semantic layer keeps sentence embeddings between runs; null for nowhere */
    public ClassifyStage(Taxonomy taxonomy, EmbeddingCache embeddings) {
        this.taxonomy = taxonomy;
        this.semantic = taxonomy.hasSemanticLayer() ? new SemanticStage(taxonomy, embeddings) : null;
    }

    public Taxonomy taxonomy() {
        return taxonomy;
    }

    /**
     * The {@link Columns#TAXONOMY_VERSION} of complaints classified by a taxonomy whose YAML has this SHA-256, e.g.
     * {@code rootcause_service_causes 2.1.0 (sha256 2954e3328fd9)}: an edit that forgot to bump the version still
     * shows, and so does switching the semantic layer off.
     */
    public static String versionLabel(Taxonomy taxonomy, String sha256) {
        return taxonomy.id() + " " + taxonomy.version() + (taxonomy.hasSemanticLayer() ? "" : " patterns only")
                + " (sha256 " + sha256.substring(0, Math.min(12, sha256.length())) + ")";
    }

    /** Distinct complaint sentences the semantic layer looked up in the last {@link #classify} (0 without the layer). */
    public long sentencesLookedUp() {
        return semantic == null ? 0 : semantic.sentencesLookedUp();
    }

    /** Of those, the ones the semantic layer embedded: not in the embedding cache (0 without the layer). */
    public long sentencesEmbedded() {
        return semantic == null ? 0 : semantic.sentencesEmbedded();
    }

    /** The taxonomy's own sentences embedded in the last {@link #classify}: not in the embedding cache. */
    public long taxonomySentencesEmbedded() {
        return semantic == null ? 0 : semantic.taxonomySentencesEmbedded();
    }

    /** What the last {@link #classify} persisted: the caller unpersists it once the results are written. */
    public List<Dataset<Row>> persisted() {
        return semantic == null ? List.of() : semantic.persisted();
    }

    /**
     * Adds {@link Columns#CAUSES} and {@link Columns#CAUSE_IDS} to every complaint. With a semantic layer, first
     * embeds every distinct sentence the cache does not hold, once, and scores each against the examples
     * ({@link SemanticStage}).
     */
    public Dataset<Row> classify(Dataset<Row> complaints) {
        checkInputColumns(complaints, "classify", INPUT_SCHEMA);
        Dataset<Row> input = complaints;
        Column result;
        if (semantic == null) {
            result = udf(new ClassifyFunction(taxonomy), DataContract.CLASSIFIED)
                    .apply(col(Columns.SENTENCES), lit(null).cast(SemanticStage.DOCUMENT_HITS));
        } else {
            input = semantic.withModelHits(complaints);
            result = udf(new ClassifyFunction(taxonomy), DataContract.CLASSIFIED)
                    .apply(col(Columns.SENTENCES), col(SemanticStage.MODEL_HITS));
        }
        Dataset<Row> classified = input.withColumn(RESULT, result)
                .withColumn(Columns.CAUSES, col(RESULT + "." + Columns.CAUSES))
                .withColumn(Columns.CAUSE_IDS, col(RESULT + "." + Columns.CAUSE_IDS))
                .drop(RESULT);
        return semantic == null ? classified : classified.drop(SemanticStage.MODEL_HITS);
    }

    /**
     * The most frequent lemmas and bigrams (stop words removed) of unclassified negative complaints
     * ({@link NegativeComplaint}), per month, top {@value #CANDIDATES_PER_MONTH}: candidates for new causes.
     * Counts complaints, not occurrences. Ties break alphabetically.
     */
    public Dataset<Row> candidateTerms(Dataset<Row> classified) {
        checkInputColumns(classified, "classify (candidate terms)", new StructType(new StructField[]{
                INPUT_SCHEMA.apply(Columns.COMPLAINT_ID), INPUT_SCHEMA.apply(Columns.MONTH),
                INPUT_SCHEMA.apply(Columns.SENTENCES), INPUT_SCHEMA.apply(Columns.SENTIMENT_SCORE),
                DataContract.CLASSIFIED.apply(Columns.CAUSE_IDS)}));
        Column terms = udf((UDF1<Seq<Row>, List<String>>) ClassifyStage::distinctTerms,
                DataTypes.createArrayType(DataTypes.StringType)).apply(col(Columns.SENTENCES));
        Dataset<Row> perComplaintTerm = classified
                .where(NegativeComplaint.column()
                        .and(size(col(Columns.CAUSE_IDS)).equalTo(1))
                        .and(array_contains(col(Columns.CAUSE_IDS), Columns.UNCLASSIFIED)))
                .select(col(Columns.MONTH), col(Columns.COMPLAINT_ID), explode(terms).as(DataContract.TERM));
        Dataset<Row> counted = perComplaintTerm.groupBy(col(Columns.MONTH), col(DataContract.TERM))
                .agg(count(lit(1)).as(DataContract.TERM_COMPLAINTS));
        return counted
                .withColumn("rc_rank", row_number().over(Window.partitionBy(col(Columns.MONTH))
                        .orderBy(col(DataContract.TERM_COMPLAINTS).desc(), col(DataContract.TERM).asc())))
                .where(col("rc_rank").leq(CANDIDATES_PER_MONTH))
                .drop("rc_rank")
                .orderBy(col(Columns.MONTH), col(DataContract.TERM_COMPLAINTS).desc(), col(DataContract.TERM));
    }

    private static List<String> distinctTerms(Seq<Row> sentences) {
        return CandidateTerms.distinctTerms(DataContract.sentences(sentences));
    }

    static void checkInputColumns(Dataset<Row> input, String stage, StructType required) {
        StageInput.require(stage, input, Arrays.asList(required.fieldNames()));
    }

    /** The per-row work; runs on executors, compiling the taxonomy once per JVM. */
    private static final class ClassifyFunction implements UDF2<Seq<Row>, Seq<Row>, Row> {
        private final Taxonomy taxonomy;
        private transient CauseMatcher matcher;

        ClassifyFunction(Taxonomy taxonomy) {
            this.taxonomy = taxonomy;
        }

        @Override
        public Row call(Seq<Row> sentenceRows, Seq<Row> modelHits) {
            if (matcher == null) {
                matcher = CauseMatcher.shared(taxonomy);
            }
            List<CauseMatch> matches = matcher.match(DataContract.sentences(sentenceRows), SemanticStage.hitsFrom(modelHits));
            return DataContract.classified(matches, CauseMatcher.causeIds(matches));
        }
    }
}
