package rootcause.embed;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The batching prototype behind {@code jobs/benchmark-embed} (docs/BENCHMARKS.md, "Batched embedding"): one sentence
 * per call it gives langchain4j's vectors, so the benchmark's batches differ from the job's path only by batching; and
 * the finding that kept batching out of the job, that the int8 encoders' vectors move with their batch companions.
 */
class BatchedEmbedderTest {
    /** Short, long (past the tokenizer's 128-token truncation), emoji ([UNK]), punctuation only, odd spacing. */
    private static final List<String> MIXED = List.of(
            "My card was charged twice.",
            "I have called the bank " + "again and again, ".repeat(60) + "and nobody ever called me back.",
            "👍",
            "?!",
            "  Waiting   on hold\tfor 2 hours…  ",
            "Ok",
            "The agent said the refund would take 7-10 business days but it has been a month and I still see nothing.",
            "N/A");

    @Test
    void oneSentencePerCallGivesLangchain4jsVectors() {
        for (Encoder encoder : Encoder.values()) {
            List<float[]> ours = BatchedEmbedder.of(encoder).embedAll(MIXED, 1);
            for (int i = 0; i < MIXED.size(); i++) {
                float[] theirs = SentenceEmbedder.shared(encoder).embed(MIXED.get(i));
                assertThat(SentenceEmbedder.cosine(ours.get(i), theirs)).as("%s, \"%s\"", encoder, MIXED.get(i))
                        .isGreaterThan(0.99999);
            }
        }
    }

    @Test
    void aTextLangchain4jCannotEmbedGoesToItsPath() {
        BatchedEmbedder batcher = BatchedEmbedder.of(Encoder.BASE);
        assertThat(batcher.ids("   ")).isNull();
        assertThat(batcher.ids("Ok")).hasSize(3);
        // tokenizer.json truncates at 128 tokens and langchain4j's options keep that: its 510-token split never runs.
        assertThat(batcher.ids(MIXED.get(1))).hasSize(128);
    }

    /**
     * Why the job does not batch: the int8 models quantize activations with one scale per call, so a sentence's vector
     * depends on the other sentences of its batch (the float model's does not: 0.999999, docs/BENCHMARKS.md). When this
     * fails, ONNX Runtime or the models changed: run jobs/benchmark-embed again, batching may now be safe.
     */
    @Test
    void int8VectorsMoveWithTheirBatchCompanions() {
        for (Encoder encoder : Encoder.values()) {
            List<float[]> batched = BatchedEmbedder.of(encoder).embedAll(MIXED, MIXED.size());
            double min = 1;
            for (int i = 0; i < MIXED.size(); i++) {
                min = Math.min(min, SentenceEmbedder.cosine(batched.get(i), SentenceEmbedder.shared(encoder).embed(MIXED.get(i))));
            }
            assertThat(min).as(encoder.toString()).isLessThan(0.999);
        }
    }
}
