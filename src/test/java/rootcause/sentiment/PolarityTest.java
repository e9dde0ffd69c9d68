package rootcause.sentiment;

import org.junit.jupiter.api.Test;
import rootcause.model.DocumentAnalysis;
import rootcause.model.NpsAnswer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolarityTest {
    @Test
    void eachOfTheFiveLabelsCollapsesAsItsSentenceClass() {
        assertThat(DocumentAnalysis.SENTIMENT_LABELS.stream().map(Polarity::ofDocumentLabel))
                .containsExactly(Polarity.NEGATIVE, Polarity.NEGATIVE, Polarity.NEUTRAL, Polarity.POSITIVE, Polarity.POSITIVE);
        for (int c = 0; c < DocumentAnalysis.SENTIMENT_LABELS.size(); c++) {
            assertThat(Polarity.ofDocumentLabel(DocumentAnalysis.SENTIMENT_LABELS.get(c))).isEqualTo(Polarity.ofSentenceClass(c));
        }
    }

    @Test
    void aLabelOutsideTheFiveFails() {
        assertThatThrownBy(() -> Polarity.ofDocumentLabel("mixed")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'mixed'");
    }

    @Test
    void npsLabelsFollowTheAnswerBands() {
        for (double a = NpsAnswer.LOWEST; a <= NpsAnswer.HIGHEST; a += 0.5) {
            Polarity expected = a <= NpsAnswer.DETRACTOR_AT_MOST ? Polarity.NEGATIVE
                    : a >= NpsAnswer.PROMOTER_AT_LEAST ? Polarity.POSITIVE : Polarity.NEUTRAL;
            assertThat(PolarityLabels.NPS.map(Double.toString(a))).as("answer %s", a).isEqualTo(expected);
        }
        assertThat(PolarityLabels.NPS.map("-1")).isNull();
        assertThat(PolarityLabels.NPS.map("10.5")).isNull();
    }
}
