package rootcause.evaluation.causes;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Precision, recall and F1 of cause sets, counted by hand. Pure. */
class CauseScoresTest {
    private static CauseScores scored() {
        CauseScores s = new CauseScores(List.of("waiting", "billing", "rude_staff"));
        s.add("airline", Set.of("waiting"), Set.of("waiting"));                 // waiting tp
        s.add("airline", Set.of("waiting", "billing"), Set.of("waiting"));      // waiting tp, billing fn
        s.add("cfpb", Set.of("billing"), Set.of("rude_staff"));                 // billing fn, rude_staff fp
        s.add("cfpb", Set.of(), Set.of());                                      // nothing, an exact match
        return s;
    }

    @Test
    void countsPerCauseMicroAndPerSource() {
        CauseScores s = scored();
        assertThat(s.items()).isEqualTo(4);
        assertThat(s.cause("waiting").tp()).isEqualTo(2);
        assertThat(s.cause("billing").fn()).isEqualTo(2);
        assertThat(s.cause("rude_staff").fp()).isEqualTo(1);
        assertThat(s.micro().tp()).isEqualTo(2);
        assertThat(s.micro().fp()).isEqualTo(1);
        assertThat(s.micro().fn()).isEqualTo(2);
        assertThat(s.micro().precision()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(s.micro().recall()).isCloseTo(0.5, within(1e-12));
        assertThat(s.micro().f1()).isCloseTo(4.0 / 7, within(1e-12));
        assertThat(s.source("airline").fn()).isEqualTo(1);
        assertThat(s.source("cfpb").fp()).isEqualTo(1);
        assertThat(s.source("twcs").tp()).isZero();
    }

    @Test
    void anUndefinedRatioIsPrintedAsNotApplicable() {
        CauseScores s = scored();
        assertThat(s.cause("rude_staff").recall()).isNaN();
        assertThat(CauseScores.format(s.cause("rude_staff").recall())).isEqualTo("n/a");
        StringWriter out = new StringWriter();
        s.print(new PrintWriter(out, true));
        assertThat(out.toString())
                .contains("waiting                        2     0     0   1.000   1.000   1.000")
                .contains("MICRO                          2     1     2   0.667   0.500   0.571")
                .contains("  source cfpb                  0     1     1   0.000   0.000   0.000")
                .contains("exact label-set match: 2 of 4 (0.500)");
    }
}
