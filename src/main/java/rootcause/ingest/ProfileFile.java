package rootcause.ingest;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** The keys of a source profile YAML file as Jackson binds them, before {@link SourceProfileLoader} validates them. */
record ProfileFile(String name, String description, String encoding, Columns columns,
                   @JsonProperty("date_formats") List<String> dateFormats,
                   @JsonProperty("null_values") List<String> nullValues,
                   @JsonProperty("missing_text") String missingText,
                   @JsonProperty("max_text_chars") Integer maxTextChars, List<Filter> filters,
                   java.util.LinkedHashMap<String, String> outcomes,
                   @JsonProperty("score_scale") String scoreScale) {

    record Columns(String id, String text, String date, String channel, String product, String region, String score) {
    }

    record Filter(String column, List<String> keep, String reason) {
    }
}
