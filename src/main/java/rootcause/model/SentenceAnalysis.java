package rootcause.model;

import java.io.Serializable;
import java.util.List;

/**
 * One sentence of a complaint as the nlp stage sees it.
 *
 * @param index                  0-based position of the sentence in the complaint
 * @param text                   the sentence text (already redacted)
 * @param sentiment              CoreNLP sentiment class 0 (very negative) .. 4 (very positive); {@link #UNKNOWN}
 *                               when the sentence was too long to parse or no parser ran
 * @param sentimentProbabilities CoreNLP's probabilities of the five classes at the root, in class order; empty
 *                               when the class is unknown
 * @param polarity               the complaint-domain polarity layer's score of the sentence alone, in [-1, 1]
 *                               (P(positive) - P(negative))
 * @param tokenBegin             index of the sentence's first token in the complaint
 * @param tokenEnd               index one past its last token
 * @param lemmas                 lower-cased lemmas of its tokens, in order
 */
public record SentenceAnalysis(int index, String text, int sentiment, List<Double> sentimentProbabilities,
                               double polarity, int tokenBegin, int tokenEnd, List<String> lemmas)
        implements Serializable {
    public static final int UNKNOWN = -1;

    /**
     * Field names of one element of the {@code sentences} column (the nlp stage's output, {@link DataContract#SENTENCE}, which gives their order):
     * what every stage that reads a sentence struct reads it by.
     */
    public static final String INDEX = "index";
    public static final String TEXT = "text";
    public static final String SENTIMENT = "sentiment";
    public static final String SENTIMENT_PROBABILITIES = "sentiment_probabilities";
    public static final String POLARITY = "polarity";
    public static final String TOKEN_BEGIN = "token_begin";
    public static final String TOKEN_END = "token_end";
    public static final String LEMMAS = "lemmas";

    public SentenceAnalysis {
        sentimentProbabilities = List.copyOf(sentimentProbabilities);
        lemmas = List.copyOf(lemmas);
    }

    /** A sentence as CoreNLP alone reads it: no class probabilities, polarity from the class ((c - 2) / 2, 0 unknown). */
    public SentenceAnalysis(int index, String text, int sentiment, int tokenBegin, int tokenEnd, List<String> lemmas) {
        this(index, text, sentiment, List.of(), sentiment == UNKNOWN ? 0.0 : (sentiment - 2) / 2.0,
                tokenBegin, tokenEnd, lemmas);
    }

    public boolean hasSentiment() {
        return sentiment != UNKNOWN;
    }

    public int tokens() {
        return tokenEnd - tokenBegin;
    }

    /** The same sentence with the polarity layer's score. */
    public SentenceAnalysis withPolarity(double score) {
        return new SentenceAnalysis(index, text, sentiment, sentimentProbabilities, score, tokenBegin, tokenEnd, lemmas);
    }
}
