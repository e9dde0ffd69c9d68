package rootcause.sentiment;

import edu.stanford.nlp.classify.LinearClassifier;
import edu.stanford.nlp.classify.LinearClassifierFactory;
import edu.stanford.nlp.classify.RVFDataset;
import edu.stanford.nlp.ling.RVFDatum;
import edu.stanford.nlp.optimization.QNMinimizer;
import edu.stanford.nlp.stats.Counter;
import rootcause.embed.SentenceEmbedder;
import rootcause.model.DocumentAnalysis;
import rootcause.model.SentenceAnalysis;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The complaint-domain polarity layer: a three-class logistic regression (CoreNLP's {@link LinearClassifier}) over
 * {@link PolarityFeatures}. It reads a document from all its sentences and each sentence on its own; both scores are
 * P(positive) - P(negative) in [-1, 1], and the document's label is the most probable class.
 *
 * <p>Immutable and thread-safe once built; serialised as gzip'd Java serialisation ({@link #toBytes}), the form a
 * run ships to executors. Each JVM deserialises a model once ({@link #shared}).
 */
public final class PolarityModel implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Map<String, PolarityModel> SHARED = new ConcurrentHashMap<>();

    private final LinearClassifier<String, String> classifier;
    private final Set<PolarityFeatures.Family> families;
    private final String trainedOn;

    /** A labelled text to learn from: its sentences as the nlp stage reads them. */
    public record Example(List<SentenceAnalysis> sentences, Polarity label) {}

    private PolarityModel(LinearClassifier<String, String> classifier, Set<PolarityFeatures.Family> families,
                          String trainedOn) {
        this.classifier = classifier;
        this.families = EnumSet.copyOf(families);
        this.trainedOn = trainedOn;
    }

    /**
     * Fits the model. {@code sigma} is the Gaussian prior's standard deviation (L2 strength: smaller is stronger).
     * Deterministic: the same examples give the same weights.
     */
    public static PolarityModel train(List<Example> examples, Set<PolarityFeatures.Family> families, double sigma,
                                      String trainedOn) {
        return train(examples, families, sigma, trainedOn, PolarityModel::embed);
    }

    /** {@link #train} with the sentence embeddings taken from {@code embed} (a training run's memo). */
    public static PolarityModel train(List<Example> examples, Set<PolarityFeatures.Family> families, double sigma,
                                      String trainedOn, Function<String, float[]> embed) {
        RVFDataset<String, String> data = new RVFDataset<>();
        for (Example e : examples) {
            data.add(new RVFDatum<>(PolarityFeatures.of(e.sentences(), families, embed), e.label().lowerName()));
        }
        LinearClassifierFactory<String, String> factory = new LinearClassifierFactory<>(() -> {
            QNMinimizer minimizer = new QNMinimizer(15);
            minimizer.shutUp();
            return minimizer;
        });
        factory.setSigma(sigma);
        factory.setVerbose(false);
        return new PolarityModel(factory.trainClassifier(data), families, trainedOn);
    }

    public Set<PolarityFeatures.Family> families() {
        return EnumSet.copyOf(families);
    }

    /** Whether the model reads sentence embeddings (and so embeds every sentence it reads). */
    public boolean needsEmbeddings() {
        return families.contains(PolarityFeatures.Family.EMBEDDINGS);
    }

    /** Whether the model reads CoreNLP's sentiment (and so needs the parser). */
    public boolean needsParser() {
        return families.contains(PolarityFeatures.Family.RNTN);
    }

    /** What the model was trained on, for the manifest and {@code explain}. */
    public String trainedOn() {
        return trainedOn;
    }

    /** P(negative), P(neutral), P(positive) of a text made of these sentences. */
    public double[] probabilities(List<SentenceAnalysis> sentences) {
        return probabilities(sentences, PolarityModel::embed);
    }

    /** {@link #probabilities} with the sentence embeddings taken from {@code embed}. */
    public double[] probabilities(List<SentenceAnalysis> sentences, Function<String, float[]> embed) {
        Counter<String> p = classifier.probabilityOf(new RVFDatum<>(PolarityFeatures.of(sentences, families, embed)));
        Polarity[] classes = Polarity.values();
        double[] out = new double[classes.length];
        for (Polarity c : classes) out[c.ordinal()] = p.getCount(c.lowerName());
        return out;
    }

    public Polarity predict(List<SentenceAnalysis> sentences) {
        return predict(sentences, PolarityModel::embed);
    }

    public Polarity predict(List<SentenceAnalysis> sentences, Function<String, float[]> embed) {
        return mostProbable(probabilities(sentences, embed));
    }

    /** A sentence's embedding from the JVM's one embedding model (only models with EMBEDDINGS call it). */
    private static float[] embed(String sentence) {
        return SentenceEmbedder.shared().embed(sentence);
    }

    /**
     * The document with the layer's reading: every sentence's polarity, the document's score and label, and the
     * most negative sentence by the layer. CoreNLP's classes and probabilities stay as they were.
     */
    public DocumentAnalysis apply(DocumentAnalysis coreNlp) {
        // Each sentence is embedded once, for its own score and the document's.
        Map<String, float[]> embedded = new java.util.HashMap<>();
        Function<String, float[]> embed = t -> embedded.computeIfAbsent(t, PolarityModel::embed);
        List<SentenceAnalysis> sentences = coreNlp.sentences().stream()
                .map(s -> s.withPolarity(score(probabilities(List.of(s), embed)))).toList();
        if (sentences.isEmpty()) {
            return new DocumentAnalysis(sentences, 0.0, Polarity.NEUTRAL.lowerName(), null, coreNlp.sentencesTooLong());
        }
        double[] p = probabilities(sentences, embed);
        SentenceAnalysis mostNegative = null;
        for (SentenceAnalysis s : sentences) {
            if (mostNegative == null || s.polarity() < mostNegative.polarity()) mostNegative = s;
        }
        return new DocumentAnalysis(sentences, score(p), mostProbable(p).lowerName(), mostNegative.text(),
                coreNlp.sentencesTooLong());
    }

    private static double score(double[] p) {
        return p[Polarity.POSITIVE.ordinal()] - p[Polarity.NEGATIVE.ordinal()];
    }

    public static Polarity mostProbable(double[] p) {
        Polarity best = Polarity.NEUTRAL;
        for (Polarity c : Polarity.values()) {
            if (p[c.ordinal()] > p[best.ordinal()]) best = c;
        }
        return best;
    }

    /** The model as gzip'd Java serialisation. */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(new GZIPOutputStream(bytes))) {
            out.writeObject(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A model from {@link #toBytes}; fails with a clear message on anything else. */
    public static PolarityModel fromBytes(byte[] bytes, String where) {
        try (ObjectInputStream in = new ObjectInputStream(new GZIPInputStream(new ByteArrayInputStream(bytes)))) {
            return (PolarityModel) in.readObject();
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            throw new IllegalArgumentException(where + " is not a rootcause sentiment model (" + e.getMessage() + ")", e);
        }
    }

    /** The one deserialised model with this hash in this JVM. */
    public static PolarityModel shared(String sha256, Supplier<byte[]> bytes) {
        return shared(sha256, bytes, "model " + sha256);
    }

    /** {@link #shared(String, Supplier)}, naming {@code where} the bytes came from if they are not a model. */
    public static PolarityModel shared(String sha256, Supplier<byte[]> bytes, String where) {
        return SHARED.computeIfAbsent(sha256, h -> fromBytes(bytes.get(), where));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
