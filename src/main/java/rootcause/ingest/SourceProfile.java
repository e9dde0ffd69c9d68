package rootcause.ingest;

import java.io.Serializable;
import java.util.List;

/**
 * How to read one kind of complaint export: which columns hold what, how dates look, which rows to keep.
 * Built only by {@link SourceProfileLoader}, so an instance is always valid.
 *
 * @param name         profile name, also the {@code source} of every complaint read through it
 * @param description  one line for humans
 * @param encoding     file encoding, e.g. UTF-8
 * @param columns      export column names for each canonical field
 * @param dateFormats  java.time patterns tried in order (English month and day names)
 * @param nullValues   cell values that mean "no value", e.g. {@code None}, {@code N/A}
 * @param missingText  what a row without text is: {@link MissingText#FILTER} (valid, nothing to analyse) or
 *                     {@link MissingText#REJECT}
 * @param maxTextChars texts longer than this are rejected as {@code text_too_long}
 * @param filters      rules that exclude valid rows, each counted under its own reason
 * @param outcomes     categorical results to report per cause, outcome name → export column, in order (e.g.
 *                     {@code company_response: Company response to consumer}); empty when none
 * @param scoreScale   the scale of the {@code score} column: {@link rootcause.model.Columns#NPS_SCALE} (0–10 answers,
 *                     which also give each cause its NPS points) or null (any numeric score)
 */
public record SourceProfile(String name, String description, String encoding, ColumnMapping columns,
                            List<String> dateFormats, List<String> nullValues, MissingText missingText,
                            int maxTextChars, List<RowFilter> filters, java.util.Map<String, String> outcomes,
                            String scoreScale)
        implements Serializable {

    public SourceProfile {
        outcomes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outcomes));
    }

    /** Export column names for each canonical field; {@code id}, {@code text}, {@code date} are required. */
    public record ColumnMapping(String id, String text, String date, String channel, String product,
                                String region, String score) implements Serializable {
        /** Canonical field name → export column, for the fields this profile maps. */
        public java.util.Map<String, String> mapped() {
            java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
            m.put("id", id);
            m.put("text", text);
            m.put("date", date);
            if (channel != null) m.put("channel", channel);
            if (product != null) m.put("product", product);
            if (region != null) m.put("region", region);
            if (score != null) m.put("score", score);
            return m;
        }
    }

    /** Keeps a row only when {@code column}'s value is one of {@code keep}; other rows are filtered as {@code reason}. */
    public record RowFilter(String column, List<String> keep, String reason) implements Serializable {}

    public enum MissingText { FILTER, REJECT }
}
