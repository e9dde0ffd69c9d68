package rootcause.aggregate;

import rootcause.metric.CauseMetrics;
import rootcause.metric.CustomerScoreImpact;
import rootcause.metric.Emerging;
import rootcause.metric.Impact;
import rootcause.metric.LowVolume;
import rootcause.metric.Sentiment;
import rootcause.metric.Volume;

import rootcause.metric.EmergingRule;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SegmentComparisonTest {

    private static CauseMetrics row(String dimension, String value, String causeId, long n, long total) {
        return CauseMetrics.of(Map.ofEntries(Map.entry(CauseMetrics.MONTH, "2024-02"), Map.entry(CauseMetrics.DIMENSION, dimension),
                Map.entry(CauseMetrics.DIMENSION_VALUE, value), Map.entry(CauseMetrics.LEVEL, CauseMetrics.LEVEL_CAUSE),
                Map.entry(CauseMetrics.CAUSE_ID, causeId), Map.entry(CauseMetrics.CAUSE_NAME, causeId),
                Map.entry(CauseMetrics.CAUSE_GROUP, "g"), Map.entry(CauseMetrics.CAUSE_GROUP_NAME, "G"),
                Map.entry(Volume.COMPLAINTS, n), Map.entry(Volume.MONTH_COMPLAINTS, total),
                Map.entry(Volume.SHARE, (double) n / total), Map.entry(Sentiment.SENTIMENT_SUM, (double) -n),
                Map.entry(Sentiment.NEGATIVE_COMPLAINTS, n), Map.entry(Sentiment.MEAN_SENTIMENT, -1.0),
                Map.entry(Sentiment.NEGATIVE_SHARE, 1.0), Map.entry(Impact.IMPACT, (double) n),
                Map.entry(LowVolume.LOW_VOLUME, total < 30), Map.entry(Emerging.EMERGING, false),
                Map.entry(CustomerScoreImpact.SCORED_COMPLAINTS, 0L)));
    }

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
