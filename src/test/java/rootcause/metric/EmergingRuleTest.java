package rootcause.metric;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmergingRuleTest {
    private final EmergingRule rule = EmergingRule.DEFAULT;

    /** The rule for one cause tested alone, whose q-value is its p-value. */
    private String alone(long previousComplaints, long complaints, ShareChange change) {
        return rule.firedRule(previousComplaints, complaints, change, change == null ? Double.NaN : change.pValue());
    }

    @Test
    void significantRiseOfFivePointsEmerges() {
        assertThat(alone(10, 20, ShareChange.between(10, 100, 20, 100))).isEqualTo(EmergingRule.SHARE_ROSE);
    }

    @Test
    void theSameRiseIsNotCalledWhenTheMonthsCorrectedQValueIsTooHigh() {
        ShareChange change = ShareChange.between(10, 100, 20, 100);
        assertThat(change.pValue()).isLessThan(0.05);
        // e.g. the only small p among 23 causes: q = 23 p
        assertThat(rule.firedRule(10, 20, change, Math.min(1, 23 * change.pValue()))).isNull();
    }

    @Test
    void largeRiseWithoutSignificanceDoesNotEmerge() {
        // 1 of 10 -> 2 of 10: +10 points, p ~ 0.53
        assertThat(alone(1, 2, ShareChange.between(1, 10, 2, 10))).isNull();
    }

    @Test
    void significantRiseBelowFivePointsDoesNotEmerge() {
        // 1,000 -> 1,400 of 20,000: +2 points, p << 0.05
        ShareChange change = ShareChange.between(1000, 20000, 1400, 20000);
        assertThat(change.pValue()).isLessThan(0.001);
        assertThat(alone(1000, 1400, change)).isNull();
    }

    @Test
    void newCauseWithEnoughComplaintsEmerges() {
        assertThat(alone(0, 8, ShareChange.between(0, 1000, 8, 1000))).isEqualTo(EmergingRule.NEW_CAUSE);
        assertThat(alone(0, 4, ShareChange.between(0, 1000, 4, 1000))).isNull();
        // 5 new against none in 1,000: p = 0.062 by the exact test (the z-test said 0.025)
        assertThat(alone(0, 5, ShareChange.between(0, 1000, 5, 1000))).isNull();
        // new, but against a previous month of 5 complaints: not significant, not emerging
        assertThat(alone(0, 95, ShareChange.between(0, 5, 95, 1789))).isNull();
    }

    @Test
    void firstMonthNeverEmerges() {
        assertThat(alone(0, 500, null)).isNull();
    }

    @Test
    void smallMonthsAreLowVolumeAndNoChangeIsCalledAcrossThem() {
        assertThat(rule.isLowVolume(29)).isTrue();
        assertThat(rule.isLowVolume(30)).isFalse();
        assertThat(rule.canCall(30, 1000)).isTrue();
        assertThat(rule.canCall(5, 1825)).as("twcs: 5 tweets in September 2017, 1,825 in October").isFalse();
        assertThat(rule.canCall(1000, 12)).isFalse();
    }

    @Test
    void describesItselfInWords() {
        assertThat(rule.describe()).contains("5 points").contains("q < 0.05").contains("at least 30 complaints");
    }

    @Test
    void rejectsThresholdsOutsideTheirRange() {
        assertThatThrownBy(() -> new EmergingRule(5, 0.05, 5, 30)).hasMessageContaining("got 5.0");
        assertThatThrownBy(() -> new EmergingRule(0.05, 0.05, 5, 0)).hasMessageContaining("minMonthComplaints");
    }
}
