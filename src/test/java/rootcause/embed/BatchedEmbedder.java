package rootcause.embed;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A prototype of batched sentence embedding, for {@code rootcause.bench.EmbedBenchmark} (docs/BENCHMARKS.md, "Batched
 * embedding"): many sentences per ONNX Runtime call, sorted by length, padded to the longest of their batch with the
 * attention mask over the real tokens, mean-pooled over those and L2-normalised. Tokenised exactly as langchain4j's
 * {@code OnnxBertBiEncoder} does (same tokenizer.json and options, the same round trip of word pieces to text), with
 * the same ONNX session options as {@link SentenceEmbedder}; a text langchain4j embeds in parts (over 510 word pieces)
 * or cannot embed (none) goes to the fallback. A test source: batching did not ship (its vectors differ, see the page).
 */
public final class BatchedEmbedder {
    static final int MAX_SEQUENCE_LENGTH = 510;

    private final OrtEnvironment env;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean typeIds;
    private final int dimension;
    private final Function<String, float[]> fallback;

    private BatchedEmbedder(byte[] onnx, byte[] tokenizerJson, int dimension, Function<String, float[]> fallback) {
        try {
            this.env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            this.session = env.createSession(onnx, options);
            this.tokenizer = HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(tokenizerJson), Map.of("padding", "false"));
            this.typeIds = session.getInputNames().contains("token_type_ids");
            this.dimension = dimension;
            this.fallback = fallback;
        } catch (OrtException | IOException e) {
            throw new IllegalStateException("cannot load the model: " + e.getMessage(), e);
        }
    }

    /** The encoder's model and tokenizer, as {@link SentenceEmbedder} reads them; its per-sentence path as fallback. */
    public static BatchedEmbedder of(Encoder encoder) {
        return new BatchedEmbedder(read(encoder.open(encoder.modelResource())), read(encoder.open(encoder.tokenizerResource())),
                SentenceEmbedder.DIMENSION, SentenceEmbedder.shared(encoder)::embed);
    }

    /** Any BERT ONNX model and tokenizer from the class path (e.g. langchain4j's float all-MiniLM-L6-v2); no fallback. */
    public static BatchedEmbedder of(String modelResource, String tokenizerResource, int dimension) {
        return new BatchedEmbedder(read(BatchedEmbedder.class.getResourceAsStream(modelResource)),
                read(BatchedEmbedder.class.getResourceAsStream(tokenizerResource)), dimension, text -> {
                    throw new IllegalArgumentException("no fallback for \"" + text + "\"");
                });
    }

    /** The unit-length embeddings of the texts, in their order, {@code batchSize} per ONNX Runtime call. */
    public List<float[]> embedAll(List<String> texts, int batchSize) {
        float[][] vectors = new float[texts.size()][];
        List<Tokens> batched = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            long[] ids = ids(texts.get(i));
            if (ids == null) {
                vectors[i] = fallback.apply(texts.get(i));
            } else {
                batched.add(new Tokens(i, ids));
            }
        }
        batched.sort(Comparator.comparingInt(t -> t.ids().length));
        for (int from = 0; from < batched.size(); from += batchSize) {
            List<Tokens> batch = batched.subList(from, Math.min(batched.size(), from + batchSize));
            float[][] pooled = embedBatch(batch);
            for (int b = 0; b < pooled.length; b++) {
                vectors[batch.get(b).index()] = pooled[b];
            }
        }
        return Arrays.asList(vectors);
    }

    private record Tokens(int index, long[] ids) {
    }

    /**
     * The input ids langchain4j's encoder runs for this text, [CLS] and [SEP] included; null when it would embed it in
     * parts or has no word piece to embed. Like langchain4j, the word pieces are joined back into text and encoded again.
     */
    long[] ids(String text) {
        List<String> tokens = tokenizer.tokenize(text);
        int pieces = tokens.size() - 2;
        if (pieces <= 0 || pieces > MAX_SEQUENCE_LENGTH) {
            return null;
        }
        List<String> inner = tokens.subList(1, tokens.size() - 1);
        String rebuilt = tokenizer.buildSentence(inner);
        List<String> again = tokenizer.tokenize(rebuilt);
        String input = again.subList(1, again.size() - 1).equals(inner) ? rebuilt : String.join("", inner);
        return tokenizer.encode(input, true, false).getIds();
    }

    /** One ONNX Runtime call for the batch, padded to its longest; mean over the real tokens, then unit length. */
    private float[][] embedBatch(List<Tokens> batch) {
        int rows = batch.size();
        int width = batch.stream().mapToInt(t -> t.ids().length).max().orElse(0);
        long[] ids = new long[rows * width];
        long[] mask = new long[rows * width];
        for (int r = 0; r < rows; r++) {
            long[] row = batch.get(r).ids();
            System.arraycopy(row, 0, ids, r * width, row.length);
            Arrays.fill(mask, r * width, r * width + row.length, 1L);
        }
        long[] shape = {rows, width};
        try (OnnxTensor idsTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
             OnnxTensor maskTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
             OnnxTensor typesTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[rows * width]), shape)) {
            Map<String, OnnxTensor> inputs = new HashMap<>();
            inputs.put("input_ids", idsTensor);
            inputs.put("attention_mask", maskTensor);
            if (typeIds) {
                inputs.put("token_type_ids", typesTensor);
            }
            try (OrtSession.Result result = session.run(inputs)) {
                FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
                float[][] pooled = new float[rows][];
                for (int r = 0; r < rows; r++) {
                    pooled[r] = meanOfUnitLength(hidden, r * width, batch.get(r).ids().length);
                }
                return pooled;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("the model failed on a batch of " + rows + ": " + e.getMessage(), e);
        }
    }

    /** The mean of {@code tokens} hidden states from position {@code first}, scaled to unit length (as langchain4j). */
    private float[] meanOfUnitLength(FloatBuffer hidden, int first, int tokens) {
        float[] v = new float[dimension];
        for (int t = 0; t < tokens; t++) {
            int base = (first + t) * dimension;
            for (int d = 0; d < dimension; d++) {
                v[d] += hidden.get(base + d);
            }
        }
        float sumSquare = 0;
        for (int d = 0; d < dimension; d++) {
            v[d] /= tokens;
            sumSquare += v[d] * v[d];
        }
        float norm = (float) Math.sqrt(sumSquare);
        for (int d = 0; d < dimension; d++) {
            v[d] /= norm;
        }
        return v;
    }

    private static byte[] read(InputStream in) {
        if (in == null) {
            throw new IllegalStateException("model resource not on the class path");
        }
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
