package rootcause.classify;

import org.junit.jupiter.api.Test;
import rootcause.sentiment.Negation;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The negation cues the taxonomy's header and docs/TAXONOMY.md list are the ones the matcher uses. */
class NegationCuesDocumentedTest {

    private static Set<String> listed(String text, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(text);
        assertThat(m.find()).as("cue list /" + regex + "/ not found").isTrue();
        return Arrays.stream(m.group(1).replaceAll("(?m)^#\\s*", " ").split("[,/]"))
                .map(w -> w.replace("`", "").strip()).filter(w -> !w.isEmpty()).collect(Collectors.toSet());
    }

    @Test
    void theTaxonomyHeaderListsEveryCue() throws Exception {
        String yaml = TaxonomyLoader.text(null);
        assertThat(listed(yaml, "without a negation word \\(([^)]*)\\)")).isEqualTo(Negation.CUES);
    }

    @Test
    void taxonomyDocsListEveryCue() throws Exception {
        String doc = Files.readString(Path.of("docs/TAXONOMY.md"), StandardCharsets.UTF_8);
        Set<String> cues = listed(doc, "when a negation cue \\(([^)]*)\\)");
        cues.remove("n't"); // CoreNLP's "n't", read as "not" (Negation.normalise)
        assertThat(cues).isEqualTo(Negation.CUES);
    }
}
