package rootcause.model;

import java.time.YearMonth;

/**
 * The months a report's trend looks at: {@link #MONTHS} months ending with the report's month. The report shows them;
 * the aggregation reads one month more before them, since the first month shown needs its previous month for its
 * change in share.
 */
public final class TrendWindow {
    private TrendWindow() {}

    /** Months of history the trend chart shows, ending with the report's month. */
    public static final int MONTHS = 12;

    /** The first month the trend of {@code month}'s report shows ({@link #MONTHS} - 1 months before it). */
    public static YearMonth firstShown(YearMonth month) {
        return month.minusMonths(MONTHS - 1L);
    }

    /** The first month whose statistics the trend of {@code month}'s report needs: the month before the first shown. */
    public static YearMonth firstRead(YearMonth month) {
        return month.minusMonths(MONTHS);
    }
}
