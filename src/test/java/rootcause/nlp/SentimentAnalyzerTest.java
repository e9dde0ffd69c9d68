package rootcause.nlp;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import rootcause.model.DocumentAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

@Tag("corenlp")
class SentimentAnalyzerTest {
    private final SentimentAnalyzer analyzer = SentimentAnalyzer.shared(NlpSettings.defaults());

    @Test
    void splitsSentencesAndLemmatises() {
        DocumentAnalysis a = analyzer.analyze("The agents were rude to me. Nobody called me back after three weeks!");
        assertThat(a.sentences()).hasSize(2);
        assertThat(a.sentences().get(0).lemmas()).contains("agent", "be", "rude");
        assertThat(a.sentences().get(1).lemmas()).contains("nobody", "call", "back");
        assertThat(a.sentences().get(1).tokenBegin()).isEqualTo(a.sentences().get(0).tokenEnd());
    }

    @Test
    void hostileComplaintScoresNegative() {
        DocumentAnalysis a = analyzer.analyze("This is the worst, most useless customer service I have ever had. I am furious.");
        assertThat(a.sentimentScore()).isLessThan(-0.2);
        assertThat(a.mostNegativeSentence()).isNotBlank();
    }
}
