package rootcause.classify;

import rootcause.embed.SentenceEmbedder;
import rootcause.model.CauseMatch;
import rootcause.model.SentenceAnalysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The classify stage's decision for one complaint, on the driver: every signal of the taxonomy, combined as the
 * Spark stage combines them on executors ({@link CauseMatcher}, {@link SignalCombiner}), embedding each sentence
 * with the JVM's shared encoder for the signals that read vectors. For {@code explain}, {@code evaluate-taxonomy}
 * and {@code train-causes}. Thread-safe.
 */
public final class ComplaintClassifier {
    private final Taxonomy taxonomy;
    private final CauseMatcher matcher;
    private final ExampleMatcher examples;
    /** Every signal of the taxonomy, in its order. */
    private final List<CauseSignal> signals;

    public ComplaintClassifier(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
        this.matcher = CauseMatcher.shared(taxonomy);
        this.examples = taxonomy.hasSemanticLayer() ? ExampleMatcher.shared(taxonomy) : null;
        List<CauseSignal> all = new ArrayList<>(matcher.signals());
        if (examples != null) {
            all.add(examples);
        }
        this.signals = List.copyOf(all);
    }

    public Taxonomy taxonomy() {
        return taxonomy;
    }

    public CauseMatcher matcher() {
        return matcher;
    }

    /** Every signal the taxonomy runs, in its order. */
    public List<CauseSignal> signals() {
        return signals;
    }

    /** The semantic layer, or null when the taxonomy has none. */
    public ExampleMatcher examples() {
        return examples;
    }

    /** The causes of one complaint's sentences. */
    public List<CauseMatch> classify(List<SentenceAnalysis> sentences) {
        return combination(sentences).matches();
    }

    /** The causes of one complaint's sentences with what the combination made of every hit. */
    public SignalCombiner.Combination combination(List<SentenceAnalysis> sentences) {
        return matcher.combination(sentences, vectorJudgements(sentences));
    }

    /** Every signal's judgements of one sentence, in signal order: for {@code explain}. */
    public List<SignalHit> judgements(SentenceAnalysis sentence) {
        List<SignalHit> judged = new ArrayList<>();
        for (CauseSignal signal : signals) {
            judged.addAll(signal.judge(sentence, signal == examples ? vector(sentence) : null));
        }
        return judged;
    }

    /** The vector-reading signals' judgements per sentence index (empty without the layer). */
    private Map<Integer, List<SignalHit>> vectorJudgements(List<SentenceAnalysis> sentences) {
        Map<Integer, List<SignalHit>> judged = new HashMap<>();
        if (examples == null) {
            return judged;
        }
        for (SentenceAnalysis s : sentences) {
            if (s.text() != null) {
                judged.put(s.index(), examples.judge(s, vector(s)));
            }
        }
        return judged;
    }

    private float[] vector(SentenceAnalysis s) {
        return s.text() == null ? null : SentenceEmbedder.shared(taxonomy.semantic().encoder()).embed(s.text());
    }

    /** Tokens of a sentence, as the semantic layer counts them. */
    public static int tokens(SentenceAnalysis s) {
        return s.tokenEnd() - s.tokenBegin();
    }
}
