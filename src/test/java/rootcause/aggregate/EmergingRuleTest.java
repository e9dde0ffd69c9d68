package rootcause.aggregate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmergingRuleTest {
    private final EmergingRule rule = EmergingRule.DEFAULT;

    @Test
    void significantRiseOfFivePointsEmerges() {
        assertThat(rule.isEmerging(10, 20, ShareChange.between(10, 100, 20, 100))).isTrue();
    }

    @Test
    void largeRiseWithoutSignificanceDoesNotEmerge() {
        // 1 of 10 -> 2 of 10: +10 points, p ~ 0.53
        assertThat(rule.isEmerging(1, 2, ShareChange.between(1, 10, 2, 10))).isFalse();
    }

    @Test
    void significantRiseBelowFivePointsDoesNotEmerge() {
        // 1,000 -> 1,400 of 20,000: +2 points, p << 0.05
        ShareChange change = ShareChange.between(1000, 20000, 1400, 20000);
        assertThat(change.pValue()).isLessThan(0.001);
        assertThat(rule.isEmerging(1000, 1400, change)).isFalse();
    }

    @Test
    void newCauseWithEnoughComplaintsEmerges() {
        assertThat(rule.isEmerging(0, 8, ShareChange.between(0, 1000, 8, 1000))).isTrue();
        assertThat(rule.isEmerging(0, 4, ShareChange.between(0, 1000, 4, 1000))).isFalse();
        // 5 new against none in 1,000: p = 0.062 by the exact test (the z-test said 0.025)
        assertThat(rule.isEmerging(0, 5, ShareChange.between(0, 1000, 5, 1000))).isFalse();
        // new, but against a previous month of 5 complaints: not significant, not emerging
        assertThat(rule.isEmerging(0, 95, ShareChange.between(0, 5, 95, 1789))).isFalse();
    }

    @Test
    void firstMonthNeverEmerges() {
        assertThat(rule.isEmerging(0, 500, null)).isFalse();
    }

    @Test
    void rejectsThresholdsOutsideTheirRange() {
        assertThatThrownBy(() -> new EmergingRule(5, 0.05, 5)).hasMessageContaining("got 5.0");
    }
}
