package rootcause.classify;

import org.junit.jupiter.api.Test;
import rootcause.model.CauseMatch;
import rootcause.model.Evidence;
import rootcause.nlp.LemmaAnalyzer;
import rootcause.nlp.NlpSettings;
import rootcause.nlp.SentimentAnalyzer;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped taxonomy on real CoreNLP lemmas and the real embedding model: its examples are found as their causes,
 * its counter-examples and background sentences mostly are not, and the patterns' negation holds.
 */
class TaxonomyExamplesTest {
    private static final Taxonomy TAXONOMY = TaxonomyLoader.loadDefault();
    /** The patterns alone (no model to confirm them): what their negation logic finds. */
    private static final CauseMatcher PATTERNS = new CauseMatcher(TAXONOMY.patternsOnly());
    private static final ComplaintClassifier CLASSIFIER = new ComplaintClassifier(TAXONOMY);
    private static final LemmaAnalyzer LEMMAS = new LemmaAnalyzer();
    /** Share of examples the classifier must find as their cause: the regularised linear rule fits them, it does not memorise them (0.85 measured at 2.0.0). */
    private static final double MIN_EXAMPLES_FOUND = 0.8;
    /**
     * Share of counter-examples and background sentences the semantic layer may still match to the cause. Since
     * taxonomy 3.0.0 the cause model never trained on them: they are unseen, deliberately close negatives (praise and
     * negations of the cause), and it matches 22 of 177 counter-examples (12.4 %, measured), mostly praise ("The rep
     * really cared") read as the cause it negates. A known weakness (docs/BENCHMARK-CAUSES.md); the bound keeps it
     * from growing.
     */
    private static final double MAX_COUNTER_MATCHED = 0.15;

    private static List<String> patternCauses(String text) {
        return CauseMatcher.causeIds(PATTERNS.match(SentimentAnalyzer.shared(NlpSettings.defaults()).analyze(text).sentences()));
    }

    private static boolean found(String text, String causeId) {
        return CLASSIFIER.classify(LEMMAS.sentences(text)).stream().anyMatch(m -> m.causeId().equals(causeId));
    }

    private static boolean modelMatch(String text, String causeId) {
        return CLASSIFIER.classify(LEMMAS.sentences(text)).stream().filter(m -> m.causeId().equals(causeId))
                .flatMap(m -> m.evidence().stream()).anyMatch(e -> Evidence.MODEL.equals(e.matchedBy()));
    }

    @Test
    void theShippedTaxonomyHasASemanticLayerWithEnoughExamplesPerCause() {
        assertThat(TAXONOMY.hasSemanticLayer()).isTrue();
        assertThat(TAXONOMY.semantic().background()).hasSizeGreaterThanOrEqualTo(100);
        for (Cause c : TAXONOMY.causes()) {
            assertThat(c.examples()).as(c.id()).hasSizeGreaterThanOrEqualTo(15);
            assertThat(c.counterExamples()).as(c.id()).isNotEmpty();
        }
    }

    @Test
    void examplesAreFoundAsTheirCauses() {
        List<String> missed = new ArrayList<>();
        int all = 0;
        for (Cause c : TAXONOMY.causes()) {
            for (String example : c.examples()) {
                all++;
                if (!found(example, c.id())) {
                    missed.add(c.id() + ": " + example);
                }
            }
        }
        assertThat(1.0 - (double) missed.size() / all).as("examples found; missed: %s", missed)
                .isGreaterThanOrEqualTo(MIN_EXAMPLES_FOUND);
    }

    @Test
    void counterExamplesAreRarelyModelMatchesOfTheirCause() {
        List<String> matched = new ArrayList<>();
        int all = 0;
        for (Cause c : TAXONOMY.causes()) {
            for (String counter : c.counterExamples()) {
                all++;
                if (modelMatch(counter, c.id())) {
                    matched.add(c.id() + ": " + counter);
                }
            }
        }
        assertThat((double) matched.size() / all).as("counter-examples matched: %s", matched)
                .isLessThanOrEqualTo(MAX_COUNTER_MATCHED);
    }

    @Test
    void backgroundSentencesRarelyGetAModelMatch() {
        List<String> matched = new ArrayList<>();
        for (String sentence : TAXONOMY.semantic().background()) {
            List<CauseMatch> m = CLASSIFIER.classify(LEMMAS.sentences(sentence));
            if (m.stream().anyMatch(x -> x.matchedBy().equals(Evidence.MODEL))) {
                matched.add(sentence + " -> " + m.stream().map(CauseMatch::causeId).toList());
            }
        }
        assertThat((double) matched.size() / TAXONOMY.semantic().background().size())
                .as("background sentences with a model match: %s", matched).isLessThanOrEqualTo(MAX_COUNTER_MATCHED);
    }

    @Test
    void negationOnRealLemmas() {
        assertThat(patternCauses("The agent was not rude.")).containsExactly("unclassified");
        assertThat(patternCauses("The agent wasn't rude at all.")).containsExactly("unclassified");
        assertThat(patternCauses("Nobody called me back.")).containsExactly("complaints_not_heard");
        assertThat(patternCauses("I never heard back from them.")).containsExactly("complaints_not_heard");
        assertThat(patternCauses("They didn't care.")).containsExactly("indifference");
        assertThat(found("The agent wasn't rude at all.", "rudeness")).isFalse();
    }

    @Test
    void airlineLabelLeakTokensTriggerNothingOnRealLemmas() {
        assertThat(patternCauses("@united my flight got Cancelled Flightled and we land Late Flightr tonight"))
                .containsExactly("unclassified");
    }
}
