package rootcause.model;

import java.io.Serializable;
import java.util.List;

/**
 * One sentence of a complaint as the nlp stage sees it.
 *
 * @param index      0-based position of the sentence in the complaint
 * @param text       the sentence text (already redacted)
 * @param sentiment  CoreNLP sentiment class 0 (very negative) .. 4 (very positive); {@link #UNKNOWN}
 *                   when the sentence was too long to parse
 * @param tokenBegin index of the sentence's first token in the complaint
 * @param tokenEnd   index one past its last token
 * @param lemmas     lower-cased lemmas of its tokens, in order
 */
public record SentenceAnalysis(int index, String text, int sentiment, int tokenBegin, int tokenEnd,
                               List<String> lemmas) implements Serializable {
    public static final int UNKNOWN = -1;

    public boolean hasSentiment() {
        return sentiment != UNKNOWN;
    }
}
