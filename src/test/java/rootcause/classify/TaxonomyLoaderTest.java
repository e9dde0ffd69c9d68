package rootcause.classify;

import rootcause.model.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rootcause.model.CauseInfo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TaxonomyLoaderTest {
    private static final String HEADER = """
            id: t
            version: "1"
            articles:
              - file: 002_3ef7b878b17526cb.txt
                title: A2
            groups:
              - id: people
                name: People
            """;

    /** One cause {@code c} without its patterns. */
    private static final String CAUSE_C_WITHOUT_PATTERNS = """
            causes:
              - id: c
                name: n
                group: people
                description: d
                articles: [002_3ef7b878b17526cb.txt]
            """;

    /** One valid cause {@code c}, open for more keys. */
    private static final String CAUSE_C = CAUSE_C_WITHOUT_PATTERNS + "    patterns: [rude]\n";

    @Test
    void loadsTheShippedTaxonomyWithEveryOutlineCause() {
        Taxonomy t = TaxonomyLoader.loadDefault();
        assertThat(t.groups()).hasSize(8);
        assertThat(t.causes()).hasSize(23);
        assertThat(t.causes()).allSatisfy(c -> {
            assertThat(c.patterns()).isNotEmpty();
            assertThat(c.articles()).isNotEmpty();
            assertThat(c.examples()).as("examples of " + c.id()).isNotEmpty();
        });
        Map<String, CauseInfo> infos = t.causeInfos();
        assertThat(infos.get("rudeness")).isEqualTo(new CauseInfo("rudeness", "Rudeness and disrespect", "people",
                "People", t.cause("rudeness").description()));
        assertThat(infos).hasSize(23);
    }

    @Test
    void noPatternUsesTheAirlineLabelLeakWords() {
        for (Cause c : TaxonomyLoader.loadDefault().causes()) {
            for (String p : c.patterns()) {
                assertThat(LemmaPattern.parse(p).words()).as(c.id() + ": " + p)
                        .noneMatch(w -> w.startsWith("cancel") || w.equals("late") || w.startsWith("late"));
            }
        }
    }

    @Test
    void reportsEveryProblemAtOnceWithFileAndKeyPath(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, HEADER + """
                colour: blue
                causes:
                  - id: rudeness
                    name: Rude
                    group: people
                    description: rude
                    articles: [002_3ef7b878b17526cb.txt]
                    patterns: [rude*]
                    nickname: x
                  - id: rudeness
                    name: Rude again
                    group: persons
                    description: dup
                    articles: [009_0000000000000000.txt]
                    patterns: ["(very) (really)", "hang up (on", rude, rude]
                  - id: empty
                    group: people
                    description: no name, no patterns
                    articles: [002_3ef7b878b17526cb.txt]
                    patterns: []
                  - id: nopatterns
                    name: n
                    group: people
                    description: d
                    articles: [002_3ef7b878b17526cb.txt]
                """);
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> TaxonomyLoader.load(file));
        String f = file.toString() + ": ";
        assertThat(e.problems()).containsExactlyInAnyOrder(
                f + "colour: unknown key; allowed: [articles, background, causes, groups, id, semantic, training, version]",
                f + "causes[0].nickname: unknown key; allowed: [articles, counter_examples, description, examples, fallback, group, id, name, patterns, threshold]",
                f + "causes[1].id: duplicate cause id (found: 'rudeness')",
                f + "causes[1].group: unknown group; allowed: [people] (found: 'persons')",
                f + "causes[1].articles[0]: unknown article file; allowed: [002_3ef7b878b17526cb.txt] (found: '009_0000000000000000.txt')",
                f + "causes[1].patterns[0]: bad pattern: only optional words and gaps: the pattern would match anything (found: '(very) (really)')",
                f + "causes[1].patterns[1]: bad pattern: unclosed '(' at position 8 (found: 'hang up (on')",
                f + "causes[1].patterns[3]: duplicate pattern in this cause (found: 'rude')",
                f + "causes[2].name: missing; must be a non-empty string",
                f + "causes[2].patterns: must be a non-empty list of strings (found: [])",
                f + "causes[3].patterns: missing; must be a non-empty list of strings");
        assertThat(e.getMessage()).startsWith("taxonomy " + file + " is invalid (11 problems):");
    }

    @Test
    void reportsMissingTopLevelFieldsAndDuplicateGroups() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> TaxonomyLoader.parse("""
                id: Bad-Id
                groups:
                  - id: people
                    name: People
                  - id: people
                    name: Again
                """, "inline.yaml"));
        assertThat(e.problems()).containsExactlyInAnyOrder(
                "inline.yaml: id: must be lower case letters, digits and '_', starting with a letter (found: 'Bad-Id')",
                "inline.yaml: version: missing; must be a non-empty string",
                "inline.yaml: articles: missing; must be a non-empty list",
                "inline.yaml: groups[1].id: duplicate group id (found: 'people')",
                "inline.yaml: causes: missing; must be a non-empty list");
    }

    @Test
    void saysWhenAPatternStartingWithABracketWasNotQuoted() {
        assertThatThrownBy(() -> TaxonomyLoader.parse(HEADER + CAUSE_C_WITHOUT_PATTERNS + """
                    patterns:
                      - [nobody|no one] care
                """, "x.yaml")).isInstanceOf(ConfigException.class).hasMessageContaining("x.yaml:");
    }

    @Test
    void reportsInvalidYamlWithItsLine() {
        assertThatThrownBy(() -> TaxonomyLoader.parse("id: [unclosed\nversion: 1\n", "broken.yaml"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("broken.yaml: not valid YAML")
                .hasMessageContaining("line");
    }

    @Test
    void reportsMisspeltKeysAnywhereTogetherWithValueProblems() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> TaxonomyLoader.parse(HEADER
                + "semantic: {threshold: 2, decison: nearest_example}\n" + CAUSE_C_WITHOUT_PATTERNS + """
                    patern: [rude]
                    examples: [they were rude]
                    counter_examples: [""]
                training:
                  - text: they were rude
                    shows: [c, nope]
                    label: x
                """, "typo.yaml"));
        assertThat(e.problems()).containsExactlyInAnyOrder(
                "typo.yaml: semantic.decison: unknown key; allowed: [confirm_patterns, decision, encoder, head, margin, min_tokens, threshold]",
                "typo.yaml: causes[0].patern: unknown key; allowed: [articles, counter_examples, description, examples, fallback, group, id, name, patterns, threshold]",
                "typo.yaml: training[0].label: unknown key; allowed: [shows, text, unknown]",
                "typo.yaml: semantic.threshold: must be a number in (0, 1] (found: 2.0)",
                "typo.yaml: causes[0].patterns: missing; must be a non-empty list of strings",
                "typo.yaml: causes[0].counter_examples[0]: must be a non-empty string");
    }

    @Test
    void aValueOfTheWrongTypeNamesItsPathAndFile() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> TaxonomyLoader.parse(HEADER + CAUSE_C + """
                    threshold: high
                """, "types.yaml"));
        assertThat(e.problems()).singleElement().asString().startsWith("types.yaml: causes[0].threshold: ");
    }

    @Test
    void loadsATrainedBundleWithTrainingSentences() {
        Taxonomy t = TaxonomyLoader.parse(HEADER + """
                semantic: {decision: nearest_example, threshold: 0.5, margin: 0.05, min_tokens: 3}
                background: [the weather was fine]
                """ + CAUSE_C + """
                    examples: [they were rude]
                    threshold: 0.6
                    fallback: true
                training:
                  - text: they were rude to me
                    shows: [c]
                  - text: the parcel came
                    unknown: [c]
                """, "bundle.yaml");
        assertThat(t.semantic().decision()).isEqualTo(SemanticSettings.Decision.NEAREST_EXAMPLE);
        assertThat(t.semantic().minTokens()).isEqualTo(3);
        assertThat(t.semantic().training()).containsExactly(
                new TrainingSentence("they were rude to me", List.of("c"), List.of()),
                new TrainingSentence("the parcel came", List.of(), List.of("c")));
        assertThat(t.causes().get(0).threshold()).isEqualTo(0.6);
        assertThat(t.causes().get(0).fallback()).isTrue();
    }

    /** A head file for the one cause {@code c}: weight 1 on the first dimension, bias -0.5. */
    private static String headFile(String cause, int dimension) {
        StringBuilder w = new StringBuilder("[1.0");
        for (int i = 1; i < dimension; i++) {
            w.append(",0.0");
        }
        return "{\"causes\":[\"" + cause + "\"],\"weights\":[" + w + "]],\"bias\":[-0.5],\"threshold\":0.4}";
    }

    private static final String HEAD_SEMANTIC = """
            semantic: {decision: head, encoder: rootcause-cause-encoder, head: cause-head.json, threshold: 0.4}
            """;

    @Test
    void loadsATrainedHeadFromBesideTheTaxonomy(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("taxonomy.yaml"), HEADER + HEAD_SEMANTIC + CAUSE_C + "    examples: [they were rude]\n");
        Files.writeString(dir.resolve("cause-head.json"), headFile("c", 384));
        Taxonomy t = TaxonomyLoader.load(dir);
        assertThat(t.semantic().decision()).isEqualTo(SemanticSettings.Decision.HEAD);
        assertThat(t.semantic().encoder()).isEqualTo(rootcause.embed.Encoder.CAUSE);
        float[] v = new float[384];
        v[0] = 1f;
        assertThat(t.semantic().head().probability(0, v)).isCloseTo(1 / (1 + Math.exp(-0.5)), org.assertj.core.data.Offset.offset(1e-9));
        // The head is part of what the manifest's taxonomy hash covers: a new head is a new taxonomy.
        String before = TaxonomyLoader.sha256(dir);
        Files.writeString(dir.resolve("cause-head.json"), headFile("c", 384).replace("-0.5", "-0.25"));
        assertThat(TaxonomyLoader.sha256(dir)).isNotEqualTo(before);
    }

    @Test
    void saysWhatIsWrongWithAHead(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("taxonomy.yaml"), HEADER + HEAD_SEMANTIC + CAUSE_C + "    examples: [they were rude]\n");
        // A copy of the built-in taxonomy without its head: one problem, saying where the head is, nothing cascading.
        Files.writeString(dir.resolve("taxonomy.yaml"), HEADER + HEAD_SEMANTIC + CAUSE_C + "    examples: [they were rude]\n"
                + "background: [hello there]\n");
        assertThat(catchThrowableOfType(ConfigException.class, () -> TaxonomyLoader.load(dir)).problems()).singleElement()
                .asString().contains("semantic.head: no such file beside the taxonomy")
                .contains("src/main/resources/rootcause/taxonomy/cause-head.json");
        Files.writeString(dir.resolve("taxonomy.yaml"), HEADER + HEAD_SEMANTIC + CAUSE_C + "    examples: [they were rude]\n");
        Files.writeString(dir.resolve("cause-head.json"), headFile("other", 384));
        assertThatThrownBy(() -> TaxonomyLoader.load(dir)).hasMessageContaining("its causes are not the taxonomy's causes");
        Files.writeString(dir.resolve("cause-head.json"), headFile("c", 10));
        assertThatThrownBy(() -> TaxonomyLoader.load(dir)).hasMessageContaining("cause c needs 384 weights");
        Files.writeString(dir.resolve("cause-head.json"), headFile("c", 384));
        Files.writeString(dir.resolve("taxonomy.yaml"), HEADER + HEAD_SEMANTIC.replace("rootcause-cause-encoder", "bert-large")
                + CAUSE_C + "    examples: [they were rude]\n");
        assertThatThrownBy(() -> TaxonomyLoader.load(dir)).hasMessageContaining("semantic.encoder")
                .hasMessageContaining("must be one of [all-minilm-l6-v2-q, rootcause-cause-encoder] (found: 'bert-large')");
        Files.writeString(dir.resolve("taxonomy.yaml"), HEADER + HEAD_SEMANTIC + CAUSE_C
                + "    examples: [they were rude]\ntraining:\n  - text: they were rude to me\n    shows: [c]\n");
        assertThatThrownBy(() -> TaxonomyLoader.load(dir)).hasMessageContaining("a trained head takes no training sentences");
    }
}
