package rootcause.sentiment;

import rootcause.model.DocumentAnalysis;

import java.util.Locale;

/** Three-way sentiment, the common ground of CoreNLP's five classes and the human labels. Pure. */
public enum Polarity {
    NEGATIVE, NEUTRAL, POSITIVE;

    /** CoreNLP class 0-1 negative, 2 neutral, 3-4 positive; -1 (unknown) counts as neutral. */
    public static Polarity ofSentenceClass(int sentimentClass) {
        if (sentimentClass < 0 || sentimentClass == 2) return NEUTRAL;
        return sentimentClass < 2 ? NEGATIVE : POSITIVE;
    }

    /**
     * A document label, one of {@link DocumentAnalysis#SENTIMENT_LABELS} ("very negative" .. "very positive"), collapsed
     * to three classes as its sentence class would be.
     */
    public static Polarity ofDocumentLabel(String label) {
        int sentimentClass = DocumentAnalysis.SENTIMENT_LABELS.indexOf(label);
        if (sentimentClass < 0) {
            throw new IllegalArgumentException("unknown sentiment label '" + label + "'");
        }
        return ofSentenceClass(sentimentClass);
    }

    /** "negative", "neutral" or "positive", as the airline file writes them. */
    public static Polarity parse(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }

    public String lowerName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
