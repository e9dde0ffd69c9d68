package rootcause.classify;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import rootcause.nlp.NlpSettings;
import rootcause.nlp.SentimentAnalyzer;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every cause is reachable: each example in taxonomy.yaml, run through real CoreNLP, is classified as its cause. */
class TaxonomyExamplesTest {
    private static final Taxonomy TAXONOMY = TaxonomyLoader.loadDefault();
    private static final CauseMatcher MATCHER = new CauseMatcher(TAXONOMY);

    private static List<String> classify(String text) {
        return CauseMatcher.causeIds(MATCHER.match(SentimentAnalyzer.shared(NlpSettings.defaults()).analyze(text).sentences()));
    }

    @TestFactory
    Stream<DynamicTest> everyExampleMatchesItsCause() {
        return TAXONOMY.causes().stream().flatMap(c -> c.examples().stream().map(example ->
                DynamicTest.dynamicTest(c.id() + ": " + example, () -> assertThat(classify(example)).as(example).contains(c.id()))));
    }

    @Test
    void negationOnRealLemmas() {
        assertThat(classify("The agent was not rude.")).containsExactly("unclassified");
        assertThat(classify("The agent wasn't rude at all.")).containsExactly("unclassified");
        assertThat(classify("Nobody called me back.")).containsExactly("complaints_not_heard");
        assertThat(classify("I never heard back from them.")).containsExactly("complaints_not_heard");
        assertThat(classify("They didn't care.")).containsExactly("indifference");
    }

    @Test
    void airlineLabelLeakTokensTriggerNothingOnRealLemmas() {
        assertThat(classify("@united my flight got Cancelled Flightled and we land Late Flightr tonight"))
                .containsExactly("unclassified");
    }
}
