package rootcause.metric;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ScoreImpactTest {
    private static final ScoreImpact.Moments CAUSE = ScoreImpact.Moments.of(1, 2, 1, 3, 2);
    private static final ScoreImpact.Moments REST = ScoreImpact.Moments.of(4, 5, 3, 5, 4, 4, 2, 5);

    // All 13 scores average 41/13 = 3.1538; without the cause's 5 they average 32/8 = 4.0. The interval is 5/13 of
    // Welch's interval for 1.8 - 4.0 (scipy.stats.ttest_ind(equal_var=False).confidence_interval(0.95)).
    @Test
    void impactIsTheMeanWithMinusTheMeanWithoutWithWelchsInterval() {
        ScoreImpact i = ScoreImpact.of(CAUSE, CAUSE.plus(REST));
        assertThat(i.meanAll()).isCloseTo(41.0 / 13, within(1e-12));
        assertThat(i.meanWithout()).isCloseTo(4.0, within(1e-12));
        assertThat(i.impact()).isCloseTo(41.0 / 13 - 4.0, within(1e-12));
        assertThat(i.low()).isCloseTo(-1.3005036410, within(1e-9));
        assertThat(i.high()).isCloseTo(-0.3918040513, within(1e-9));
    }

    @Test
    void noIntervalFromASingleScoreAndNoImpactWithoutAComparison() {
        ScoreImpact one = ScoreImpact.of(ScoreImpact.Moments.of(1), ScoreImpact.Moments.of(1).plus(REST));
        assertThat(one.impact()).isCloseTo(33.0 / 9 - 4.0, within(1e-12));
        assertThat(one.low()).isNaN();
        assertThat(ScoreImpact.of(CAUSE, CAUSE)).isNull();
        assertThat(ScoreImpact.of(ScoreImpact.Moments.EMPTY, REST)).isNull();
    }

    // 10 answers, 4 promoters and 3 detractors: NPS 10. The cause's 3 answers hold 2 detractors and no promoter;
    // without them 7 answers, 4 promoters, 1 detractor: NPS 42.857. The cause costs 32.857 points.
    @Test
    void npsPointsAreTheNpsWithMinusTheNpsWithout() {
        assertThat(ScoreImpact.npsPoints(3, 0, 2, 10, 4, 3)).isCloseTo(10 - 300.0 / 7, within(1e-12));
        assertThat(ScoreImpact.npsPoints(0, 0, 0, 10, 4, 3)).isNull();
    }

    // The cause's answers 2, 6, 8, 10: detractors 2 and 6, promoter 10, passive 8. The rest 9, 10, 9, 7, 3, 10:
    // 4 promoters, 1 detractor. All 10 answers: 5 promoters, 3 detractors, NPS 50 - 30 = 20; without the cause's
    // 6 answers: (4 - 1) / 6 = NPS 50. The cause costs 20 - 50 = -30 points.
    @Test
    void npsCountsClassifyAnswersAndGiveThePointsACauseCosts() {
        ScoreImpact.NpsCounts cause = ScoreImpact.NpsCounts.of(2, 6, 8, 10);
        ScoreImpact.NpsCounts all = cause.plus(ScoreImpact.NpsCounts.of(9, 10, 9, 7, 3, 10));
        assertThat(cause).isEqualTo(new ScoreImpact.NpsCounts(4, 1, 2));
        assertThat(all).isEqualTo(new ScoreImpact.NpsCounts(10, 5, 3));
        assertThat(cause.pointsWithin(all)).isCloseTo(-30.0, within(1e-12));
        assertThat(ScoreImpact.NpsCounts.EMPTY.pointsWithin(all)).as("no answers with the cause").isNull();
        assertThat(all.pointsWithin(all)).as("nothing to compare with").isNull();
        assertThatThrownBy(() -> ScoreImpact.NpsCounts.of(11)).hasMessageContaining("not an NPS answer");
        assertThatThrownBy(() -> new ScoreImpact.NpsCounts(2, 2, 1)).hasMessageContaining("promoters 2");
    }

    @Test
    void npsAnswersArePromotersAndDetractorsByTheAnswerBands() {
        for (int a = 0; a <= 10; a++) {
            assertThat(ScoreImpact.NpsCounts.of(a)).as("answer %d", a).isEqualTo(new ScoreImpact.NpsCounts(1,
                    a >= rootcause.model.NpsAnswer.PROMOTER_AT_LEAST ? 1 : 0, a <= rootcause.model.NpsAnswer.DETRACTOR_AT_MOST ? 1 : 0));
        }
        assertThat(ScoreImpact.NpsCounts.of(6)).isEqualTo(new ScoreImpact.NpsCounts(1, 0, 1));
        assertThat(ScoreImpact.NpsCounts.of(9)).isEqualTo(new ScoreImpact.NpsCounts(1, 1, 0));
    }
}
