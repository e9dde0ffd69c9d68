package rootcause.evaluation.sentiment;

import org.junit.jupiter.api.Test;
import rootcause.model.SentenceAnalysis;
import rootcause.sentiment.Polarity;
import rootcause.sentiment.PolarityFeatures;
import rootcause.sentiment.PolarityModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Training the polarity layer: the airline leak, folds, cross-validation and calibration. Pure. */
class SentimentCrossValidationTest {
    private static final Set<PolarityFeatures.Family> NGRAMS = Set.of(PolarityFeatures.Family.NGRAMS);
    private static final java.util.function.Function<String, float[]> NO_EMBEDDINGS = t -> {
        throw new AssertionError("no embedding needed");
    };

    private static List<SentenceAnalysis> text(String... sentences) {
        List<SentenceAnalysis> out = new ArrayList<>();
        for (String s : sentences) {
            List<String> l = List.of(s.split(" "));
            out.add(new SentenceAnalysis(out.size(), s, -1, List.of(), 0.0, 0, l.size(), l));
        }
        return out;
    }

    @Test
    void airlineLabelLeakIsUndone() {
        assertThat(LabelLeak.undo("@united Cancelled Flightled again, see you Late Flightr")).isEqualTo("@united Cancelled again, see you Later");
        assertThat(LabelLeak.undo("my flight was cancelled flighted")).isEqualTo("my flight was Canceled");
        assertThat(LabelLeak.undo("on time")).isEqualTo("on time");
    }

    @Test
    void duplicateTextsShareAFold() {
        assertThat(SentimentCrossValidation.fold("Never AGAIN, @united!!", 5)).isEqualTo(SentimentCrossValidation.fold("never again @united", 5));
        long distinctFolds = java.util.stream.IntStream.range(0, 200)
                .map(i -> SentimentCrossValidation.fold("text " + i, 5)).distinct().count();
        assertThat(distinctFolds).isEqualTo(5);
    }

    @Test
    void crossValidationReportsCalibrationBesideTheMatrix() {
        List<SentimentCrossValidation.Item> items = new ArrayList<>();
        String[][] texts = {{"never arrive", "negative"}, {"still broken", "negative"}, {"rude agent", "negative"},
                {"broken again", "negative"}, {"love it", "positive"}, {"great help", "positive"}, {"love the help", "positive"},
                {"great fix", "positive"}, {"do you ship", "neutral"}, {"i send a dm", "neutral"}, {"what time", "neutral"},
                {"i call today", "neutral"}};
        for (String[] t : texts) {
            items.add(new SentimentCrossValidation.Item(new PolarityModel.Example(text(t[0]), Polarity.parse(t[1])), t[0]));
        }
        SentimentCrossValidation.Result r = SentimentCrossValidation.run(items, 2, NGRAMS, 1.0, NO_EMBEDDINGS);
        assertThat(r.matrix().total()).isEqualTo(12);
        // The result carries what the out-of-fold predictions gave, not a default.
        assertThat(r.brier()).isPositive();
    }

    @Test
    void calibrationIsTheBinnedConfidenceGapAndTheBrierScore() {
        Calibration c = new Calibration();
        c.add(new double[] {0.7, 0.2, 0.1}, Polarity.NEGATIVE); // right, confidence 0.7 (bin 7)
        c.add(new double[] {0.6, 0.3, 0.1}, Polarity.NEUTRAL);  // wrong, confidence 0.6 (bin 6)
        c.add(new double[] {0.2, 0.1, 0.7}, Polarity.POSITIVE); // right, confidence 0.7 (bin 7)
        // bin 7: |1.4 - 2| = 0.6, bin 6: |0.6 - 0| = 0.6; (0.6 + 0.6) / 3.
        assertThat(c.expectedCalibrationError()).isCloseTo(0.4, within(1e-12));
        // (0.09 + 0.04 + 0.01) + (0.36 + 0.49 + 0.01) + (0.04 + 0.01 + 0.09), over 3.
        assertThat(c.brier()).isCloseTo(1.14 / 3, within(1e-12));
    }
}
