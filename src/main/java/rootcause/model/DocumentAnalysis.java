package rootcause.model;

import java.io.Serializable;
import java.util.List;

/**
 * What the nlp stage learns about one complaint text.
 *
 * @param sentences            its sentences in order
 * @param sentimentScore       length-weighted mean sentence sentiment mapped to [-1, 1]; 0 when no sentence has one
 * @param sentimentLabel       "very negative", "negative", "neutral", "positive" or "very positive"
 * @param mostNegativeSentence text of the sentence with the lowest sentiment (first on ties), or null
 * @param sentencesTooLong     sentences skipped by the parser because they exceeded the length cap
 */
public record DocumentAnalysis(List<SentenceAnalysis> sentences, double sentimentScore, String sentimentLabel,
                               String mostNegativeSentence, int sentencesTooLong) implements Serializable {
}
