package rootcause.console;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StageLineTest {
    @Test
    void namesTheStageItsCountsAndItsTime() {
        assertThat(new StageLine("nlp", "125 distinct texts analysed", 87_400).format())
                .isEqualTo("nlp              125 distinct texts analysed  (1m 27s)");
    }

    @Test
    void durationsReadAsPeopleSayThem() {
        assertThat(StageLine.duration(850)).isEqualTo("850 ms");
        assertThat(StageLine.duration(4_240)).isEqualTo("4.2 s");
        assertThat(StageLine.duration(59_940)).isEqualTo("59.9 s");
        assertThat(StageLine.duration(3_725_000)).isEqualTo("1h 02m 05s");
    }
}
