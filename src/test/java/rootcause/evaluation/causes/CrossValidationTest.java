package rootcause.evaluation.causes;

import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The folds of train-causes' cross-validation. Pure. */
class CrossValidationTest {
    @Test
    void aRepeatedTextSharesItsFoldWhateverItsCaseAndPunctuation() {
        assertThat(CrossValidation.fold("On hold for 2 HOURS!!", 5)).isEqualTo(CrossValidation.fold("on hold for 2 hours", 5));
        assertThat(CrossValidation.fold(null, 5)).isEqualTo(CrossValidation.fold("", 5));
    }

    @Test
    void textsSpreadOverEveryFold() {
        long[] perFold = new long[5];
        IntStream.range(0, 500).forEach(i -> perFold[CrossValidation.fold("complaint number " + i, 5)]++);
        for (long n : perFold) {
            assertThat(n).as("texts per fold of 500").isBetween(60L, 140L);
        }
    }
}
