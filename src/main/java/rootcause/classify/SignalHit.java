package rootcause.classify;

import java.io.Serializable;

/**
 * What one {@link CauseSignal} says about one cause in one sentence: a hit that fires, or a judgement that did not
 * fire with the reason (for {@code explain}, and as a score another signal's hit may need confirming by).
 *
 * @param signal        the signal's name, which a cause's evidence carries as {@code matched_by}
 * @param causeId       the cause
 * @param sentenceIndex the sentence
 * @param fires         true when the signal finds the cause there on its own
 * @param score         how strongly it does (a probability or a similarity); null for a signal without a score
 * @param phrase        what the evidence names: the pattern, or the nearest example
 * @param matchedText   the words that matched (a pattern's lemmas); null for the whole sentence
 * @param reason        why it fired or not, in words, for {@code explain}; null when a firing hit needs no words
 */
public record SignalHit(String signal, String causeId, int sentenceIndex, boolean fires, Double score,
                        String phrase, String matchedText, String reason) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The score, or negative infinity for a signal without one. */
    public double scoreOrLowest() {
        return score == null ? Double.NEGATIVE_INFINITY : score;
    }
}
