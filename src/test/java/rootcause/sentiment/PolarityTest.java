package rootcause.sentiment;

import org.junit.jupiter.api.Test;
import rootcause.model.DocumentAnalysis;

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
}
