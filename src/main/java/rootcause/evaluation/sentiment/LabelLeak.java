package rootcause.evaluation.sentiment;

import java.util.regex.Pattern;

/**
 * Undoes the label leak of the Twitter US Airline Sentiment export: its makers replaced words in the tweets with
 * their own reason labels, so "Cancelled" reads "Cancelled Flightled" and "later" reads "Late Flightr". A model
 * trained on those tokens learns the annotation, not the customer. Pure.
 */
public final class LabelLeak {
    private LabelLeak() {}

    private static final Pattern CANCELLED = Pattern.compile("(?i)cancelled flight");
    private static final Pattern LATE = Pattern.compile("(?i)late flight");

    /** The text with the label names taken back out ("Cancelled Flightled" → "Cancelled", "Late Flightr" → "Later"). */
    public static String undo(String text) {
        if (text == null) return null;
        String t = CANCELLED.matcher(text).replaceAll("Cancel");
        return LATE.matcher(t).replaceAll("Late");
    }
}
