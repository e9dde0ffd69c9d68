package rootcause.console;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressLineTest {
    @Test
    void showsDoneRateAndTimeLeft() {
        ProgressLine line = new ProgressLine("nlp", "texts", 1_200, 5_000, 96);
        assertThat(line.rate()).isEqualTo(12.5);
        assertThat(line.etaSeconds()).isEqualTo(304);
        assertThat(line.format()).isEqualTo("nlp: 1,200 / 5,000 texts (24.0 %), 12.5 texts/s, ETA 5m 04s");
    }

    @Test
    void etaIsUnknownBeforeAnythingIsDone() {
        assertThat(new ProgressLine("nlp", "texts", 0, 10, 5).format()).endsWith("ETA unknown");
    }

    @Test
    void finishedStageHasNoTimeLeft() {
        assertThat(new ProgressLine("nlp", "texts", 10, 10, 5).etaSeconds()).isZero();
        assertThat(ProgressLine.duration(3_725)).isEqualTo("1h 02m 05s");
    }

    @Test
    void barFillsInProportionToWhatIsDone() {
        assertThat(new ProgressLine("nlp", "texts", 1_200, 5_000, 96).withBar(20))
                .startsWith("[####----------------] nlp: 1,200 / 5,000");
        assertThat(new ProgressLine("nlp", "texts", 0, 0, 1).withBar(4)).startsWith("[####]");
    }
}
