package rootcause.model;

import org.apache.spark.sql.Column;

import static org.apache.spark.sql.functions.col;

/**
 * What the job counts as a negative complaint: a document sentiment score below 0. The run's counts, the per-cause
 * negative share and the candidate terms all use this rule. The five display labels of
 * {@code nlp.SentimentScore.label} are a different thing: bands of the same score (its "negative" starts at -0.2).
 */
public final class NegativeComplaint {
    /** A complaint whose sentiment score is below this is negative. */
    public static final double BELOW = 0.0;

    private NegativeComplaint() {}

    public static boolean is(double sentimentScore) {
        return sentimentScore < BELOW;
    }

    /** The rule as a Spark column over {@link Columns#SENTIMENT_SCORE}. */
    public static Column column() {
        return col(Columns.SENTIMENT_SCORE).lt(BELOW);
    }
}
