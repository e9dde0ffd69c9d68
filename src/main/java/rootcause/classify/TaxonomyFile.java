package rootcause.classify;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** The keys of a taxonomy YAML file as Jackson binds them, before {@link TaxonomyLoader} validates them. */
final class TaxonomyFile {
    private TaxonomyFile() {}

    record Root(String id, String version, List<Article> articles, List<Group> groups, List<RawCause> causes,
                Semantic semantic, List<String> background, List<Training> training) {
    }

    record Article(String file, String title) {
    }

    record Group(String id, String name) {
    }

    record RawCause(String id, String name, String group, String description, List<String> articles,
                    List<String> patterns, List<String> examples,
                    @JsonProperty("counter_examples") List<String> counterExamples, Double threshold,
                    Boolean fallback) {
    }

    record Semantic(String decision, Double threshold, Double margin,
                    @JsonProperty("min_tokens") Integer minTokens, String encoder, String head,
                    @JsonProperty("confirm_patterns") Double confirmPatterns) {
    }

    record Training(String text, List<String> shows, List<String> unknown) {
    }
}
