package rootcause.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class FormulaGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://x\")", "+1+2", "-2+3+cmd|' /C calc'!A0", "@SUM(A1)", "\t=1", "\r=1", "\n=1"})
    void prefixesTextThatWouldStartAFormula(String cell) {
        assertThat(FormulaGuard.text(cell)).isEqualTo("'" + cell);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Long waits", "a=b", "I paid 1+1", "'quoted", " =space first"})
    void leavesOrdinaryTextAlone(String cell) {
        assertThat(FormulaGuard.text(cell)).isEqualTo(cell);
    }

    @Test
    void nullTextIsEmpty() {
        assertThat(FormulaGuard.text(null)).isEmpty();
    }

    @Test
    void negativeNumbersStayPlainDecimals() {
        assertThat(FormulaGuard.number(-0.4567, 4)).isEqualTo("-0.4567");
        assertThat(Double.parseDouble(FormulaGuard.number(-0.4567, 4))).isEqualTo(-0.4567);
        assertThat(FormulaGuard.number(12345678.9, 2)).isEqualTo("12345678.90");
    }

    @Test
    void negativeZeroLosesItsSign() {
        assertThat(FormulaGuard.number(-0.00001, 4)).isEqualTo("0.0000");
    }

    @Test
    void missingNumbersAreEmptyCells() {
        assertThat(FormulaGuard.number(null, 4)).isEmpty();
        assertThat(FormulaGuard.number(Double.NaN, 4)).isEmpty();
        assertThat(FormulaGuard.number(Double.POSITIVE_INFINITY, 4)).isEmpty();
        assertThat(FormulaGuard.count(null)).isEmpty();
        assertThat(FormulaGuard.count(-3L)).isEqualTo("-3");
    }
}
