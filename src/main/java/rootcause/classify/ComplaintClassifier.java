package rootcause.classify;

import rootcause.embed.SentenceEmbedder;
import rootcause.model.CauseMatch;
import rootcause.model.SentenceAnalysis;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The classify stage's decision for one complaint, on the driver: the patterns plus the semantic layer, with the
 * same pure parts the Spark stage runs on executors ({@link CauseMatcher}, {@link ExampleMatcher}). For
 * {@code explain}, {@code evaluate-taxonomy} and {@code train-causes}. Thread-safe.
 */
public final class ComplaintClassifier {
    private final Taxonomy taxonomy;
    private final CauseMatcher patterns;
    private final ExampleMatcher examples;

    public ComplaintClassifier(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
        this.patterns = CauseMatcher.shared(taxonomy);
        this.examples = taxonomy.hasSemanticLayer() ? ExampleMatcher.shared(taxonomy) : null;
    }

    public Taxonomy taxonomy() {
        return taxonomy;
    }

    public CauseMatcher patterns() {
        return patterns;
    }

    /** The semantic layer, or null when the taxonomy has none. */
    public ExampleMatcher examples() {
        return examples;
    }

    /** The causes of one complaint's sentences. */
    public List<CauseMatch> classify(List<SentenceAnalysis> sentences) {
        return patterns.match(sentences, modelHits(sentences));
    }

    /** The semantic layer's hits per sentence index (empty without the layer). */
    public Map<Integer, List<ModelHit>> modelHits(List<SentenceAnalysis> sentences) {
        Map<Integer, List<ModelHit>> hits = new HashMap<>();
        if (examples == null) {
            return hits;
        }
        for (SentenceAnalysis s : sentences) {
            if (s.text() != null) {
                hits.put(s.index(), examples.hits(SentenceEmbedder.shared(taxonomy.semantic().encoder()).embed(s.text()), tokens(s)));
            }
        }
        return hits;
    }

    /** Tokens of a sentence, as the semantic layer counts them. */
    public static int tokens(SentenceAnalysis s) {
        return s.tokenEnd() - s.tokenBegin();
    }
}
