package rootcause.aggregate;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class OutcomeCountsTest {

    @Test
    void rateOfEachValueAmongTheCausesComplaintsAgainstTheRest() {
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
        assertThat(OutcomeCounts.json(waiting.ratesAgainst(month))).contains(
                "\"Closed with monetary relief\":{\"complaints\":2,\"stated\":40,\"rate\":0.05,\"rest_rate\":0.2167,\"ratio\":0.2308}");
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
}
