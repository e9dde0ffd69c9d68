package rootcause.evaluation.causes;

import rootcause.evaluation.EvaluationCorpus;

import rootcause.classify.CauseMatcher;
import rootcause.classify.ComplaintClassifier;
import rootcause.classify.ExampleMatcher;
import rootcause.classify.SemanticSettings;
import rootcause.classify.SignalHit;
import rootcause.classify.Taxonomy;
import rootcause.model.CauseMatch;
import rootcause.model.SentenceAnalysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One complaint analysed once for evaluation and training: its sentences and every sentence's similarity to
 * every cause's examples. Deciding again with other thresholds needs no new embedding.
 *
 * @param complaint the cleaned complaint
 * @param sentences its sentences (lemmas from the nlp stage's tokenizer)
 * @param vectors   per sentence (same order), its embedding (null for a sentence without text); empty without the layer
 * @param scores    per sentence (same order), the semantic layer's score against every cause; empty without the layer
 */
public record ScoredComplaint(EvaluationCorpus.Complaint complaint, List<SentenceAnalysis> sentences,
                              List<float[]> vectors, List<List<ExampleMatcher.Score>> scores) {

    /** The causes with the taxonomy's own thresholds. */
    public List<CauseMatch> classify(CauseMatcher patterns) {
        return patterns.match(sentences, hits(patterns, null, null));
    }

    /**
     * The causes with other semantic settings and per-cause thresholds (null: the taxonomy's); with
     * {@code settings} null as well, the taxonomy's own.
     */
    public List<CauseMatch> classify(CauseMatcher patterns, SemanticSettings settings, Map<String, Double> thresholds) {
        return patterns.match(sentences, hits(patterns, settings, thresholds));
    }

    /** The cause ids found, as a set. */
    public static Set<String> ids(List<CauseMatch> matches) {
        Set<String> ids = new LinkedHashSet<>();
        matches.forEach(m -> ids.add(m.causeId()));
        return ids;
    }

    /**
     * The semantic layer's judgements per sentence index, as the job passes them to the combiner: every judgement
     * the combination uses ({@link rootcause.classify.SignalCombiner#uses}), so a pattern is confirmed by the same
     * probabilities as in a run. A judgement fires where it is a model match at the taxonomy's thresholds, or at
     * {@code settings} and {@code thresholds} when a sweep or a cross-validation fold gives them.
     */
    private Map<Integer, List<SignalHit>> hits(CauseMatcher matcher, SemanticSettings settings, Map<String, Double> thresholds) {
        Map<Integer, List<SignalHit>> hits = new HashMap<>();
        Map<String, Double> perCause = thresholds == null ? Map.of() : thresholds;
        for (int i = 0; i < scores.size(); i++) {
            SentenceAnalysis s = sentences.get(i);
            List<SignalHit> sentenceHits = new ArrayList<>();
            for (ExampleMatcher.Score sc : scores.get(i)) {
                boolean fires = settings == null ? sc.matches()
                        : sc.nearestExample() != null && ExampleMatcher.matches(sc.similarity(), sc.counterSimilarity(),
                        sc.probability(), ComplaintClassifier.tokens(s),
                        perCause.getOrDefault(sc.causeId(), settings.threshold()), settings);
                SignalHit hit = new SignalHit(ExampleMatcher.NAME, sc.causeId(), s.index(), fires, sc.score(),
                        sc.nearestExample(), null, sc.reason());
                if (matcher.combiner().uses(hit)) {
                    sentenceHits.add(hit);
                }
            }
            hits.put(s.index(), sentenceHits);
        }
        return hits;
    }

    /** Analyses one complaint: lemmas, then one embedding per sentence scored against every cause. */
    public static ScoredComplaint of(EvaluationCorpus.Complaint complaint, List<SentenceAnalysis> sentences,
                                     Taxonomy taxonomy, java.util.function.Function<String, float[]> embed) {
        List<float[]> vectors = new ArrayList<>();
        if (taxonomy.hasSemanticLayer()) {
            for (SentenceAnalysis s : sentences) {
                vectors.add(s.text() == null ? null : embed.apply(s.text()));
            }
        }
        return new ScoredComplaint(complaint, sentences, vectors, List.of())
                .rescored(taxonomy.hasSemanticLayer() ? ExampleMatcher.shared(taxonomy) : null);
    }

    /** The same complaint scored by another semantic layer (a trained one), without embedding again. */
    public ScoredComplaint rescored(ExampleMatcher examples) {
        List<List<ExampleMatcher.Score>> scores = new ArrayList<>();
        if (examples != null) {
            for (int i = 0; i < sentences.size(); i++) {
                scores.add(vectors.get(i) == null ? List.of()
                        : examples.scores(vectors.get(i), ComplaintClassifier.tokens(sentences.get(i))));
            }
        }
        return new ScoredComplaint(complaint, sentences, vectors, scores);
    }
}
