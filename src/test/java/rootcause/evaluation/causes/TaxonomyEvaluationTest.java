package rootcause.evaluation.causes;

import org.junit.jupiter.api.Test;
import rootcause.classify.Cause;
import rootcause.classify.Taxonomy;
import rootcause.classify.TaxonomyLoader;
import rootcause.embed.SentenceEmbedder;
import rootcause.evaluation.EvaluationCorpus;
import rootcause.nlp.LemmaAnalyzer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Scoring at a sweep's point uses that point's settings, the patterns' confirmation included. */
class TaxonomyEvaluationTest {
    private static final Taxonomy TAXONOMY = TaxonomyLoader.loadDefault();

    /**
     * "I am not working right now" fires the {@code product_fault} pattern on an idiom (the customer is out of work);
     * the shipped model vetoes it, and the union (confirmation 0), swept, keeps it. A sweep once scored every
     * confirmation with the taxonomy's own.
     */
    @Test
    void theUnionSweptKeepsThePatternHitTheShippedConfirmationVetoes() {
        TaxonomyEvaluation evaluation = new TaxonomyEvaluation(TAXONOMY);
        String text = "I am not working right now so I cannot pay the full amount.";
        ScoredComplaint scored = ScoredComplaint.of(new EvaluationCorpus.Complaint("test", "1", text),
                new LemmaAnalyzer().sentences(text), TAXONOMY, t -> SentenceEmbedder.shared(TAXONOMY.semantic().encoder()).embed(t));

        Set<String> shipped = evaluation.predicted(scored, TAXONOMY.semantic(), null);
        Set<String> union = evaluation.predicted(scored, TAXONOMY.semantic().withConfirm(0), null);

        assertThat(TAXONOMY.semantic().confirm()).isPositive();
        assertThat(shipped).as("the shipped confirmation").doesNotContain("product_fault");
        assertThat(union).as("the union").contains("product_fault");
        assertThat(evaluation.predicted(scored, null, null)).isEqualTo(shipped);
    }

    /**
     * A cause's own threshold is chosen where its labels are: two written product faults the shipped model scores
     * under its global threshold (0.69 and 0.47 with encoder 1.2.0) pull {@code product_fault}'s threshold down to
     * the highest grid point that finds them, 0.45, and micro F1 rises; {@code waiting}, with one label, is left alone.
     * The shipped taxonomy's own 0.40 finds them as well, so a sweep from it keeps it.
     */
    @Test
    void aCausesOwnThresholdIsTheHighestThatFindsItsLabelledComplaints() {
        Taxonomy globalOnly = withoutOwnThresholds(TAXONOMY);
        TaxonomyEvaluation evaluation = new TaxonomyEvaluation(globalOnly);
        Map<String, Set<String>> gold = new LinkedHashMap<>();
        gold.put("stayed home all day for the delivery, 7pm and still nothing", Set.of("product_fault"));
        gold.put("paid for next day shipping, it came in two weeks", Set.of("product_fault"));
        gold.put("my bag went to Denver, I did not", Set.of("product_fault"));
        gold.put("the coffee tasted like dishwater today", Set.of("product_fault"));
        gold.put("I was on hold for two hours before anyone picked up.", Set.of("waiting"));
        gold.put("Thanks for the quick help today!", Set.of());
        Map<String, Set<String>> byKey = new LinkedHashMap<>();
        List<ScoredComplaint> analysed = new java.util.ArrayList<>();
        int i = 0;
        for (Map.Entry<String, Set<String>> e : gold.entrySet()) {
            EvaluationCorpus.Complaint c = new EvaluationCorpus.Complaint("test", Integer.toString(i++), e.getKey());
            analysed.add(ScoredComplaint.of(c, new LemmaAnalyzer().sentences(e.getKey()), globalOnly,
                    t -> SentenceEmbedder.shared(TAXONOMY.semantic().encoder()).embed(t)));
            byKey.put(c.key(), e.getValue());
        }

        List<ThresholdSweep.CauseThreshold> chosen = ThresholdSweep.perCause(evaluation, analysed, byKey, 2);

        assertThat(chosen).extracting(ThresholdSweep.CauseThreshold::causeId).containsExactly("product_fault");
        assertThat(chosen.get(0).labels()).isEqualTo(4);
        assertThat(chosen.get(0).threshold()).isEqualTo(0.45);
        assertThat(chosen.get(0).scores().micro().f1()).isGreaterThan(evaluation.score(analysed, byKey).micro().f1());
        assertThat(ThresholdSweep.perCause(new TaxonomyEvaluation(TAXONOMY), analysed, byKey, 2))
                .extracting(ThresholdSweep.CauseThreshold::threshold).containsExactly(0.40);
    }

    private static Taxonomy withoutOwnThresholds(Taxonomy t) {
        return new Taxonomy(t.id(), t.version(), t.groups(), t.causes().stream().map(c -> new Cause(c.id(), c.name(),
                c.group(), c.description(), c.articles(), c.patterns(), c.examples(), c.counterExamples(), null,
                c.fallback())).toList(), t.semantic());
    }

    /**
     * train-causes' cross-validation moves the global threshold and holds the causes' own, as the bundle it writes
     * runs: a product fault the shipped model scores 0.47 (under the global threshold, over product_fault's own
     * 0.40) is found at a global threshold of 0.99. It once scored every cause at the global threshold.
     */
    @Test
    void crossValidationHoldsTheCausesOwnThresholds() {
        String text = "paid for next day shipping, it came in two weeks";
        EvaluationCorpus.Complaint c = new EvaluationCorpus.Complaint("test", "1", text);
        ScoredComplaint scored = ScoredComplaint.of(c, new LemmaAnalyzer().sentences(text), TAXONOMY,
                t -> SentenceEmbedder.shared(TAXONOMY.semantic().encoder()).embed(t));

        CauseScores scores = CrossValidation.score(TAXONOMY, List.of(scored), Map.of(c.key(), Set.of("product_fault")), 0.99);

        assertThat(TAXONOMY.ownThresholds()).containsEntry("product_fault", 0.40);
        assertThat(scores.micro().tp()).as("found by its own threshold").isEqualTo(1);
        assertThat(predictedAtOneThresholdForAll(scored, 0.99)).as("at 0.99 for every cause").doesNotContain("product_fault");
    }

    private static Set<String> predictedAtOneThresholdForAll(ScoredComplaint scored, double threshold) {
        return new TaxonomyEvaluation(TAXONOMY).predicted(scored, TAXONOMY.semantic().with(TAXONOMY.semantic().decision(),
                threshold, TAXONOMY.semantic().margin()), Map.of());
    }
}
