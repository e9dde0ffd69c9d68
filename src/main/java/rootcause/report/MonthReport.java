package rootcause.report;

import rootcause.metric.Volume;

import rootcause.metric.CauseMetrics;
import rootcause.aggregate.SegmentComparison;

import java.util.List;
import java.util.Map;

/**
 * Everything the files of one month's report are made from, collected on the driver.
 *
 * @param month   {@code YYYY-MM}
 * @param causes  this month's cause rows for the whole month, by impact high to low (unclassified included)
 * @param groups  this month's cause-group rows for the whole month, by impact
 * @param history cause rows for the whole month of every month up to and including this one, for trends
 * @param quotes  a few quotes per cause id: the most negative ones, most negative first, then the typical ones
 * @param counts  the run's row counts
 * @param segments this month's causes in each segment against the rest ({@link SegmentComparison}), over-represented first
 */
public record MonthReport(String month, List<CauseMetrics> causes, List<CauseMetrics> groups,
                          List<CauseMetrics> history, Map<String, List<Quote>> quotes, RunCounts counts,
                          List<SegmentComparison.Row> segments) {

    /** A month without segment comparisons (one segment per dimension, or none recorded). */
    public MonthReport(String month, List<CauseMetrics> causes, List<CauseMetrics> groups, List<CauseMetrics> history,
                       Map<String, List<Quote>> quotes, RunCounts counts) {
        this(month, causes, groups, history, quotes, counts, List.of());
    }

    /** Complaints (non-duplicate) in the month; 0 when no cause row exists. */
    public long monthComplaints() {
        return causes.isEmpty() ? 0 : causes.get(0).get(Volume.MONTH_COMPLAINTS);
    }

    /** The most negative quote of a cause, or null. */
    public Quote example(String causeId) {
        return quotes.getOrDefault(causeId, List.of()).stream().filter(q -> !q.typical()).findFirst().orElse(null);
    }
}
