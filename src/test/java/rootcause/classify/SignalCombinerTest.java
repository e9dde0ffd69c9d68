package rootcause.classify;

import org.junit.jupiter.api.Test;
import rootcause.model.CauseMatch;
import rootcause.model.Evidence;
import rootcause.model.SentenceAnalysis;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The combination rule on hand-made hits: no models, no CoreNLP. */
class SignalCombinerTest {
    private static final List<Cause> CAUSES = List.of(cause("waiting", false), cause("rudeness", false), cause("venting", true));
    private static final SignalCombiner UNION = new SignalCombiner(CAUSES, List.of("pattern", "model"), "pattern", "model", 0.0, 3);
    private static final SignalCombiner CONFIRMING = new SignalCombiner(CAUSES, List.of("pattern", "model"), "pattern", "model", 0.3, 3);

    private static Cause cause(String id, boolean fallback) {
        return new Cause(id, id, "g", id, List.of(), List.of(), List.of(), List.of(), null, fallback);
    }

    private static SentenceAnalysis sentence(int index, int tokens) {
        return new SentenceAnalysis(index, "sentence " + index, 1, 0, tokens, List.of()).withPolarity(-0.5 + index);
    }

    private static SignalHit pattern(String cause, int sentence) {
        return new SignalHit("pattern", cause, sentence, true, null, "a pattern", "matched words", null);
    }

    private static SignalHit model(String cause, int sentence, double score, boolean fires) {
        return new SignalHit("model", cause, sentence, fires, score, "an example", null, fires ? null : "below the threshold");
    }

    @Test
    void theUnionCountsEveryFiringHitAndKeepsTheEarlierSignalsEvidenceInASentence() {
        SignalCombiner.Combination c = UNION.combine(List.of(sentence(0, 8), sentence(1, 8)), Map.of(
                0, List.of(model("waiting", 0, 0.9, true), pattern("waiting", 0)),
                1, List.of(model("waiting", 1, 0.8, true), model("rudeness", 1, 0.5, false))));
        assertThat(c.matches()).extracting(CauseMatch::causeId).containsExactly("waiting");
        CauseMatch waiting = c.matches().get(0);
        // Sentence 0: the pattern's evidence, not the model's; sentence 1: the model's, with the sentence as its words.
        assertThat(waiting.evidence()).extracting(Evidence::matchedBy).containsExactly("pattern", "model");
        assertThat(waiting.evidence().get(1).matchedText()).isEqualTo("sentence 1");
        assertThat(waiting.evidence().get(1).score()).isEqualTo(0.8);
        assertThat(waiting.matchedBy()).isEqualTo("pattern");
        assertThat(waiting.sentiment()).isEqualTo(0.0); // mean of -0.5 and 0.5
        assertThat(c.verdicts()).filteredOn(v -> !v.counts()).singleElement().satisfies(v -> {
            assertThat(v.hit().signal()).isEqualTo("model");
            assertThat(v.label()).isEqualTo("already found");
        });
    }

    @Test
    void underConfirmationAPatternCountsOnlyWhereTheModelGivesItsCauseEnough() {
        List<SentenceAnalysis> one = List.of(sentence(0, 8));
        assertThat(CONFIRMING.combine(one, Map.of(0, List.of(pattern("waiting", 0)))).matches()).isEmpty();
        assertThat(CONFIRMING.combine(one, Map.of(0, List.of(pattern("waiting", 0), model("waiting", 0, 0.29, false)))).matches()).isEmpty();
        // Another cause's probability confirms nothing.
        assertThat(CONFIRMING.combine(one, Map.of(0, List.of(pattern("waiting", 0), model("rudeness", 0, 0.9, true))))
                .matches()).extracting(CauseMatch::causeId).containsExactly("rudeness");
        SignalCombiner.Combination yes = CONFIRMING.combine(one, Map.of(0, List.of(pattern("waiting", 0), model("waiting", 0, 0.3, false))));
        assertThat(yes.matches()).extracting(CauseMatch::causeId).containsExactly("waiting");
        assertThat(yes.matches().get(0).evidence()).extracting(Evidence::matchedBy).containsOnly("pattern");
        SignalCombiner.Combination no = CONFIRMING.combine(one, Map.of(0, List.of(pattern("waiting", 0))));
        assertThat(no.verdicts()).singleElement().satisfies(v -> {
            assertThat(v.label()).isEqualTo("not confirmed");
            assertThat(v.why()).isEqualTo("the model gives the cause less than 0.30 here");
        });
    }

