package rootcause.classify;

import org.junit.jupiter.api.Test;
import rootcause.embed.Encoder;
import rootcause.embed.SentenceEmbedder;
import rootcause.model.CauseMatch;
import rootcause.model.Evidence;
import rootcause.model.SentenceAnalysis;
import rootcause.nlp.LemmaAnalyzer;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped cause model: the fine-tuned cause encoder (from its own jar, as the job ships it) with the taxonomy's
 * trained head, and real CoreNLP sentences, on the built-in taxonomy.
 */
class CauseModelTest {
    private static final Taxonomy TAXONOMY = TaxonomyLoader.loadDefault();
    private static final LemmaAnalyzer LEMMAS = new LemmaAnalyzer();
    private final ComplaintClassifier classifier = new ComplaintClassifier(TAXONOMY);

    private List<CauseMatch> classify(String text) {
        return classifier.classify(LEMMAS.sentences(text));
    }

    private ExampleMatcher.Score score(String sentence, String causeId) {
        SentenceAnalysis s = LEMMAS.sentences(sentence).get(0);
        return classifier.examples().scores(SentenceEmbedder.shared(Encoder.CAUSE).embed(sentence), ComplaintClassifier.tokens(s))
                .stream().filter(sc -> sc.causeId().equals(causeId)).findFirst().orElseThrow();
    }

    @Test
    void theShippedTaxonomyRunsTheTrainedHeadOnTheCauseEncoder() {
        assertThat(TAXONOMY.semantic().decision()).isEqualTo(SemanticSettings.Decision.HEAD);
        assertThat(TAXONOMY.semantic().encoder()).isEqualTo(Encoder.CAUSE);
        // The head was trained on exactly the encoder the jar holds.
        assertThat(TAXONOMY.semantic().head().encoderSha256()).isEqualTo(SentenceEmbedder.modelSha256(Encoder.CAUSE));
    }

    @Test
    void theModelFindsACauseInASentenceNoPatternKnowsWithThatSentenceAsEvidence() {
        String text = "We flew to Denver on Friday. The suitcase came off the carousel with its handle snapped and the side ripped open.";
        CauseMatch fault = classify(text).stream().filter(m -> m.causeId().equals("product_fault")).findFirst().orElseThrow();
        Evidence e = fault.evidence().stream().filter(x -> Evidence.MODEL.equals(x.matchedBy())).findFirst().orElseThrow();
        assertThat(e.sentenceIndex()).isEqualTo(1);
        assertThat(e.sentence()).startsWith("The suitcase came off the carousel");
        assertThat(e.score()).isGreaterThanOrEqualTo(TAXONOMY.semantic().threshold()).isLessThanOrEqualTo(1.0);
    }

    @Test
    void aSentenceBelowTheThresholdIsNoMatchAndSaysWhy() {
        String weather = "The weather in Denver was lovely this weekend.";
        assertThat(classify(weather)).isEmpty();
        ExampleMatcher.Score s = score(weather, "product_fault");
        assertThat(s.matches()).isFalse();
        assertThat(s.probability()).isLessThan(TAXONOMY.semantic().threshold());
        assertThat(s.reason()).startsWith("probability ").contains("below the threshold");
    }

    @Test
    void aNegatedSentenceIsNoMatchWhereTheSameWordsUnnegatedAre() {
        assertThat(score("The agent on the phone was not rude at all, she was lovely.", "rudeness").matches()).isFalse();
        assertThat(classify("The agent on the phone was not rude at all, she was lovely.")).isEmpty();
        assertThat(score("The agent on the phone was incredibly rude and hung up on me.", "rudeness").matches()).isTrue();
    }

    @Test
    void patternsAndTheModelCombineEachNamedInItsEvidence() {
        // "on hold for two hours" is a waiting pattern (which the model confirms); the broken seat only the model finds.
        List<CauseMatch> matches = classify("I was on hold for two hours. The seat in row 12 would not recline and the tray table was snapped in half.");
        CauseMatch waiting = matches.stream().filter(m -> m.causeId().equals("waiting")).findFirst().orElseThrow();
        assertThat(waiting.matchedBy()).isEqualTo(Evidence.PATTERN);
        CauseMatch fault = matches.stream().filter(m -> m.causeId().equals("product_fault")).findFirst().orElseThrow();
        assertThat(fault.evidence()).extracting(Evidence::sentenceIndex).contains(1);
    }

    @Test
    void whenTheModelConfirmsPatternsAPatternCountsOnlyWhereTheModelGivesTheCauseEnoughProbability() {
        List<SentenceAnalysis> onHold = LEMMAS.sentences("I was on hold for two hours.");
        Taxonomy confirming = new Taxonomy(TAXONOMY.id(), TAXONOMY.version(), TAXONOMY.groups(), TAXONOMY.causes(),
                TAXONOMY.semantic().withConfirm(0.3));
        Taxonomy unionOfSignals = new Taxonomy(TAXONOMY.id(), TAXONOMY.version(), TAXONOMY.groups(), TAXONOMY.causes(),
                TAXONOMY.semantic().withConfirm(0.0));
        CauseMatcher union = new CauseMatcher(unionOfSignals);
        CauseMatcher confirmed = new CauseMatcher(confirming);
        // The model's judgement of the cause there, below the threshold (0.65): it never fires alone.
        java.util.function.Function<Double, java.util.Map<Integer, List<SignalHit>>> model =
                p -> java.util.Map.of(0, List.of(new SignalHit(ExampleMatcher.NAME, "waiting", 0, false, p, "an example", null, null)));
        // The union: the pattern "on hold" counts alone.
        assertThat(CauseMatcher.causeIds(union.match(onHold))).containsExactly("waiting");
        // Confirmation: not without the model, not below 0.3, yes at 0.4 (and as a pattern match: below the
        // threshold the model's own hit never counts).
        assertThat(CauseMatcher.causeIds(confirmed.match(onHold))).containsExactly(rootcause.model.Columns.UNCLASSIFIED);
        assertThat(CauseMatcher.causeIds(confirmed.match(onHold, model.apply(0.2)))).containsExactly(rootcause.model.Columns.UNCLASSIFIED);
        List<CauseMatch> yes = confirmed.match(onHold, model.apply(0.4));
        assertThat(yes).extracting(CauseMatch::causeId).containsExactly("waiting");
        assertThat(yes.get(0).matchedBy()).isEqualTo(Evidence.PATTERN);
        assertThat(yes.get(0).evidence()).extracting(Evidence::matchedBy).containsOnly(Evidence.PATTERN);
    }
}
