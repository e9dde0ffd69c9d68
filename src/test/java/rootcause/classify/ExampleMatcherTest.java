package rootcause.classify;

import org.junit.jupiter.api.Test;
import rootcause.embed.SentenceEmbedder;
import rootcause.model.CauseMatch;
import rootcause.model.Evidence;
import rootcause.model.SentenceAnalysis;
import rootcause.nlp.LemmaAnalyzer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The semantic layer with the real embedding model and real CoreNLP lemmas, on a two-cause test taxonomy. */
class ExampleMatcherTest {
    static final Taxonomy TAXONOMY = load();
    private static final LemmaAnalyzer LEMMAS = new LemmaAnalyzer();
    private final ComplaintClassifier classifier = new ComplaintClassifier(TAXONOMY);

    static Taxonomy load() {
        try (InputStream in = ExampleMatcherTest.class.getResourceAsStream("/rootcause/classify/semantic-taxonomy.yaml")) {
            return TaxonomyLoader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "semantic-taxonomy.yaml");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<CauseMatch> classify(String text) {
        return classifier.classify(LEMMAS.sentences(text));
    }

    private ExampleMatcher.Score score(String sentence, String causeId) {
        SentenceAnalysis s = LEMMAS.sentences(sentence).get(0);
        return classifier.examples().scores(SentenceEmbedder.shared().embed(sentence), ComplaintClassifier.tokens(s))
                .stream().filter(sc -> sc.causeId().equals(causeId)).findFirst().orElseThrow();
    }

    @Test
    void aSentenceNoPatternFindsIsAModelMatchWithItsEvidence() {
        List<CauseMatch> matches = classify("Great product. They kept me waiting on the phone forever and nobody answered.");
        assertThat(matches).extracting(CauseMatch::causeId).containsExactly("waiting");
        CauseMatch waiting = matches.get(0);
        assertThat(waiting.matchedBy()).isEqualTo(Evidence.MODEL);
        Evidence e = waiting.evidence().get(0);
        assertThat(e.matchedBy()).isEqualTo(Evidence.MODEL);
        assertThat(e.sentenceIndex()).isEqualTo(1);
        assertThat(e.sentence()).startsWith("They kept me waiting");
        assertThat(e.score()).isGreaterThanOrEqualTo(0.6).isLessThan(1.0);
        assertThat(TAXONOMY.cause("waiting").examples()).contains(e.phrase());
    }

    @Test
    void aPatternMatchIsReportedAsOneAndNotRepeatedByTheModel() {
        List<CauseMatch> matches = classify("I was on hold for two hours waiting for someone to answer the phone.");
        CauseMatch waiting = matches.stream().filter(m -> m.causeId().equals("waiting")).findFirst().orElseThrow();
        assertThat(waiting.matchedBy()).isEqualTo(Evidence.PATTERN);
        assertThat(waiting.evidence()).extracting(Evidence::matchedBy).containsExactly(Evidence.PATTERN);
        assertThat(waiting.evidence().get(0).score()).isNull();
    }

    @Test
    void aSentenceBelowTheThresholdIsNoMatchAndSaysWhy() {
        assertThat(classify("The weather in Denver was lovely this weekend.")).isEmpty();
        ExampleMatcher.Score s = score("The weather in Denver was lovely this weekend.", "waiting");
        assertThat(s.matches()).isFalse();
        assertThat(s.similarity()).isLessThan(0.6);
        assertThat(s.reason()).startsWith("similarity ").contains("below the threshold 0.600");
    }

    @Test
    void aNegatedSentenceIsNearerItsCounterExampleAndIsNoMatch() {
        ExampleMatcher.Score s = score("The agent on the phone was not rude at all.", "rudeness");
        assertThat(s.similarity()).isGreaterThanOrEqualTo(0.6); // close to "The agent was rude to me." ...
        assertThat(s.counterSimilarity()).isGreaterThan(s.similarity()); // ... but closer to "The agent was not rude."
        assertThat(s.matches()).isFalse();
        assertThat(s.reason()).startsWith("nearer a counter-example");
        assertThat(classify("The agent on the phone was not rude at all.")).isEmpty();
        assertThat(classify("The agent on the phone was incredibly rude to me.")).extracting(CauseMatch::causeId)
                .containsExactly("rudeness");
    }

    @Test
    void tooShortSentencesNeverMatch() {
        ExampleMatcher.Score s = score("Rude!", "rudeness");
        assertThat(s.matches()).isFalse();
        assertThat(s.reason()).contains("fewer than 3");
    }

    @Test
    void withoutASemanticBlockOnlyPatternsCount() {
        ComplaintClassifier patternsOnly = new ComplaintClassifier(TAXONOMY.patternsOnly());
        assertThat(patternsOnly.examples()).isNull();
        assertThat(patternsOnly.classify(LEMMAS.sentences("They kept me waiting on the phone forever and nobody answered.")))
                .isEmpty();
    }
}
