package rootcause.clean;

import java.io.Serializable;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.text.StringEscapeUtils;

/**
 * Turns raw complaint text into clean, readable text for sentence splitting: HTML entities,
 * URLs, @handles, CFPB masks, control characters and whitespace. Stateless and thread-safe.
 */
public final class TextNormalizer implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final String URL_PLACEHOLDER = "<url>";
    public static final String HANDLE_PLACEHOLDER = "@user";
    public static final String REDACTED_PLACEHOLDER = "[redacted]";
    public static final String DATE_PLACEHOLDER = "[date]";

    // Trailing sentence punctuation is not part of a URL ("see https://x.co/a.").
    private static final Pattern URL = Pattern.compile(
            "(?i)\\b(?:https?://|www\\.)[^\\s<>\"]*[^\\s<>\".,;:!?)\\]}'*]");
    // Not after a word character or '@', so e-mail addresses stay whole for PiiRedactor.
    private static final Pattern HANDLE = Pattern.compile("(?<![\\w@])@\\w{1,30}+(?!@)");
    // CFPB writes masked dates as XX/XX/XXXX and often keeps the year: XX/XX/2019, XX/XX/19.
    private static final Pattern CFPB_DATE = Pattern.compile("\\bXX/XX/(?:XXXX|XX|\\d{4}|\\d{2})\\b");
    // CFPB masks names and numbers as XXXX; a run like "XXXX XXXX" or "XXXX/XXXX" is one masked thing.
    private static final Pattern CFPB_MASK = Pattern.compile("\\bX{2,}\\d*(?:[ /-]X{2,}\\d*)*\\b");
    // CFPB keeps amounts but wraps them in braces; the braces only mark them, so unwrap.
    private static final Pattern CFPB_AMOUNT = Pattern.compile("\\{(\\$[\\d,]*(?:\\.\\d+)?)\\}");
    // Zero-width and invisible format characters; control characters except newline and tab.
    private static final Pattern INVISIBLE = Pattern.compile(
            "[\\u200B\\u200C\\u200D\\u2060\\uFEFF\\u00AD\\u180E\\u2061-\\u2064]"
                    + "|[\\p{Cc}&&[^\\n\\t]]|[\\u202A-\\u202E\\u2066-\\u2069]");
    private static final Pattern HORIZONTAL_SPACE = Pattern.compile("[\\t\\x0B\\f\\p{Zs}]+");
    private static final Pattern LINE_SEPARATORS = Pattern.compile("\\r\\n?|[\\u2028\\u2029\\u0085]");
    private static final Pattern SPACE_AROUND_NEWLINE = Pattern.compile(" *\\n *");
    // CoreNLP splits sentences on two newlines, so any blank-line run becomes exactly one paragraph break.
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n{2,}");

    private static final Pattern RETWEET_PREFIX = Pattern.compile("^(?:rt\\s+@\\w+\\s*:?\\s*)+", Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}\\s]+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /** Returns the normalised text; {@code null} gives the empty string. */
    public String normalize(String raw) {
        if (raw == null) {
            return "";
        }
        String text = unescapeHtml(raw);
        text = Normalizer.normalize(text, Normalizer.Form.NFC);
        text = LINE_SEPARATORS.matcher(text).replaceAll("\n");
        text = INVISIBLE.matcher(text).replaceAll("");
        text = URL.matcher(text).replaceAll(URL_PLACEHOLDER);
        text = HANDLE.matcher(text).replaceAll(HANDLE_PLACEHOLDER);
        text = CFPB_DATE.matcher(text).replaceAll(Matcher.quoteReplacement(DATE_PLACEHOLDER));
        text = CFPB_MASK.matcher(text).replaceAll(Matcher.quoteReplacement(REDACTED_PLACEHOLDER));
        text = CFPB_AMOUNT.matcher(text).replaceAll("$1");
        text = HORIZONTAL_SPACE.matcher(text).replaceAll(" ");
        text = SPACE_AROUND_NEWLINE.matcher(text).replaceAll("\n");
        text = PARAGRAPH_BREAK.matcher(text).replaceAll("\n\n");
        return text.strip();
    }

    /** Number of @handles in the raw text (all of them become {@value #HANDLE_PLACEHOLDER}). */
    public static int countHandles(String raw) {
        if (raw == null) {
            return 0;
        }
        Matcher m = HANDLE.matcher(unescapeHtml(raw));
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /**
     * Key for exact duplicates of normalised text: lower case, punctuation and spacing ignored,
     * a leading "RT @user:" dropped so a retweet matches its original.
     */
    public static String duplicateKey(String normalized) {
        if (normalized == null) {
            return "";
        }
        String key = Normalizer.normalize(normalized, Normalizer.Form.NFKC).strip();
        key = RETWEET_PREFIX.matcher(key).replaceFirst("");
        key = key.toLowerCase(Locale.ROOT);
        key = NOT_WORD.matcher(key).replaceAll(" ");
        return WHITESPACE.matcher(key).replaceAll(" ").strip();
    }

    // Twitter exports are sometimes escaped twice ("&amp;amp;"); a second pass catches that.
    private static String unescapeHtml(String raw) {
        String once = StringEscapeUtils.unescapeHtml4(raw.replace("&apos;", "'"));
        return once.indexOf('&') < 0 ? once : StringEscapeUtils.unescapeHtml4(once);
    }
}
