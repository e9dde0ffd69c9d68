package rootcause.classify;

import rootcause.model.DataContract;
import rootcause.io.OutputLayout;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rootcause.SparkTestSession;
import rootcause.embed.Encoder;
import rootcause.embed.SentenceEmbedder;
import rootcause.model.Columns;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static rootcause.classify.ClassifyStageTest.complaint;
import static rootcause.classify.ClassifyStageTest.input;
import static rootcause.classify.ClassifyStageTest.sentence;

/**
 * The semantic layer with a real embedding cache folder and the real model: a second classify embeds nothing and
 * gives the same causes and scores; a taxonomy edit embeds only its new sentence; the cache keeps no text.
 */
class EmbeddingCacheTest {
    private static final SparkSession SPARK = SparkTestSession.get();
    private static final String WAITED = "They kept me waiting on the phone forever and nobody answered.";
    private static final String HUNG_UP = "Then the agent hung up on me.";
    private static final String NOT_RUDE = "The agent on the phone was not rude at all.";
    private static final String NEW_EXAMPLE = "I spent my whole afternoon in the queue for a callback.";

    private static Dataset<Row> complaints() {
        return input(
                complaint("m1", "2024-01", -0.5, sentence(0, WAITED, 1, "they keep i wait on the phone forever and nobody answer ."),
                        sentence(1, HUNG_UP, 0, "then the agent hang up on i .")),
                complaint("m2", "2024-01", 0.0, sentence(0, NOT_RUDE, 2, "the agent on the phone be not rude at all .")));
    }

    /** Per complaint: its causes with how they were matched and their evidence's scores, as one comparable string. */
    private static List<String> causes(Dataset<Row> classified) {
        List<String> out = new ArrayList<>();
        for (Row r : classified.orderBy(Columns.COMPLAINT_ID).collectAsList()) {
            out.add(r.getString(r.fieldIndex(Columns.COMPLAINT_ID)) + " " + r.getList(r.fieldIndex(Columns.CAUSES)));
        }
        return out;
    }

    @Test
    void aSecondClassifyEmbedsNothingAndScoresAlike(@TempDir Path tmp) {
        Taxonomy taxonomy = ExampleMatcherTest.TAXONOMY;
        EmbeddingCache cache = new EmbeddingCache(tmp.resolve(OutputLayout.EMBEDDING_CACHE).toString(), taxonomy.semantic().encoder());
        int own = ExampleMatcher.sentencesOf(taxonomy).size();

        ClassifyStage first = new ClassifyStage(taxonomy, cache);
        List<String> firstCauses = causes(first.classify(complaints()));
        assertThat(first.sentencesLookedUp()).isEqualTo(3);
        assertThat(first.sentencesEmbedded()).isEqualTo(3);
        assertThat(first.taxonomySentencesEmbedded()).isEqualTo(own);
        Dataset<Row> stored = cache.read(SPARK);
        assertThat(stored.columns()).containsExactly(DataContract.EMBEDDING_CACHE_KEY, DataContract.EMBEDDING);
        assertThat(stored.count()).isEqualTo(3 + own);
        // The stored vector is the model's, float for float, under the SHA-256 of the sentence's text.
        Row hungUp = stored.where(stored.col(DataContract.EMBEDDING_CACHE_KEY)
                .equalTo(org.apache.commons.codec.digest.DigestUtils.sha256Hex(HUNG_UP))).first();
        float[] expected = SentenceEmbedder.shared().embed(HUNG_UP);
        List<Float> vector = hungUp.getList(1);
        assertThat(vector).hasSize(SentenceEmbedder.DIMENSION);
        for (int i = 0; i < expected.length; i++) {
            assertThat(vector.get(i)).isEqualTo(expected[i]);
        }
        first.persisted().forEach(Dataset::unpersist);

        ClassifyStage second = new ClassifyStage(taxonomy, cache);
        assertThat(causes(second.classify(complaints()))).isEqualTo(firstCauses);
        assertThat(second.sentencesLookedUp()).isEqualTo(3);
        assertThat(second.sentencesEmbedded()).isZero();
        assertThat(second.taxonomySentencesEmbedded()).isZero();
        assertThat(cache.read(SPARK).count()).isEqualTo(3 + own);
        assertThat(firstCauses.get(0)).contains("model"); // the semantic layer did match: the scores were compared
        second.persisted().forEach(Dataset::unpersist);

        // An edit of the taxonomy: one more example for waiting. Only that sentence is new to the cache.
        List<Cause> causes = new ArrayList<>();
        for (Cause c : taxonomy.causes()) {
            List<String> examples = new ArrayList<>(c.examples());
            if (c.id().equals("waiting")) {
                examples.add(NEW_EXAMPLE);
            }
            causes.add(new Cause(c.id(), c.name(), c.group(), c.description(), c.articles(), c.patterns(), examples,
                    c.counterExamples(), c.threshold(), c.fallback()));
        }
        Taxonomy edited = new Taxonomy(taxonomy.id(), taxonomy.version() + "-edited", taxonomy.groups(), causes,
                taxonomy.semantic());
        ClassifyStage third = new ClassifyStage(edited, cache);
        third.classify(complaints()).count();
        assertThat(third.sentencesEmbedded()).isZero();
        assertThat(third.taxonomySentencesEmbedded()).isEqualTo(1);
        assertThat(cache.read(SPARK).count()).isEqualTo(4 + own);
        third.persisted().forEach(Dataset::unpersist);

        // Without a cache the same sentences give the same causes.
        assertThat(causes(new ClassifyStage(taxonomy).classify(complaints()))).isEqualTo(firstCauses);
    }

    @Test
    void theCacheFolderIsNamedByTheModelsFingerprint() {
        assertThat(EmbeddingCache.fingerprint(Encoder.BASE)).matches("[0-9a-f]{64}").isNotEqualTo(SentenceEmbedder.modelSha256());
        EmbeddingCache cache = new EmbeddingCache("/out/" + OutputLayout.EMBEDDING_CACHE, Encoder.BASE);
        assertThat(cache.location()).isEqualTo("/out/" + OutputLayout.EMBEDDING_CACHE + "/" + EmbeddingCache.fingerprint(Encoder.BASE));
        // Each encoder keeps its own vectors: the cause encoder's never mix with the base model's.
        assertThat(EmbeddingCache.fingerprint(Encoder.CAUSE)).matches("[0-9a-f]{64}").isNotEqualTo(EmbeddingCache.fingerprint(Encoder.BASE));
    }
}
