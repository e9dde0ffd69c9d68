package rootcause.evaluation.sentiment;

import rootcause.sentiment.Polarity;
import org.junit.jupiter.api.Test;
import rootcause.model.DocumentAnalysis;
import rootcause.model.SentenceAnalysis;

import java.io.StringReader;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EvaluationSetsTest {
    @Test
    void readsSstLabelsAndLineNumbers() {
        List<LabelledText> t = EvaluationSets.sst2(List.of("sentiment\ttext", "1\tA fine film .", "0\tDull , dull , dull ."), "sst");
        assertThat(t).containsExactly(
                new LabelledText("2", "A fine film .", Polarity.POSITIVE),
                new LabelledText("3", "Dull , dull , dull .", Polarity.NEGATIVE));
    }

    @Test
    void badSstLabelNamesTheLine() {
        assertThatThrownBy(() -> EvaluationSets.sst2(List.of("sentiment\ttext", "2\tx"), "sst.tsv"))
                .hasMessage("sst.tsv line 2: label must be 0 or 1, got '2'");
    }

    @Test
    void readsAirlineTweetsWithQuotedNewlines() throws Exception {
        String csv = "tweet_id,airline_sentiment,text,airline\n"
                + "1,negative,\"@united lost my bag,\nagain\",United\n"
                + "2,neutral,@delta what time?,Delta\n";
        List<LabelledText> t = EvaluationSets.airlineTweets(new StringReader(csv));
        assertThat(t).extracting(LabelledText::gold).containsExactly(Polarity.NEGATIVE, Polarity.NEUTRAL);
        assertThat(t.get(0).text()).isEqualTo("@united lost my bag,\nagain");
    }

    @Test
    void everyKthIsDeterministicAndSpreadOut() {
        List<Integer> all = IntStream.range(0, 10).boxed().toList();
        assertThat(EvaluationSets.everyKth(all, 4)).containsExactly(0, 3, 6, 9);
        assertThat(EvaluationSets.everyKth(all, 0)).isEqualTo(all);
        assertThat(EvaluationSets.everyKth(all, 20)).isEqualTo(all);
    }

    @Test
    void sentenceClassesAndDocumentLabelsCollapseToThreeClasses() {
        assertThat(Polarity.ofSentenceClass(0)).isEqualTo(Polarity.NEGATIVE);
        assertThat(Polarity.ofSentenceClass(1)).isEqualTo(Polarity.NEGATIVE);
        assertThat(Polarity.ofSentenceClass(2)).isEqualTo(Polarity.NEUTRAL);
        assertThat(Polarity.ofSentenceClass(-1)).isEqualTo(Polarity.NEUTRAL);
        assertThat(Polarity.ofSentenceClass(4)).isEqualTo(Polarity.POSITIVE);
        assertThat(Polarity.ofDocumentLabel("very negative")).isEqualTo(Polarity.NEGATIVE);
        assertThat(Polarity.ofDocumentLabel("positive")).isEqualTo(Polarity.POSITIVE);
    }

    @Test
    void judgesUseTheSentenceClassForSstAndTheDocumentLabelForTweets() {
        LabelledText t = new LabelledText("7", "x", Polarity.POSITIVE);
        DocumentAnalysis a = new DocumentAnalysis(List.of(new SentenceAnalysis(0, "x", 3, 0, 1, List.of("x"))),
                0.1, "neutral", null, 0);
        assertThat(SentimentEvaluation.bySentenceClass(t, a).predicted()).isEqualTo(Polarity.POSITIVE);
        assertThat(SentimentEvaluation.byDocumentLabel(t, a).predicted()).isEqualTo(Polarity.NEUTRAL);
        assertThat(SentimentEvaluation.byDocumentLabel(t, a).toTsv()).isEqualTo("7\tpositive\tneutral\tneutral\t0.1000");
    }
}
