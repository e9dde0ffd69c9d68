package rootcause.sentiment;

import rootcause.model.NpsAnswer;

import java.util.Collection;
import java.util.Locale;

/**
 * How an export's label column maps to polarity. Pure. Three declared scales:
 * <ul>
 *   <li>{@link #WORDS}: negative / neutral / positive (also neg, neu, pos; any case);</li>
 *   <li>{@link #FIVE_POINT}: a 1–5 score (CSAT, stars): 1–2 negative, 3 neutral, 4–5 positive;</li>
 *   <li>{@link #NPS}: a 0–10 likelihood to recommend, in {@link NpsAnswer}'s bands: 0–6 negative, 7–8 neutral,
 *   9–10 positive.</li>
 * </ul>
 * {@link #detect} picks the scale from the values present.
 */
public enum PolarityLabels {
    WORDS, FIVE_POINT, NPS;

    /** The polarity of one label value, or null when the value is not on this scale (the row is skipped). */
    public Polarity map(String value) {
        if (value == null || value.isBlank()) return null;
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (this == WORDS) {
            return switch (v) {
                case "negative", "neg" -> Polarity.NEGATIVE;
                case "neutral", "neu" -> Polarity.NEUTRAL;
                case "positive", "pos" -> Polarity.POSITIVE;
                default -> null;
            };
        }
        Double parsed = number(v);
        if (parsed == null) return null;
        double score = parsed;
        if (this == FIVE_POINT) {
            if (score < 1 || score > 5) return null;
            return score <= 2 ? Polarity.NEGATIVE : score < 4 ? Polarity.NEUTRAL : Polarity.POSITIVE;
        }
        if (score < NpsAnswer.LOWEST || score > NpsAnswer.HIGHEST) return null;
        return score <= NpsAnswer.DETRACTOR_AT_MOST ? Polarity.NEGATIVE
                : score < NpsAnswer.PROMOTER_AT_LEAST ? Polarity.NEUTRAL : Polarity.POSITIVE;
    }

    /** Words when most values are words; otherwise five-point when no number exceeds 5, else NPS. */
    public static PolarityLabels detect(Collection<String> values) {
        long words = values.stream().filter(v -> WORDS.map(v) != null).count();
        long numbers = values.stream().filter(v -> NPS.map(v) != null).count();
        if (words == 0 && numbers == 0) {
            throw new IllegalArgumentException("the label column holds neither negative/neutral/positive nor scores 0-10");
        }
        if (words >= numbers) return WORDS;
        boolean aboveFive = values.stream().filter(v -> NPS.map(v) != null).anyMatch(v -> number(v.trim()) > 5);
        return aboveFive ? NPS : FIVE_POINT;
    }

    /**
     * A score written as a decimal number in ASCII ("9", "4.0", "1e1"), or null: not Java's wider {@code parseDouble}
     * syntax, whose "NaN", "Infinity", "9d" and "0x1p3" are no scores, nor other scripts' digits, which
     * {@code BigDecimal} would read ("٩", full-width "９").
     */
    private static Double number(String value) {
        if (!value.chars().allMatch(c -> c < 128)) {
            return null;
        }
        try {
            return new java.math.BigDecimal(value).doubleValue();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public static PolarityLabels parse(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
