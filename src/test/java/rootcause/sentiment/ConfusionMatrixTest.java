package rootcause.sentiment;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static rootcause.sentiment.Polarity.NEGATIVE;
import static rootcause.sentiment.Polarity.NEUTRAL;
import static rootcause.sentiment.Polarity.POSITIVE;

class ConfusionMatrixTest {
    @Test
    void neutralPredictionsCountWrongButAreLeftOutOfPolarAccuracy() {
        ConfusionMatrix m = ConfusionMatrix.empty()
                .add(NEGATIVE, NEGATIVE).add(NEGATIVE, NEGATIVE).add(NEGATIVE, NEUTRAL)
                .add(POSITIVE, POSITIVE).add(POSITIVE, NEGATIVE);
        assertThat(m.total()).isEqualTo(5);
        assertThat(m.correct()).isEqualTo(3);
        assertThat(m.accuracy()).isEqualTo(0.6);
        assertThat(m.polarPredictions()).isEqualTo(4);
        assertThat(m.polarAccuracy()).isEqualTo(0.75);
    }

    @Test
    void addingLeavesTheOriginalUnchanged() {
        ConfusionMatrix empty = ConfusionMatrix.empty();
        ConfusionMatrix one = empty.add(NEUTRAL, POSITIVE);
        assertThat(empty.total()).isZero();
        assertThat(one.count(NEUTRAL, POSITIVE)).isEqualTo(1);
        assertThat(empty.accuracy()).isZero();
    }

    @Test
    void rendersRowsAsHumanLabels() {
        String md = ConfusionMatrix.empty().add(NEUTRAL, POSITIVE).add(NEUTRAL, POSITIVE).toMarkdown();
        assertThat(md).contains("| neutral | 0 | 0 | 2 |").contains("| negative | 0 | 0 | 0 |");
    }

    @Test
    void rejectsAMatrixOfTheWrongShape() {
        assertThatThrownBy(() -> new ConfusionMatrix(new long[2][2])).hasMessageContaining("3x3");
    }
}
