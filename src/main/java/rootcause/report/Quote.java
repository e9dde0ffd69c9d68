package rootcause.report;

/**
 * A short redacted verbatim sentence from one complaint, shown as evidence for a cause.
 *
 * @param month       {@code YYYY-MM}
 * @param causeId     the cause it illustrates
 * @param complaintId the complaint it comes from
 * @param text        the sentence, already redacted upstream, cleaned and shortened by {@link #shorten}
 * @param polarity    the sentence's polarity in [-1, 1] (the nlp stage's sentiment layer)
 */
public record Quote(String month, String causeId, String complaintId, String text, double polarity) {

    public static final int MAX_LENGTH = 240;

    /**
     * Removes control characters (they would break the XHTML the PDF is made from), collapses white space
     * and cuts at a word boundary to at most {@link #MAX_LENGTH} characters, ending with an ellipsis.
     */
    public static String shorten(String sentence) {
        if (sentence == null) {
            return "";
        }
        String clean = sentence.replaceAll("[\\p{Cntrl}&&[^\\t\\n\\r]]", "").replaceAll("\\s+", " ").strip();
        if (clean.length() <= MAX_LENGTH) {
            return clean;
        }
        int cut = clean.lastIndexOf(' ', MAX_LENGTH - 1);
        return clean.substring(0, cut > MAX_LENGTH / 2 ? cut : MAX_LENGTH - 1).strip() + "…";
    }
}
