package rootcause.embed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cause encoder as the job loads it (its own jar, langchain4j's BERT encoder, ONNX Runtime in Java) gives the
 * vectors the training's export computed with ONNX Runtime in Python for the same sentences
 * ({@code models/cause-encoder/parity.json}): tokenizer, pooling and normalisation agree, so the head trained in
 * Python means the same thing here.
 */
class CauseEncoderTest {
    @Test
    void javaEmbedsAsTheTrainingExportDid() throws Exception {
        JsonNode parity = new ObjectMapper().readTree(Path.of("models/cause-encoder/parity.json").toFile());
        assertThat(parity.size()).isGreaterThanOrEqualTo(3);
        for (JsonNode item : parity) {
            float[] java = SentenceEmbedder.shared(Encoder.CAUSE).embed(item.get("text").asText());
            JsonNode python = item.get("vector");
            assertThat(java).hasSize(python.size());
            double dot = 0;
            for (int i = 0; i < java.length; i++) {
                dot += java[i] * python.get(i).asDouble();
            }
            // Not 1: the job's ONNX Runtime (1.20, Java) and the export's (1.30, Python) quantize activations with
            // different int8 kernels (0.998 measured at worst). A tokenizer or pooling difference costs far more:
            // dropping one [UNK] token gives 0.95, one extra token 0.98 (measured on the emoji sentence).
            assertThat(dot).as("cosine of Java's and Python's vectors of \"%s\"", item.get("text").asText()).isGreaterThan(0.995);
        }
    }

    @Test
    void theCauseEncoderIsNotTheBaseModelAndSaysWhereItComesFrom() {
        assertThat(SentenceEmbedder.modelSha256(Encoder.CAUSE)).hasSize(64).isNotEqualTo(SentenceEmbedder.modelSha256(Encoder.BASE));
        assertThat(Encoder.CAUSE.artifactVersion()).isNotEqualTo("unknown");
        assertThat(SentenceEmbedder.shared(Encoder.CAUSE)).isSameAs(SentenceEmbedder.shared(Encoder.CAUSE))
                .isNotSameAs(SentenceEmbedder.shared());
    }
}
