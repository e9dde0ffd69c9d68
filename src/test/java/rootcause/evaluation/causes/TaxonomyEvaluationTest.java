package rootcause.evaluation.causes;

import org.junit.jupiter.api.Test;
import rootcause.classify.Taxonomy;
import rootcause.classify.TaxonomyLoader;
import rootcause.embed.SentenceEmbedder;
import rootcause.evaluation.EvaluationCorpus;
import rootcause.nlp.LemmaAnalyzer;

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
}
