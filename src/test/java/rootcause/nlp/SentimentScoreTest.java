package rootcause.nlp;

import org.junit.jupiter.api.Test;
import rootcause.model.DocumentAnalysis;
import rootcause.model.SentenceAnalysis;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SentimentScoreTest {
    private static SentenceAnalysis sentence(int index, int sentiment, int begin, int end) {
        return new SentenceAnalysis(index, "s" + index, sentiment, begin, end, List.of());
    }

    @Test
    void everyScoreBandIsOneOfTheFiveLabels() {
        for (double score : new double[]{-1, -0.6, -0.3, -0.2, 0, 0.2, 0.3, 0.6, 1}) {
            assertThat(DocumentAnalysis.SENTIMENT_LABELS).contains(SentimentScore.label(score));
        }
    }

    @Test
    void classesMapOntoMinusOneToOne() {
        assertThat(SentimentScore.value(0)).isEqualTo(-1.0);
        assertThat(SentimentScore.value(2)).isEqualTo(0.0);
        assertThat(SentimentScore.value(4)).isEqualTo(1.0);
    }

    @Test
    void longSentencesWeighMoreThanShortOnes() {
        // 30 tokens very negative (-1), 3 tokens very positive (+1): (-30 + 3) / 33.
        List<SentenceAnalysis> s = List.of(sentence(0, 0, 0, 30), sentence(1, 4, 30, 33));
        assertThat(SentimentScore.weightedScore(s)).isCloseTo(-27.0 / 33, within(1e-12));
    }

    @Test
    void unknownSentencesCarryNoWeight() {
        List<SentenceAnalysis> s = List.of(sentence(0, SentenceAnalysis.UNKNOWN, 0, 100), sentence(1, 3, 100, 105));
        assertThat(SentimentScore.weightedScore(s)).isEqualTo(0.5);
    }

    @Test
    void noKnownSentenceIsNeutral() {
        DocumentAnalysis a = SentimentScore.summarise(List.of(sentence(0, SentenceAnalysis.UNKNOWN, 0, 90)), 1);
        assertThat(a.sentimentScore()).isZero();
        assertThat(a.sentimentLabel()).isEqualTo("neutral");
        assertThat(a.mostNegativeSentence()).isNull();
        assertThat(a.sentencesTooLong()).isEqualTo(1);
    }

    @Test
    void labelsCutAtPointTwoAndPointSix() {
        assertThat(SentimentScore.label(-0.6)).isEqualTo("very negative");
        assertThat(SentimentScore.label(-0.59)).isEqualTo("negative");
        assertThat(SentimentScore.label(-0.2)).isEqualTo("neutral");
        assertThat(SentimentScore.label(0.2)).isEqualTo("neutral");
        assertThat(SentimentScore.label(0.21)).isEqualTo("positive");
        assertThat(SentimentScore.label(0.6)).isEqualTo("very positive");
    }

    @Test
    void mostNegativeSentenceIsTheFirstLowest() {
        List<SentenceAnalysis> s = List.of(sentence(0, 2, 0, 5), sentence(1, 1, 5, 9), sentence(2, 1, 9, 12));
        assertThat(SentimentScore.summarise(s, 0).mostNegativeSentence()).isEqualTo("s1");
    }
}
