package rootcause.embed;

import com.fasterxml.jackson.databind.cfg.PackageVersion;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The real model from the Maven jar, with Spark's Jackson on the class path. */
class SentenceEmbedderTest {
    private final SentenceEmbedder embedder = SentenceEmbedder.shared();

    @Test
    void runsWithSparksJacksonNotTheOneLangchain4jAsksFor() {
        assertThat(PackageVersion.VERSION.toString()).isEqualTo("2.18.2");
        assertThat(embedder.embed("hello")).hasSize(SentenceEmbedder.DIMENSION);
    }

    @Test
    void vectorsAreUnitLengthAndDeterministic() {
        float[] a = embedder.embed("I was on hold for two hours.");
        assertThat(SentenceEmbedder.cosine(a, a)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(embedder.embed("I was on hold for two hours.")).containsExactly(a);
    }

    @Test
    void similarMeaningsAreCloserThanUnrelatedOnes() {
        float[] hold = embedder.embed("I was on hold for two hours.");
        float[] waited = embedder.embed("They kept me waiting on the phone forever.");
        float[] charge = embedder.embed("You charged my card twice.");
        assertThat(SentenceEmbedder.cosine(hold, waited)).isGreaterThan(SentenceEmbedder.cosine(hold, charge) + 0.1);
    }

    @Test
    void oneSharedInstanceServesManyThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            float[] expected = embedder.embed("The agent hung up on me.");
            java.util.List<Future<float[]>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> SentenceEmbedder.shared().embed("The agent hung up on me.")));
            }
            for (Future<float[]> f : results) {
                assertThat(f.get()).containsExactly(expected);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(SentenceEmbedder.shared()).isSameAs(embedder);
        assertThat(SentenceEmbedder.modelSha256()).hasSize(64);
        assertThat(SentenceEmbedder.artifactVersion()).isEqualTo("1.19.0-beta29");
    }
}
