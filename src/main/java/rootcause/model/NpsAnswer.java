package rootcause.model;

/**
 * The bands of a Net Promoter Score answer, a 0–10 "how likely are you to recommend us": 0–6 a detractor, 7–8
 * passive, 9–10 a promoter. The per-cause NPS points ({@code metric.NpsPoints}) and the NPS label scale of
 * {@code train-sentiment} ({@code sentiment.PolarityLabels.NPS}: detractor negative, passive neutral, promoter positive)
 * both cut here. Pure.
 */
public final class NpsAnswer {
    /** The lowest and the highest answer; a score outside them is not an answer. */
    public static final double LOWEST = 0;
    public static final double HIGHEST = 10;
    /** The highest answer of a detractor. */
    public static final double DETRACTOR_AT_MOST = 6;
    /** The lowest answer of a promoter. */
    public static final double PROMOTER_AT_LEAST = 9;

    private NpsAnswer() {}
}
