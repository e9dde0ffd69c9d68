package rootcause.evaluation.causes;

import org.junit.jupiter.api.Test;
import rootcause.classify.CauseMatcher;
import rootcause.classify.Taxonomy;
import rootcause.classify.TaxonomyLoader;
import rootcause.classify.TrainingSentence;
import rootcause.evaluation.EvaluationCorpus;
import rootcause.model.SentenceAnalysis;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Which sentences of a labelled complaint show its causes, on hand-written lemmas (no model scores at hand). */
class CauseTrainerTest {

    private static SentenceAnalysis sentence(int index, String lemmas) {
        List<String> l = List.of(lemmas.split(" "));
        return new SentenceAnalysis(index, lemmas, 1, 0, l.size(), l);
    }

    @Test
    void aPatternsSentenceShowsTheLabelledCauseEvenWhereTheModelConfirmsPatterns() {
        // The shipped taxonomy confirms patterns with the model; the evidence here must still come from the pattern.
        Taxonomy shipped = TaxonomyLoader.loadDefault();
        assertThat(shipped.semantic().confirm()).isPositive();
        List<SentenceAnalysis> sentences = List.of(sentence(0, "i call on monday ."), sentence(1, "the agent be very rude to i ."));
        ScoredComplaint complaint = new ScoredComplaint(new EvaluationCorpus.Complaint("test", "1", "…"), sentences,
                List.of(), List.of());
        List<TrainingSentence> out = CauseTrainer.sentences(List.of(complaint), Map.of(complaint.complaint().key(), Set.of("rudeness")),
                CauseMatcher.shared(shipped));
        assertThat(out).hasSize(2);
        assertThat(out.get(1).shows()).containsExactly("rudeness");
        assertThat(out.get(0).shows()).isEmpty();
        assertThat(out.get(0).unknown()).containsExactly("rudeness");
    }
}
