package rootcause.classify;

import java.io.Serializable;
import java.util.List;

/**
 * One root cause of bad service, as the taxonomy file defines it.
 *
 * @param id              stable id used in outputs, e.g. {@code rudeness}
 * @param name            human name
 * @param group           id of its {@link CauseGroup}
 * @param description     one line on what the cause is
 * @param articles        article files (in the project's article set) the cause comes from
 * @param patterns        signal phrases in {@link LemmaPattern} syntax
 * @param examples        complaint sentences that show this cause: the semantic layer's anchors, and documentation
 * @param counterExamples sentences close to the cause that do not show it (negations, praise, a neighbour's
 *                        territory): a sentence nearer to one of them than to every example is not this cause
 * @param threshold       the cosine similarity to the nearest example a sentence needs for a model match;
 *                        null: the taxonomy's {@link SemanticSettings#threshold}
 * @param fallback        true when the cause counts only if no other cause matched the complaint (e.g. venting)
 */
public record Cause(String id, String name, String group, String description, List<String> articles,
                    List<String> patterns, List<String> examples, List<String> counterExamples, Double threshold,
                    boolean fallback) implements Serializable {
    public Cause {
        articles = List.copyOf(articles);
        patterns = List.copyOf(patterns);
        examples = List.copyOf(examples);
        counterExamples = List.copyOf(counterExamples);
    }
}
