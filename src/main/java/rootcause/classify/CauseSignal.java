package rootcause.classify;

import rootcause.model.SentenceAnalysis;

import java.util.List;

/**
 * One way of finding causes in a complaint's sentences: the fitted half of an Approach → Model pair
 * ({@link SignalApproach} fits it once, from the taxonomy's data and labels; it is never refitted at run time).
 * Applied one sentence at a time; a {@link SignalCombiner} turns the hits of all signals into a complaint's causes.
 * Implementations are pure and serializable: executors apply them.
 */
public interface CauseSignal extends java.io.Serializable {
    /** The signal's name: what a cause's evidence says in {@code matched_by}. */
    String name();

    /**
     * Everything the signal says about one sentence: a hit per cause it finds there (several for one cause when
     * several of its rules fire) and, where it has them, the causes it judged but did not find, each with its reason.
     *
     * @param vector the sentence's embedding, or null for a signal that does not {@link SignalApproach#readsVectors}
     */
    List<SignalHit> judge(SentenceAnalysis sentence, float[] vector);

    /** What one of its judgements found, in words for {@code explain}: {@code pattern "rude*" matched "rude"}. */
    default String describe(SignalHit judgement) {
        return name() + " \"" + judgement.phrase() + "\"" + (judgement.matchedText() == null ? ""
                : " matched \"" + judgement.matchedText() + "\"") + (judgement.score() == null ? ""
                : String.format(java.util.Locale.ROOT, ", score %.3f", judgement.score()));
    }

    /** How {@code explain} labels a judgement that did not fire. */
    default String missLabel() {
        return "no " + name() + " match";
    }
}
