package rootcause.model;

import java.io.Serializable;

/**
 * Why a cause was matched: what found it, in which sentence.
 *
 * @param phrase            a pattern match: the taxonomy pattern; a model match: the nearest example sentence
 * @param matchedText       a pattern match: the complaint's own words that matched; a model match: the sentence
 * @param sentenceIndex     0-based index of the sentence
 * @param sentence          the sentence text (redacted)
 * @param sentenceSentiment that sentence's CoreNLP sentiment class, 0..4 or -1 unknown
 * @param sentencePolarity  that sentence's polarity from the nlp stage's sentiment layer, in [-1, 1]
 * @param matchedBy         {@link #PATTERN} or {@link #MODEL}
 * @param score             a model match: the cosine similarity to the nearest example; a pattern match: null
 */
public record Evidence(String phrase, String matchedText, int sentenceIndex, String sentence,
                       int sentenceSentiment, double sentencePolarity, String matchedBy, Double score)
        implements Serializable {
    /** Field names of the evidence struct in {@code causes[].evidence} (the classify stage's output). */
    public static final String PHRASE = "phrase";
    public static final String MATCHED_TEXT = "matched_text";
    public static final String SENTENCE_INDEX = "sentence_index";
    public static final String SENTENCE = "sentence";
    public static final String SENTENCE_SENTIMENT = "sentence_sentiment";
    public static final String SENTENCE_POLARITY = "sentence_polarity";
    public static final String MATCHED_BY = "matched_by";
    public static final String SCORE = "score";

    /** Found by a lemma pattern of the taxonomy. */
    public static final String PATTERN = "pattern";
    /** Found by the semantic layer (sentence embeddings against the taxonomy's examples). */
    public static final String MODEL = "model";

    /** Evidence from a pattern. */
    public static Evidence ofPattern(String pattern, String matchedText, int sentenceIndex, String sentence,
                                     int sentenceSentiment, double sentencePolarity) {
        return new Evidence(pattern, matchedText, sentenceIndex, sentence, sentenceSentiment, sentencePolarity, PATTERN, null);
    }
}
