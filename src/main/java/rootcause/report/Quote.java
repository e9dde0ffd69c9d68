package rootcause.report;

/**
 * A short redacted verbatim sentence from one complaint, shown as evidence for a cause.
 *
 * @param month       {@code YYYY-MM}
 * @param causeId     the cause it illustrates
 * @param complaintId the complaint it comes from
 * @param text        the sentence, already redacted upstream, cleaned and shortened by {@link #shorten}
 * @param polarity    the sentence's polarity in [-1, 1] (the nlp stage's sentiment layer)
 * @param matchedBy   how the cause was found in it ({@link rootcause.model.Evidence#PATTERN} or
 *                    {@link rootcause.model.Evidence#MODEL}); null for an unclassified complaint's sentence
 * @param matchedLemmas a pattern match: the lemmas it covered; otherwise null
 * @param kind        why it was chosen: {@link #MOST_NEGATIVE} or {@link #TYPICAL}
 */
public record Quote(String month, String causeId, String complaintId, String text, double polarity, String matchedBy,
                    String matchedLemmas, String kind) {

    public static final int MAX_LENGTH = 240;
    /** Among the most negative sentences of the cause's complaints. */
    public static final String MOST_NEGATIVE = "most_negative";
    /** Typical of the cause: its sentiment nearest the cause's median (docs/REPORTS.md). */
    public static final String TYPICAL = "typical";

    public Quote {
        if (!MOST_NEGATIVE.equals(kind) && !TYPICAL.equals(kind)) {
            throw new IllegalArgumentException("quote kind must be " + MOST_NEGATIVE + " or " + TYPICAL + ": " + kind);
        }
    }

    /** One of the most negative quotes. */
    public Quote(String month, String causeId, String complaintId, String text, double polarity, String matchedBy,
                 String matchedLemmas) {
        this(month, causeId, complaintId, text, polarity, matchedBy, matchedLemmas, MOST_NEGATIVE);
    }

    /** One of the most negative quotes, with no evidence to mark in it. */
    public Quote(String month, String causeId, String complaintId, String text, double polarity) {
        this(month, causeId, complaintId, text, polarity, null, null);
    }

    public boolean typical() {
        return TYPICAL.equals(kind);
    }

    /** The words the pattern matched, as a range of {@link #text()}, or null (model match, or not found). */
    MatchedWords.Span matchedWords() {
        return rootcause.model.Evidence.PATTERN.equals(matchedBy) ? MatchedWords.locate(text, matchedLemmas) : null;
    }

    /** The text with the matched words in square brackets, as {@code quotes.csv} shows them. */
    public String bracketed() {
        MatchedWords.Span s = matchedWords();
        return s == null ? text : text.substring(0, s.start()) + "[" + text.substring(s.start(), s.end()) + "]"
                + text.substring(s.end());
    }

    /** The text in three parts, before, matched (bold in the report) and after; matched is empty when none. */
    java.util.Map<String, String> parts() {
        MatchedWords.Span s = matchedWords();
        return s == null ? java.util.Map.of("before", text, "matched", "", "after", "")
                : java.util.Map.of("before", text.substring(0, s.start()), "matched", text.substring(s.start(), s.end()),
                "after", text.substring(s.end()));
    }

    /**
     * Removes control characters (they would break the XHTML the PDF is made from), collapses white space
     * and cuts at a word boundary to at most {@link #MAX_LENGTH} characters, ending with an ellipsis.
     */
    public static String shorten(String sentence) {
        String clean = clean(sentence);
        if (clean.length() <= MAX_LENGTH) {
            return clean;
        }
        int cut = clean.lastIndexOf(' ', MAX_LENGTH - 1);
        return clean.substring(0, cut > MAX_LENGTH / 2 ? cut : MAX_LENGTH - 1).strip() + "…";
    }

    /**
     * The sentence as a quote shows it: cleaned as by {@link #shorten}, and, when it is too long and a pattern matched
     * words in it, cut around those words rather than from the start (a long CFPB narrative sentence often names the
     * cause near its end): a window of at most {@link #MAX_LENGTH} characters, the matched words in its middle, cut at
     * words, with an ellipsis on each side cut. Without matched words (a model match, an unclassified complaint) it
     * is {@link #shorten}.
     */
    public static String excerpt(String sentence, String matchedBy, String matchedLemmas) {
        String clean = clean(sentence);
        MatchedWords.Span evidence = clean.length() <= MAX_LENGTH || !rootcause.model.Evidence.PATTERN.equals(matchedBy)
                ? null : MatchedWords.locate(clean, matchedLemmas);
        String fromStart = shorten(clean);
        if (evidence == null || MatchedWords.locate(fromStart, matchedLemmas) != null) {
            return fromStart;
        }
        int room = MAX_LENGTH - 2; // an ellipsis at each end
        int margin = (room - (evidence.end() - evidence.start())) / 2; // context each side; < 0: evidence too long
        int from = Math.max(0, Math.min(evidence.start(), evidence.start() - margin));
        int to = Math.min(clean.length(), from + room);
        from = Math.max(0, Math.min(from, to - room));
        // whole words only, never cutting into the evidence
        int space = clean.indexOf(' ', from);
        if (from > 0 && space >= 0 && space < evidence.start()) {
            from = space + 1;
        }
        space = clean.lastIndexOf(' ', to);
        if (to < clean.length() && space >= evidence.end()) {
            to = space;
        }
        return (from > 0 ? "…" : "") + clean.substring(from, to).strip() + (to < clean.length() ? "…" : "");
    }

    private static String clean(String sentence) {
        return sentence == null ? ""
                : sentence.replaceAll("[\\p{Cntrl}&&[^\\t\\n\\r]]", "").replaceAll("\\s+", " ").strip();
    }
}
