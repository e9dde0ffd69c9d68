package rootcause.model;

import org.junit.jupiter.api.Test;

import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MonthsTest {
    @Test
    void readsYearDashMonth() {
        assertThat(Months.parse("--months", "2019-09")).isEqualTo(YearMonth.of(2019, 9));
    }

    @Test
    void refusesAnythingElseNamingTheOption() {
        for (String bad : new String[] {"2019-9", "2019-13", "March", "19-09", "2019-09-01", "+2019-09", ""}) {
            assertThatThrownBy(() -> Months.parse("--month", bad)).as(bad)
                    .hasMessage("--month: '" + bad + "' is not a month; write YYYY-MM, e.g. 2019-09");
        }
    }

    @Test
    void negativeMeansBelowZero() {
        assertThat(NegativeComplaint.is(-0.01)).isTrue();
        assertThat(NegativeComplaint.is(0.0)).isFalse();
    }
}
