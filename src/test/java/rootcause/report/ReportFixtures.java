package rootcause.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import rootcause.aggregate.CauseMetrics;
import rootcause.metric.EmergingRule;
import rootcause.metric.ShareChange;
import rootcause.model.RowCounts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** In-memory month reports for tests that need no Spark, including hostile complaint text. */
final class ReportFixtures {
    private ReportFixtures() {}

    static final String SCRIPT = "<script>alert(1)</script>";
    static final String PWN_IMG = "<img src=x onerror=\"document.title='pwned'\">";
    /** The run behind {@link #hostile()}: 123 rows read = 100 accepted + 20 rejected + 3 filtered. */
    static final RowCounts HOSTILE_ROWS = new RowCounts(123, 100, 20, 3);

    /** A manifest's counts as the job writes them: the totals, duplicates, and the reconciliation with its result. */
    static String manifestJson(RowCounts rows, long duplicates) throws Exception {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put(RowCounts.READ, rows.read());
        manifest.put(RowCounts.ACCEPTED, rows.accepted());
        manifest.put(RowCounts.REJECTED, rows.rejected());
        manifest.put(RowCounts.FILTERED, rows.filtered());
        manifest.put(RowCounts.RECONCILIATION, rows.reconciliation());
        manifest.put(RowCounts.DUPLICATES, duplicates);
        return new ObjectMapper().writeValueAsString(manifest);
    }

    static CauseMetrics cause(String month, String id, String name, long n, long total, double sentimentSum,
                              Double previousShare, boolean emerging) {
        return cause(month, id, name, n, total, sentimentSum, previousShare, 100, emerging);
    }

    static CauseMetrics cause(String month, String id, String name, long n, long total, double sentimentSum,
                              Double previousShare, long previousTotal, boolean emerging) {
        double share = (double) n / total;
        boolean compared = previousShare != null;
        return new CauseMetrics(month, "all", "all", "cause", id, name, "grp-" + id, "Group of " + name, n, total,
                sentimentSum, n, share, sentimentSum / n, 1.0, (n - sentimentSum) / 2,
                compared ? Math.round(previousShare * previousTotal) : null, compared ? previousTotal : null,
                previousShare, compared ? share - previousShare : null, compared ? 0.01 : null,
                compared ? 0.02 : null, compared ? ShareChange.Z_TEST : null, total < 30,
                emerging ? EmergingRule.SHARE_ROSE : null, 0, null, null, null, null, null, null, null, "rootcause_service_causes 2.1.0 (sha256 0123456789ab)",
                compared ? false : null);
    }

    /** {@code feb} with scores: rudeness costs the score most, and {@code rudenessNps} NPS points (null: no NPS). */
    static MonthReport withScores(MonthReport feb, Double rudenessNps) {
        List<CauseMetrics> scored = feb.causes().stream().map(c -> new CauseMetrics(
                c.month(), c.dimension(), c.dimensionValue(), c.level(), c.causeId(), c.causeName(), c.causeGroup(),
                c.causeGroupName(), c.complaints(), c.monthComplaints(), c.sentimentSum(), c.negativeComplaints(), c.share(),
                c.meanSentiment(), c.negativeShare(), c.impact(), c.previousComplaints(), c.previousMonthComplaints(),
                c.previousShare(), c.changeInShare(), c.changePValue(), c.changeQValue(), c.changeTest(), c.lowVolume(),
                c.emergingRule(), 25, c.causeId().equals("rudeness") ? 1.8 : 3.0,
                c.causeId().equals("rudeness") ? 3.9 : 3.6, c.causeId().equals("rudeness") ? -0.42 : -0.12,
                c.causeId().equals("rudeness") ? -0.55 : -0.3, c.causeId().equals("rudeness") ? -0.3 : 0.06,
                c.causeId().equals("rudeness") ? rudenessNps : null, null,
                c.taxonomyVersion(), c.taxonomyChanged())).toList();
        return new MonthReport(feb.month(), scored, feb.groups(), feb.history(), feb.quotes(), feb.counts());
    }

    /** {@link #hostile()}'s February against a January of only 20 complaints: nothing can be called. */
    static MonthReport againstASmallJanuary() {
        MonthReport feb = hostile();
        List<CauseMetrics> causes = feb.causes().stream().map(c -> cause(c.month(), c.causeId(), c.causeName(),
                c.complaints(), c.monthComplaints(), c.sentimentSum(), c.previousShare(), 20, false)).toList();
        List<CauseMetrics> history = new java.util.ArrayList<>(feb.history().stream().filter(c -> c.month().equals("2024-01"))
                .map(c -> cause(c.month(), c.causeId(), c.causeName(), 2, 20, -1, null, false)).toList());
        history.addAll(causes);
        return new MonthReport(feb.month(), causes, feb.groups(), history, feb.quotes(), feb.counts());
    }

    /** February with a January before it; one cause name and several quotes carry markup. */
    static MonthReport hostile() {
        List<CauseMetrics> feb = List.of(
                cause("2024-02", "rudeness", "Rudeness " + SCRIPT, 30, 100, -25, 0.10, true),
                cause("2024-02", "long_wait", "Long waits", 20, 100, -8, 0.25, false),
                cause("2024-02", "unclassified", "Unclassified", 15, 100, 1, 0.2, false));
        List<CauseMetrics> jan = List.of(
                cause("2024-01", "rudeness", "Rudeness " + SCRIPT, 10, 100, -8, null, false),
                cause("2024-01", "long_wait", "Long waits", 25, 100, -10, null, false));
        List<CauseMetrics> history = new java.util.ArrayList<>(jan);
        history.addAll(feb);
        Map<String, List<Quote>> quotes = Map.of(
                "rudeness", List.of(new Quote("2024-02", "rudeness", "c1", "The agent said " + SCRIPT + " to me", 0),
                        new Quote("2024-02", "rudeness", "c2", PWN_IMG + " rude & slow", 1)),
                "long_wait", List.of(new Quote("2024-02", "long_wait", "c3", "Waited 3 hours </blockquote></body>", 1)));
        return new MonthReport("2024-02", feb, List.of(), history, quotes,
                RunCounts.of(HOSTILE_ROWS, 4L));
    }

    /** The January before {@link #hostile()}: no previous month, no manifest counts. */
    static MonthReport january() {
        List<CauseMetrics> jan = hostile().history().stream().filter(m -> m.month().equals("2024-01")).toList();
        return new MonthReport("2024-01", jan, List.of(), jan,
                Map.of("long_wait", List.of(new Quote("2024-01", "long_wait", "c0", "-1 stars, on hold forever", 0),
                        new Quote("2024-01", "long_wait", "c9", "Held 40 minutes, then cut off", -0.2, null, null,
                                Quote.TYPICAL))),
                RunCounts.UNKNOWN);
    }
}
