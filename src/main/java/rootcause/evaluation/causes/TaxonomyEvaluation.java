package rootcause.evaluation.causes;

import rootcause.evaluation.EvaluationCorpus;

import rootcause.classify.Cause;
import rootcause.classify.CauseMatcher;
import rootcause.classify.SemanticSettings;
import rootcause.classify.Taxonomy;
import rootcause.embed.SentenceEmbedder;
import rootcause.nlp.LemmaAnalyzer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Scores a taxonomy (patterns plus its semantic layer) against hand labels, on complaints read through the job's
 * own stages ({@link EvaluationCorpus}). Sentences come from the nlp stage's tokenizer and lemmatiser without the
 * parser: the causes depend on lemmas and sentence text only, never on sentiment, so they are the job's.
 */
public final class TaxonomyEvaluation {
    private final Taxonomy taxonomy;
    private final CauseMatcher patterns;
    private final LemmaAnalyzer lemmas = new LemmaAnalyzer();
    /** Matchers for other pattern confirmations than the taxonomy's (a sweep's points), built once each. */
    private final Map<Double, CauseMatcher> byConfirm = new ConcurrentHashMap<>();

    public TaxonomyEvaluation(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
        this.patterns = CauseMatcher.shared(taxonomy);
    }

    public Taxonomy taxonomy() {
        return taxonomy;
    }

    public CauseMatcher patterns() {
        return patterns;
    }

    /** Every labelled complaint analysed once; fails listing every label whose complaint is not in the corpus. */
    public List<ScoredComplaint> analyse(Map<String, Set<String>> labels, Map<String, EvaluationCorpus.Complaint> corpus) {
        List<String> missing = labels.keySet().stream().filter(k -> !corpus.containsKey(k)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(missing.size() + " labelled complaint(s) are not among the accepted"
                    + " complaints of the inputs (wrong --input, or filtered/rejected): " + missing.subList(0, Math.min(10, missing.size())));
        }
        return analyse(labels.keySet().stream().map(corpus::get).toList());
    }

    /** Complaints analysed once each, on all cores. */
    public List<ScoredComplaint> analyse(Collection<EvaluationCorpus.Complaint> complaints) {
        return complaints.parallelStream()
                .map(c -> ScoredComplaint.of(c, lemmas.sentences(c.text()), taxonomy, t -> SentenceEmbedder.shared(taxonomy.semantic().encoder()).embed(t)))
                .toList();
    }

    /** Scores with the taxonomy's own settings. */
    public CauseScores score(List<ScoredComplaint> analysed, Map<String, Set<String>> labels) {
        return score(analysed, labels, null, null);
    }

    /** Scores with other semantic settings and per-cause thresholds (both null: the taxonomy's). */
    public CauseScores score(List<ScoredComplaint> analysed, Map<String, Set<String>> labels,
                             SemanticSettings settings, Map<String, Double> thresholds) {
        CauseScores scores = new CauseScores(taxonomy.causes().stream().map(Cause::id).toList());
        for (ScoredComplaint c : analysed) {
            scores.add(c.complaint().source(), labels.get(c.complaint().key()), predicted(c, settings, thresholds));
        }
        return scores;
    }

    /** The cause ids a complaint gets. */
    public Set<String> predicted(ScoredComplaint c, SemanticSettings settings, Map<String, Double> thresholds) {
        return ScoredComplaint.ids(settings == null ? c.classify(patterns) : c.classify(matcher(settings), settings, thresholds));
    }

    /** The matcher that combines the signals as {@code settings} say: the taxonomy's own, or one with their confirmation. */
    private CauseMatcher matcher(SemanticSettings settings) {
        if (!taxonomy.hasSemanticLayer() || settings.confirm() == taxonomy.semantic().confirm()) {
            return patterns;
        }
        return byConfirm.computeIfAbsent(settings.confirm(),
                c -> new CauseMatcher(taxonomy.withSemantic(taxonomy.semantic().withConfirm(c))));
    }

    /** Share of the complaints that get no cause. */
    public double unclassifiedShare(List<ScoredComplaint> analysed) {
        long none = analysed.stream().filter(c -> c.classify(patterns).isEmpty()).count();
        return analysed.isEmpty() ? Double.NaN : (double) none / analysed.size();
    }

    /** Lines "source id: gold [...] predicted [...]" for every complaint predicted wrongly (ids only, no text). */
    public List<String> errors(List<ScoredComplaint> analysed, Map<String, Set<String>> labels) {
        List<String> errors = new ArrayList<>();
        for (ScoredComplaint c : analysed) {
            Set<String> gold = labels.get(c.complaint().key());
            Set<String> predicted = predicted(c, null, null);
            if (!gold.equals(predicted)) {
                errors.add(c.complaint().source() + " " + c.complaint().id() + ": gold " + gold + " predicted " + predicted);
            }
        }
        return errors;
    }
}
