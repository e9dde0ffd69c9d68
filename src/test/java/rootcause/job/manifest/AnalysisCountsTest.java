package rootcause.job.manifest;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import rootcause.SparkTestSession;
import rootcause.aggregate.AggregateStageTest;
import rootcause.aggregate.ComplaintFixtures;
import rootcause.model.NegativeComplaint;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AnalysisCountsTest {
    private static List<ComplaintFixtures.Complaint> complaints;
    private static Dataset<Row> input;

    @BeforeAll
    static void setUp() {
        complaints = AggregateStageTest.twoMonths();
        input = ComplaintFixtures.toDataset(SparkTestSession.get(), complaints);
    }

    /** The classify section counts non-duplicate complaints, as the aggregates do; the run reads two keys back. */
    @Test
    void classifySectionCountsOriginalsUnclassifiedAndNegative() {
        List<ComplaintFixtures.Complaint> originals = complaints.stream().filter(c -> !c.duplicate()).toList();
        long unclassified = originals.stream().filter(c -> c.causes().isEmpty()).count();
        long negative = originals.stream().filter(c -> NegativeComplaint.is(c.sentimentScore())).count();
        long unclassifiedNegative = originals.stream()
                .filter(c -> c.causes().isEmpty() && NegativeComplaint.is(c.sentimentScore())).count();
        assertThat(unclassified).as("the fixture has unclassified complaints").isPositive();

        Map<String, Object> section = AnalysisCounts.classify(input);
        assertThat(section).containsExactly(
                Map.entry(AnalysisCounts.COMPLAINTS, (long) originals.size()),
                Map.entry(AnalysisCounts.UNCLASSIFIED, unclassified),
                Map.entry("negative_complaints", negative),
                Map.entry("unclassified_negative", unclassifiedNegative),
                Map.entry("unclassified_share", (double) unclassified / originals.size()),
                Map.entry("unclassified_negative_share", (double) unclassifiedNegative / negative));
        assertThat(AnalysisCounts.unclassifiedCheck(section).passed())
                .isEqualTo((double) unclassifiedNegative / negative <= AnalysisCounts.MAX_UNCLASSIFIED_NEGATIVE_SHARE);
    }
}
