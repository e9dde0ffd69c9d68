package rootcause.metric;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class OutcomeCountsTest {

    // 2 of 40 against 13 of 60: pooled p = 0.15, smallest expected count 0.15 x 40 = 6, so the z-test:
    // se = sqrt(0.15 x 0.85 x (1/60 + 1/40)) = 0.072887, z = (0.05 - 0.216667) / se = -2.28665, p = 0.022216.
    @Test
    void rateOfEachValueAmongTheCausesComplaintsAgainstTheRestTestedByTheZTest() {
        // waiting: 2 of 40 with monetary relief; the month: 15 of 100, so the rest 13 of 60
        OutcomeCounts waiting = OutcomeCounts.of("company_response", "Closed with monetary relief", 2)
                .plus(OutcomeCounts.of("company_response", "Closed with explanation", 38));
        OutcomeCounts month = OutcomeCounts.of("company_response", "Closed with monetary relief", 15)
                .plus(OutcomeCounts.of("company_response", "Closed with explanation", 85));
        Map<String, OutcomeCounts.Rate> rates = waiting.ratesAgainst(month).get("company_response");
        OutcomeCounts.Rate relief = rates.get("Closed with monetary relief");
        assertThat(relief.complaints()).isEqualTo(2);
        assertThat(relief.stated()).isEqualTo(40);
        assertThat(relief.rate()).isCloseTo(0.05, within(1e-12));
        assertThat(relief.restRate()).isCloseTo(13.0 / 60, within(1e-12));
        assertThat(relief.ratio()).as("about 4x less often").isCloseTo(0.05 / (13.0 / 60), within(1e-12));
        assertThat(relief.test()).isEqualTo(ShareChange.Z_TEST);
        assertThat(relief.pValue()).isCloseTo(0.0222163887, within(1e-9));
        assertThat(relief.qValue()).as("not corrected yet").isNull();
        assertThat(OutcomeCounts.json(waiting.ratesAgainst(month))).contains(
                "\"Closed with monetary relief\":{\"complaints\":2,\"stated\":40,\"rate\":0.05,\"rest_rate\":0.2167,\"ratio\":0.2308,"
                        + "\"p_value\":0.0222,\"q_value\":null,\"test\":\"z\"}");
    }

    @Test
    void aValueTheCauseNeverHadStillShowsAndNothingStatedMeansNoRates() {
        OutcomeCounts cause = OutcomeCounts.of("consumer_disputed", "No", 5);
        OutcomeCounts month = cause.plus(OutcomeCounts.of("consumer_disputed", "Yes", 5))
                .plus(OutcomeCounts.of("consumer_disputed", "No", 5));
        OutcomeCounts.Rate yes = cause.ratesAgainst(month).get("consumer_disputed").get("Yes");
        assertThat(yes.complaints()).isZero();
        assertThat(yes.rate()).isZero();
        assertThat(yes.restRate()).isCloseTo(0.5, within(1e-12));
        assertThat(OutcomeCounts.EMPTY.ratesAgainst(month)).isEmpty();
        assertThat(OutcomeCounts.json(OutcomeCounts.EMPTY.ratesAgainst(month))).isNull();
    }

    // 5 of the cause's 6 disputed against 2 of the other 20: pooled 7/26, smallest expected 6 x 7/26 = 1.6 < 5, so
    // Fisher's exact test: P(5) + P(6) of the hypergeometric(26, 7, 6), the tables no likelier than the observed one,
    // 0.0017330 + 0.0000304 = 0.0017635 (scipy.stats.fisher_exact([[5, 1], [2, 18]]) agrees).
    @Test
    void aRateIsTestedByFishersExactTestWhenCountsAreSmall() {
        OutcomeCounts cause = OutcomeCounts.of("consumer_disputed", "Yes", 5).plus(OutcomeCounts.of("consumer_disputed", "No", 1));
        OutcomeCounts month = cause.plus(OutcomeCounts.of("consumer_disputed", "Yes", 2))
                .plus(OutcomeCounts.of("consumer_disputed", "No", 18));
        OutcomeCounts.Rate yes = cause.ratesAgainst(month).get("consumer_disputed").get("Yes");
        assertThat(yes.test()).isEqualTo(ShareChange.FISHER);
        assertThat(yes.pValue()).isCloseTo(0.0017634539, within(1e-9));
        OutcomeCounts alone = OutcomeCounts.of("consumer_disputed", "Yes", 3);
        assertThat(alone.ratesAgainst(alone).get("consumer_disputed").get("Yes").pValue())
                .as("no other complaint states the outcome: nothing to test against").isNull();
    }

    // The month's family: the first cause's two-valued "disputed" is one test (No mirrors Yes, same p = 0.01); the
    // second cause's three-valued "response" is three, p = 0.01, 0.04, 0.04; the third cause's outcome is untested.
    // BH over the four, q = min over j >= rank of 4 p_(j) / j: ranks 1 and 2: min(0.04, 0.02, ...) = 0.02; ranks 3
    // and 4: min(0.0533, 0.04) = 0.04. Counting the mirror as a fifth test would give 5 x 0.01 / 3 = 0.0167.
    @Test
    void qValuesCorrectEveryCauseAndValueOfTheMonthTogetherWithATwoValuedOutcomeTestedOnce() {
        Map<String, Map<String, OutcomeCounts.Rate>> first = Map.of("disputed", new java.util.LinkedHashMap<>(Map.of(
                "Yes", rate(0.01), "No", rate(0.01))));
        Map<String, Map<String, OutcomeCounts.Rate>> second = Map.of("response", new java.util.LinkedHashMap<>(Map.of(
                "relief", rate(0.01), "explanation", rate(0.04), "closed", rate(0.04))));
        Map<String, Map<String, OutcomeCounts.Rate>> third = Map.of("disputed", new java.util.LinkedHashMap<>(Map.of(
                "Yes", rate(null), "No", rate(null))));
        var corrected = OutcomeCounts.withQValues(java.util.List.of(first, second, third));
        assertThat(corrected.get(0).get("disputed").get("Yes").qValue()).isCloseTo(0.02, within(1e-12));
        assertThat(corrected.get(0).get("disputed").get("No").qValue()).as("the mirror test's q is its twin's")
                .isCloseTo(0.02, within(1e-12));
        assertThat(corrected.get(1).get("response").get("relief").qValue()).isCloseTo(0.02, within(1e-12));
        assertThat(corrected.get(1).get("response").get("explanation").qValue()).isCloseTo(0.04, within(1e-12));
        assertThat(corrected.get(1).get("response").get("closed").pValue()).isEqualTo(0.04);
        assertThat(corrected.get(2).get("disputed").get("Yes").qValue()).isNull();
        assertThat(corrected.get(2).get("disputed").get("No").qValue()).isNull();
    }

    private static OutcomeCounts.Rate rate(Double p) {
        return new OutcomeCounts.Rate(1, 10, 0.1, 0.2, 0.5, p, p == null ? null : ShareChange.Z_TEST, null);
    }
}