    @Test
    void aSentenceTooShortForTheModelKeepsItsPatternHits() {
        assertThat(CONFIRMING.combine(List.of(sentence(0, 2)), Map.of(0, List.of(pattern("waiting", 0)))).matches())
                .extracting(CauseMatch::causeId).containsExactly("waiting");
    }

    @Test
    void aFallbackCauseCountsOnlyAloneAndSaysSoWhenDropped() {
        List<SentenceAnalysis> one = List.of(sentence(0, 8));
        assertThat(UNION.combine(one, Map.of(0, List.of(pattern("venting", 0)))).matches())
                .extracting(CauseMatch::causeId).containsExactly("venting");
        SignalCombiner.Combination both = UNION.combine(one, Map.of(0, List.of(pattern("venting", 0), pattern("rudeness", 0))));
        assertThat(both.matches()).extracting(CauseMatch::causeId).containsExactly("rudeness");
        assertThat(both.droppedFallbacks()).containsExactly("venting");
    }

    @Test
    void aSignalTheTaxonomyDoesNotListIsCombinedAfterTheListedOnes() {
        SignalHit keyword = new SignalHit("keyword", "rudeness", 0, true, null, "rude", "rude", null);
        SignalCombiner.Combination c = UNION.combine(List.of(sentence(0, 8)), Map.of(0, List.of(keyword, pattern("rudeness", 0))));
        assertThat(c.matches().get(0).evidence()).extracting(Evidence::matchedBy).containsExactly("pattern");
        assertThat(c.verdicts()).extracting(SignalCombiner.Verdict::counts).containsExactly(true, false);
    }

    @Test
    void theJobKeepsOnlyTheJudgementsTheCombinationUses() {
        assertThat(UNION.uses(model("waiting", 0, 0.5, false))).isFalse();
        assertThat(UNION.uses(model("waiting", 0, 0.9, true))).isTrue();
        assertThat(CONFIRMING.uses(model("waiting", 0, 0.3, false))).isTrue();
        assertThat(CONFIRMING.uses(model("waiting", 0, 0.29, false))).isFalse();
    }

    @Test
    void theShippedTaxonomyDeclaresPatternsThenTheModelConfirmingThem() {
        Taxonomy shipped = TaxonomyLoader.loadDefault();
        SignalCombiner combiner = SignalCombiner.of(shipped);
        assertThat(combiner.signals()).containsExactly("pattern", "model");
        assertThat(combiner.confirm()).isEqualTo(shipped.semantic().confirm()).isPositive();
        assertThat(SignalCombiner.of(shipped.patternsOnly()).signals()).containsExactly("pattern");
        assertThat(SignalCombiner.of(shipped.patternsOnly()).confirm()).isZero();
    }

    @Test
    void eachDecisionIsFittedByItsOwnApproachAndTaxonomy210StaysTheUnion() {
        Taxonomy old = TaxonomyLoader.load(java.nio.file.Path.of("eval/taxonomy-2.1.0.yaml"));
        assertThat(CauseSignals.approaches(old)).extracting(a -> (Object) a.getClass())
                .containsExactly(PatternSignal.Approach.class, ExampleMatcher.ExampleApproach.class);
        assertThat(SignalCombiner.of(old).confirm()).isZero();
        assertThat(CauseSignals.approaches(TaxonomyLoader.loadDefault())).extracting(a -> (Object) a.getClass())
                .containsExactly(PatternSignal.Approach.class, ExampleMatcher.HeadApproach.class);
    }
}
