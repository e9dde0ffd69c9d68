package rootcause.classify;

import rootcause.model.CauseMatch;
import rootcause.model.Columns;
import rootcause.model.SentenceAnalysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the taxonomy's causes in a complaint's sentences: applies the signals that read no sentence vectors (the
 * patterns, {@link PatternSignal}) and combines their hits with those of the signals the caller applied to the
 * sentences' vectors ({@link ExampleMatcher}), by the taxonomy's {@link SignalCombiner}.
 * Pure; runs on executors (one per JVM via {@link #shared}) and on the driver.
 */
public final class CauseMatcher {
    private static final Map<Taxonomy, CauseMatcher> SHARED = new ConcurrentHashMap<>();

    private final Taxonomy taxonomy;
    private final List<CauseSignal> signals;
    private final SignalCombiner combiner;

    public CauseMatcher(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
        this.signals = CauseSignals.approaches(taxonomy).stream().filter(a -> !a.readsVectors())
                .map(a -> a.fit(taxonomy, null)).toList();
        this.combiner = SignalCombiner.of(taxonomy);
    }

    /** The one matcher for this taxonomy in this JVM: executors compile the patterns once, not per task. */
    public static CauseMatcher shared(Taxonomy taxonomy) {
        return SHARED.computeIfAbsent(taxonomy, CauseMatcher::new);
    }

    public Taxonomy taxonomy() {
        return taxonomy;
    }

    public SignalCombiner combiner() {
        return combiner;
    }

    /** The signals this matcher applies itself: those that read no vectors. */
    public List<CauseSignal> signals() {
        return signals;
    }

    /** The causes its own signals find in a complaint, in taxonomy order, each with its evidence and sentiment. */
    public List<CauseMatch> match(List<SentenceAnalysis> sentences) {
        return match(sentences, Map.of());
    }

    /**
     * The causes found in a complaint by its own signals and by the other signals' judgements (per sentence index),
     * in taxonomy order, each with its evidence and sentiment.
     */
    public List<CauseMatch> match(List<SentenceAnalysis> sentences, Map<Integer, List<SignalHit>> vectorJudgements) {
        return combination(sentences, vectorJudgements).matches();
    }

    /** The combination, with what it made of every hit: for {@code explain}. */
    public SignalCombiner.Combination combination(List<SentenceAnalysis> sentences,
                                                  Map<Integer, List<SignalHit>> vectorJudgements) {
        Map<Integer, List<SignalHit>> judgements = new HashMap<>();
        for (SentenceAnalysis s : sentences) {
            List<SignalHit> judged = new ArrayList<>();
            for (CauseSignal signal : signals) {
                judged.addAll(signal.judge(s, null));
            }
            judged.addAll(vectorJudgements.getOrDefault(s.index(), List.of()));
            judgements.put(s.index(), judged);
        }
        return combiner.combine(sentences, judgements);
    }

    /** The ids of the matched causes, or {@code ["unclassified"]} when none matched. */
    public static List<String> causeIds(List<CauseMatch> matches) {
        if (matches.isEmpty()) {
            return List.of(Columns.UNCLASSIFIED);
        }
        return matches.stream().map(CauseMatch::causeId).toList();
    }
}
