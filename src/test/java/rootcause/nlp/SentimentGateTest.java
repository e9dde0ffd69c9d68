package rootcause.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.sentiment.SentimentCoreAnnotations;
import edu.stanford.nlp.trees.TreeCoreAnnotations;
import edu.stanford.nlp.util.CoreMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import rootcause.model.DocumentAnalysis;
import rootcause.model.SentenceAnalysis;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@Tag("corenlp")
class SentimentGateTest {
    private static final NlpSettings GATED = NlpSettings.defaults().withParseOnlySentiment(true);
    private final SentimentAnalyzer gated = SentimentAnalyzer.shared(GATED);
    private final SentimentAnalyzer full = SentimentAnalyzer.shared(NlpSettings.defaults());

    private static final String MIXED = "Order 12345 was placed on 2019-03-04. The agent was rude and unhelpful. "
            + "It was not delivered. Thank you for the great service!";

    private List<CoreMap> sentences(SentimentAnalyzer analyzer, String text) {
        return analyzer.annotate(text).get(CoreAnnotations.SentencesAnnotation.class);
    }

    @Test
    void parsesSentencesWithASentimentWordOrANegationAndNotIdsAndDates() {
        List<CoreMap> s = sentences(gated, MIXED);
        assertThat(s).hasSize(4);
        assertThat(s.get(0).get(TreeCoreAnnotations.TreeAnnotation.class)).as("ids and dates").isNull();
        assertThat(s.get(1).get(TreeCoreAnnotations.TreeAnnotation.class)).as("rude").isNotNull();
        assertThat(s.get(2).get(TreeCoreAnnotations.TreeAnnotation.class)).as("not").isNotNull();
        assertThat(s.get(3).get(TreeCoreAnnotations.TreeAnnotation.class)).as("great").isNotNull();
    }

    @Test
    void gateReadsTheModelsLeavesAndNegationCues() {
        SentimentGate gate = SentimentGate.load(NlpSettings.SENTIMENT_MODEL);
        assertThat(gate.sentimentWords()).contains("great", "rude").doesNotContain("order", "the", "2019-03-04");
        assertThat(gate.needsParse(tokens("It", "was", "n't", "delivered"))).isTrue();
        assertThat(gate.needsParse(tokens("It", "was", "delivered"))).isFalse();
        assertThat(gate.needsParse(tokens("a", "great", "order"))).isTrue();
    }

    @Test
    void skippedSentenceHasAClassAndFiveProbabilitiesLikeAParsedOne() {
        DocumentAnalysis a = gated.analyze(MIXED);
        SentenceAnalysis skipped = a.sentences().get(0);
        assertThat(skipped.sentiment()).isBetween(0, 4);
        assertThat(skipped.sentimentProbabilities()).hasSize(5);
        assertThat(skipped.sentimentProbabilities().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0,
                org.assertj.core.data.Offset.offset(1e-6));
        assertThat(skipped.sentimentProbabilities().get(skipped.sentiment()))
                .isEqualTo(skipped.sentimentProbabilities().stream().mapToDouble(Double::doubleValue).max().orElseThrow());
        assertThat(skipped.lemmas()).contains("order", "place");
        CoreMap sentence = sentences(gated, MIXED).get(0);
        assertThat(sentence.get(TreeCoreAnnotations.TreeAnnotation.class)).isNull();
        assertThat(sentence.get(SentimentCoreAnnotations.SentimentAnnotatedTree.class).getLeaves())
                .hasSameSizeAs(sentence.get(CoreAnnotations.TokensAnnotation.class));
    }

    @Test
    void parsedSentencesComeOutAsTheFullPipelineGivesThem() {
        DocumentAnalysis g = gated.analyze(MIXED);
        DocumentAnalysis f = full.analyze(MIXED);
        assertThat(g.sentences()).hasSameSizeAs(f.sentences());
        for (int i = 1; i < 4; i++) {
            assertThat(g.sentences().get(i)).as("sentence %d", i).isEqualTo(f.sentences().get(i));
        }
        assertThat(g.sentences().get(0).lemmas()).isEqualTo(f.sentences().get(0).lemmas());
    }

    @Test
    void sentenceOverTheCapIsNeitherParsedNorScored() {
        String runOn = "I called the bank and ".repeat(18) + "nobody helped me.";
        DocumentAnalysis a = gated.analyze("The staff were lovely. " + runOn);
        assertThat(a.sentences().get(1).sentiment()).isEqualTo(SentenceAnalysis.UNKNOWN);
        assertThat(a.sentencesTooLong()).isEqualTo(1);
        assertThat(sentences(gated, runOn).get(0).get(TreeCoreAnnotations.TreeAnnotation.class)).isNull();
    }

    private static List<CoreLabel> tokens(String... words) {
        return java.util.Arrays.stream(words).map(w -> {
            CoreLabel l = new CoreLabel();
            l.setWord(w);
            l.setValue(w);
            return l;
        }).toList();
    }
}
