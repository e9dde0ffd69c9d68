package rootcause.aggregate;

import rootcause.metric.EmergingRule;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SegmentComparisonTest {

    private static CauseMetrics row(String dimension, String value, String causeId, long n, long total) {
        return new CauseMetrics("2024-02", dimension, value, CauseMetrics.LEVEL_CAUSE, causeId, causeId, "g", "G", n, total,
                -n, n, (double) n / total, -1, 1, n, null, null, null, null, null, null, null, total < 30, null, 0, null, null, null, null, null, null, null, null, null);
    }

    /** 300 complaints: rudeness in half the 60 store visits but an eighth of the 240 calls; 20 in one region. */
    private static final List<CauseMetrics> MONTH = List.of(
            row("all", "all", "rudeness", 60, 300), row("all", "all", "waiting", 90, 300),
            row("all", "all", "unclassified", 100, 300),
            row("channel", "store", "rudeness", 30, 60), row("channel", "store", "waiting", 18, 60),
            row("channel", "store", "unclassified", 5, 60),
            row("channel", "phone", "rudeness", 30, 240), row("channel", "phone", "waiting", 72, 240),
            row("channel", "phone", "unclassified", 95, 240),
            row("region", "north", "rudeness", 15, 20));

    @Test
    void findsTheCauseOverRepresentedInASegmentWithItsRatioAndQValue() {
        List<SegmentComparison.Row> rows = SegmentComparison.compare(MONTH, EmergingRule.DEFAULT);
        SegmentComparison.Row first = rows.get(0);
        assertThat(first.overRepresented()).isTrue();
        assertThat(first.segment()).isEqualTo("store");
        assertThat(first.causeId()).isEqualTo("rudeness");
        assertThat(first.share()).isCloseTo(0.5, within(1e-12));
        assertThat(first.restShare()).isCloseTo(30.0 / 240, within(1e-12));
        assertThat(first.ratio()).isCloseTo(4.0, within(1e-12));
        assertThat(first.restComplaints()).isEqualTo(30);
        assertThat(first.restTotal()).isEqualTo(240);
        assertThat(first.qValue()).isLessThan(0.001).isGreaterThanOrEqualTo(first.pValue());
        // the phone side of the same split is under-represented, never "over"
        assertThat(rows).filteredOn(r -> r.segment().equals("phone") && r.causeId().equals("rudeness"))
                .singleElement().satisfies(r -> assertThat(r.overRepresented()).isFalse());
        // waiting: 30 % in both channels
        assertThat(rows).filteredOn(r -> r.causeId().equals("waiting")).allSatisfy(r -> {
            assertThat(r.ratio()).isCloseTo(1.0, within(1e-12));
            assertThat(r.overRepresented()).isFalse();
        });
    }

    @Test
    void smallSegmentsAndUnclassifiedAreNotCompared() {
        List<SegmentComparison.Row> rows = SegmentComparison.compare(MONTH, EmergingRule.DEFAULT);
        assertThat(rows).extracting(SegmentComparison.Row::dimension).doesNotContain("region");
        assertThat(rows).extracting(SegmentComparison.Row::causeId).doesNotContain("unclassified");
        assertThat(rows).hasSize(4);
    }

    @Test
    void warnsWhenASegmentsShareOfClassifiedComplaintsDiffersFromTheRest() {
        // store: 55 of 60 classified (92 %) against 145 of 240 (60 %): 1.52x
        List<SegmentComparison.Row> rows = SegmentComparison.compare(MONTH, EmergingRule.DEFAULT);
        assertThat(rows).filteredOn(r -> r.segment().equals("store"))
                .allSatisfy(r -> assertThat(r.baseRateWarning()).contains("92 %").contains("60 %"));
        assertThat(rows).filteredOn(r -> r.segment().equals("phone"))
                .allSatisfy(r -> assertThat(r.baseRateWarning()).isNotNull());
    }

    @Test
    void aMonthWithoutSlicesHasNothingToCompare() {
        assertThat(SegmentComparison.compare(MONTH.subList(0, 3), EmergingRule.DEFAULT)).isEmpty();
        assertThat(SegmentComparison.compare(List.of(), EmergingRule.DEFAULT)).isEmpty();
    }
}
