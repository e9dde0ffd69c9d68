package rootcause.sentiment;

import java.util.Locale;

/** Three-way sentiment, the common ground of CoreNLP's five classes and the human labels. Pure. */
public enum Polarity {
    NEGATIVE, NEUTRAL, POSITIVE;

    /** CoreNLP class 0-1 negative, 2 neutral, 3-4 positive; -1 (unknown) counts as neutral. */
    public static Polarity ofSentenceClass(int sentimentClass) {
        if (sentimentClass < 0 || sentimentClass == 2) return NEUTRAL;
        return sentimentClass < 2 ? NEGATIVE : POSITIVE;
    }

    /** A document label ("very negative" .. "very positive") collapsed to three classes. */
    public static Polarity ofDocumentLabel(String label) {
        return switch (label) {
            case "very negative", "negative" -> NEGATIVE;
            case "neutral" -> NEUTRAL;
            case "positive", "very positive" -> POSITIVE;
            default -> throw new IllegalArgumentException("unknown sentiment label '" + label + "'");
        };
    }

    /** "negative", "neutral" or "positive", as the airline file writes them. */
    public static Polarity parse(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }

    public String lowerName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
