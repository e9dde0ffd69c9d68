package rootcause.evaluation.causes;

import rootcause.evaluation.EvaluationCorpus;

import org.junit.jupiter.api.Test;
import rootcause.classify.ComplaintClassifier;
import rootcause.classify.ExampleMatcher;
import rootcause.classify.SignalCombiner;
import rootcause.classify.Taxonomy;
import rootcause.classify.TaxonomyLoader;
import rootcause.embed.SentenceEmbedder;
import rootcause.model.CauseMatch;
import rootcause.model.Evidence;
import rootcause.model.SentenceAnalysis;
import rootcause.nlp.LemmaAnalyzer;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Evaluation scores the rule that ships: on the built-in taxonomy (the model confirms patterns), a complaint
 * analysed for evaluation gets exactly the causes the job's classifier gives it, including patterns the model
 * confirms with a probability under its own threshold.
 */
class ScoredComplaintTest {
    private static final Taxonomy TAXONOMY = TaxonomyLoader.loadDefault();
    private static final LemmaAnalyzer LEMMAS = new LemmaAnalyzer();

    private static final List<String> TEXTS = List.of(
            "I was on hold for two hours and then the call dropped.",
            "The agent was rude and hung up on me.",
            "They charged me twice and nobody can tell me why.",
            "I have explained my problem to five different people and each one transferred me.",
            "The app keeps crashing when I try to pay my bill.",
            "They promised to call me back and never did.",
            "Your policy makes no sense, the rules are the rules they said.",
            "I am not working right now so I cannot pay the full amount.",
            "The support person just read from a script and did not listen to anything I said.",
            "My package was lost and customer service could not find any record of it.",
            "Still waiting for my refund after six weeks.",
            "The website says one thing and the store says another.",
            "Nobody there seems to know how their own product works.",
            // patterns the model may confirm under its own threshold (the first test counts them: at least one must be)
            "waiting for a callback",
            "service was slow",
            "nobody knew the answer",
            "Thanks for the quick help today!");

    @Test
    void evaluationGivesTheJobsCausesWherePatternsAreConfirmedUnderTheThreshold() {
        ComplaintClassifier job = new ComplaintClassifier(TAXONOMY);
        SignalCombiner combiner = job.matcher().combiner();
        int confirmedUnderThreshold = 0;
        for (int i = 0; i < TEXTS.size(); i++) {
            String text = TEXTS.get(i);
            List<SentenceAnalysis> sentences = LEMMAS.sentences(text);
            List<CauseMatch> shipped = job.classify(sentences);
            ScoredComplaint scored = ScoredComplaint.of(new EvaluationCorpus.Complaint("test", Integer.toString(i), text),
                    sentences, TAXONOMY, t -> SentenceEmbedder.shared(TAXONOMY.semantic().encoder()).embed(t));
            Set<String> evaluated = ScoredComplaint.ids(scored.classify(job.matcher()));
            assertThat(evaluated).as(text).isEqualTo(ScoredComplaint.ids(shipped));
            for (CauseMatch m : shipped) {
                boolean byPattern = m.evidence().stream().anyMatch(e -> Evidence.PATTERN.equals(e.matchedBy()));
                double best = scored.scores().stream().flatMap(List::stream).filter(s -> s.causeId().equals(m.causeId()))
                        .mapToDouble(ExampleMatcher.Score::score).max().orElse(0);
                if (byPattern && best < TAXONOMY.threshold(TAXONOMY.cause(m.causeId()))) {
                    confirmedUnderThreshold++;
                }
            }
        }
        assertThat(combiner.describe()).contains("at least 0.30");
        assertThat(confirmedUnderThreshold).as("texts where the model confirms a pattern below its own threshold: the"
                + " case evaluation once missed").isPositive();
    }

    @Test
    void aSweptThresholdBelowTheTaxonomysFindsMore() {
        ComplaintClassifier job = new ComplaintClassifier(TAXONOMY);
        var low = TAXONOMY.semantic().with(TAXONOMY.semantic().decision(), 0.2, TAXONOMY.semantic().margin());
        int atShipped = 0;
        int atLow = 0;
        for (int i = 0; i < TEXTS.size(); i++) {
            ScoredComplaint scored = ScoredComplaint.of(new EvaluationCorpus.Complaint("test", Integer.toString(i), TEXTS.get(i)),
                    LEMMAS.sentences(TEXTS.get(i)), TAXONOMY, t -> SentenceEmbedder.shared(TAXONOMY.semantic().encoder()).embed(t));
            atShipped += ScoredComplaint.ids(scored.classify(job.matcher(), TAXONOMY.semantic(), null)).size();
            atLow += ScoredComplaint.ids(scored.classify(job.matcher(), low, null)).size();
        }
        assertThat(TAXONOMY.semantic().threshold()).isGreaterThan(0.2);
        assertThat(atLow).as("causes found at 0.2 against the shipped %.2f", TAXONOMY.semantic().threshold()).isGreaterThan(atShipped);
    }
}
