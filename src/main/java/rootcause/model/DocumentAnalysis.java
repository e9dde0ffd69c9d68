package rootcause.model;

import java.io.Serializable;
import java.util.List;

/**
 * What the nlp stage learns about one complaint text.
 *
 * @param sentences            its sentences in order
 * @param sentimentScore       the polarity layer's P(positive) - P(negative) in [-1, 1] (CoreNLP alone: its
 *                             length-weighted mean sentence class mapped to [-1, 1])
 * @param sentimentLabel       the layer's "negative", "neutral" or "positive" (CoreNLP alone: one of
 *                             {@link #SENTIMENT_LABELS})
 * @param mostNegativeSentence text of the sentence with the lowest polarity (first on ties), or null
 * @param sentencesTooLong     sentences skipped by the parser because they exceeded the length cap
 */
public record DocumentAnalysis(List<SentenceAnalysis> sentences, double sentimentScore, String sentimentLabel,
                               String mostNegativeSentence, int sentencesTooLong) implements Serializable {

    /** CoreNLP's five sentiment labels, the label of sentence class c (0..4) at index c. */
    public static final List<String> SENTIMENT_LABELS = List.of("very negative", "negative", "neutral", "positive",
            "very positive");
}
