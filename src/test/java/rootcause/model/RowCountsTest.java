package rootcause.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RowCountsTest {
    @Test
    void everyRowReadIsAcceptedRejectedOrFiltered() {
        assertThat(new RowCounts(29, 23, 4, 2).reconciles()).isTrue();
        assertThat(new RowCounts(120, 100, 20, 3).reconciles()).as("filtered rows are rows read too").isFalse();
        assertThat(new RowCounts(30, 26, 4, 2).reconciles()).isFalse();
        assertThat(new RowCounts(0, 0, 0, 0).reconciles()).isTrue();
    }

    @Test
    void statesTheRuleAndItsEquation() {
        assertThat(RowCounts.RULE).isEqualTo("rows_read = rows_accepted + rows_rejected + rows_filtered");
        assertThat(new RowCounts(29, 23, 4, 2).equation()).isEqualTo("29 = 23 + 4 + 2");
        assertThat(new RowCounts(11_623, 4_310, 0, 7_313).formattedEquation()).isEqualTo("11,623 = 4,310 + 0 + 7,313");
    }

    @Test
    void theReconciliationNamesTheTotalAndItsParts() {
        RowCounts.Reconciliation r = new RowCounts(120, 100, 20, 3).reconciliation();
        assertThat(r.total()).isEqualTo("rows_read");
        assertThat(r.parts()).containsExactly("rows_accepted", "rows_rejected", "rows_filtered");
        assertThat(r.equation()).isEqualTo("120 = 100 + 20 + 3");
        assertThat(r.reconciles()).isFalse();
    }

    @Test
    void sumsAddEachCount() {
        assertThat(RowCounts.sum(List.of(new RowCounts(10, 7, 2, 1), new RowCounts(5, 5, 0, 0))))
                .isEqualTo(new RowCounts(15, 12, 2, 1));
        assertThat(RowCounts.sum(List.of())).isEqualTo(RowCounts.ZERO);
    }
}
