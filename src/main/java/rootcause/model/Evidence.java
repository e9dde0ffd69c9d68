package rootcause.model;

import java.io.Serializable;

/**
 * Why a cause was matched: the words that matched and the sentence they are in.
 *
 * @param phrase            the taxonomy pattern that matched
 * @param matchedText       the complaint's own words that matched it
 * @param sentenceIndex     0-based index of the sentence
 * @param sentence          the sentence text (redacted)
 * @param sentenceSentiment that sentence's sentiment class, 0..4 or -1 unknown
 */
public record Evidence(String phrase, String matchedText, int sentenceIndex, String sentence,
                       int sentenceSentiment) implements Serializable {
}
