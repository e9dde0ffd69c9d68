package rootcause.nlp;

import rootcause.model.DocumentAnalysis;
import rootcause.model.SentenceAnalysis;

import java.util.List;

/**
 * Document sentiment from sentence sentiment. Pure; runs anywhere.
 *
 * <p>A sentence's class c in 0..4 maps to (c - 2) / 2 in [-1, 1]. The document score is the mean of those
 * values weighted by each sentence's token count, over sentences whose sentiment is known, so one long
 * angry paragraph outweighs a short "Thanks." Labels cut the score at ±0.2 and ±0.6.
 */
public final class SentimentScore {
    private SentimentScore() {}

    /** Maps a CoreNLP class 0..4 to [-1, 1]. */
    public static double value(int sentimentClass) {
        return (sentimentClass - 2) / 2.0;
    }

    /** Token-weighted mean of the known sentence values; 0 when none is known. */
    public static double weightedScore(List<SentenceAnalysis> sentences) {
        double sum = 0;
        long weight = 0;
        for (SentenceAnalysis s : sentences) {
            if (s.hasSentiment()) {
                int tokens = Math.max(1, s.tokenEnd() - s.tokenBegin());
                sum += tokens * value(s.sentiment());
                weight += tokens;
            }
        }
        return weight == 0 ? 0.0 : sum / weight;
    }

    /** One of {@link DocumentAnalysis#SENTIMENT_LABELS}: the score's band, cut at ±0.2 and ±0.6. */
    public static String label(double score) {
        if (score <= -0.6) return DocumentAnalysis.SENTIMENT_LABELS.get(0);
        if (score < -0.2) return DocumentAnalysis.SENTIMENT_LABELS.get(1);
        if (score <= 0.2) return DocumentAnalysis.SENTIMENT_LABELS.get(2);
        if (score < 0.6) return DocumentAnalysis.SENTIMENT_LABELS.get(3);
        return DocumentAnalysis.SENTIMENT_LABELS.get(4);
    }

    static DocumentAnalysis summarise(List<SentenceAnalysis> sentences, int tooLong) {
        double score = weightedScore(sentences);
        SentenceAnalysis mostNegative = null;
        for (SentenceAnalysis s : sentences) {
            if (s.hasSentiment() && (mostNegative == null || s.sentiment() < mostNegative.sentiment())) {
                mostNegative = s;
            }
        }
        return new DocumentAnalysis(List.copyOf(sentences), score, label(score),
                mostNegative == null ? null : mostNegative.text(), tooLong);
    }
}
