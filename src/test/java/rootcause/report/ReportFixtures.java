package rootcause.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import rootcause.metric.CauseMetrics;
import rootcause.metric.ChangeInShare;
import rootcause.metric.CustomerScoreImpact;
import rootcause.metric.Emerging;
import rootcause.metric.Impact;
import rootcause.metric.LowVolume;
import rootcause.metric.MetricValue;
import rootcause.metric.NpsPoints;
import rootcause.metric.Sentiment;
import rootcause.metric.TaxonomyVersion;
import rootcause.metric.Volume;
import rootcause.metric.EmergingRule;
import rootcause.metric.ShareChange;
import rootcause.model.RowCounts;

import java.util.HashMap;
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
        Map<MetricValue<?>, Object> v = new HashMap<>();
        v.put(CauseMetrics.MONTH, month);
        v.put(CauseMetrics.DIMENSION, "all");
        v.put(CauseMetrics.DIMENSION_VALUE, "all");
        v.put(CauseMetrics.LEVEL, "cause");
        v.put(CauseMetrics.CAUSE_ID, id);
        v.put(CauseMetrics.CAUSE_NAME, name);
        v.put(CauseMetrics.CAUSE_GROUP, "grp-" + id);
        v.put(CauseMetrics.CAUSE_GROUP_NAME, "Group of " + name);
        v.put(Volume.COMPLAINTS, n);
        v.put(Volume.MONTH_COMPLAINTS, total);
        v.put(Volume.SHARE, share);
        v.put(Sentiment.SENTIMENT_SUM, sentimentSum);
        v.put(Sentiment.NEGATIVE_COMPLAINTS, n);
        v.put(Sentiment.MEAN_SENTIMENT, sentimentSum / n);
        v.put(Sentiment.NEGATIVE_SHARE, 1.0);
        v.put(Impact.IMPACT, (n - sentimentSum) / 2);
        if (previousShare != null) {
            v.put(ChangeInShare.PREVIOUS_COMPLAINTS, Math.round(previousShare * previousTotal));
            v.put(ChangeInShare.PREVIOUS_MONTH_COMPLAINTS, previousTotal);
            v.put(ChangeInShare.PREVIOUS_SHARE, previousShare);
            v.put(ChangeInShare.CHANGE_IN_SHARE, share - previousShare);
            v.put(ChangeInShare.CHANGE_P_VALUE, 0.01);
            v.put(ChangeInShare.CHANGE_Q_VALUE, 0.02);
            v.put(ChangeInShare.CHANGE_TEST, ShareChange.Z_TEST);
            v.put(TaxonomyVersion.TAXONOMY_CHANGED, false);
        }
        v.put(LowVolume.LOW_VOLUME, total < 30);
        v.put(Emerging.EMERGING, emerging);
        v.put(Emerging.EMERGING_RULE, emerging ? EmergingRule.SHARE_ROSE : null);
        v.put(CustomerScoreImpact.SCORED_COMPLAINTS, 0L);
        v.put(TaxonomyVersion.TAXONOMY_VERSION, "rootcause_service_causes 2.1.0 (sha256 0123456789ab)");
        return CauseMetrics.of(v);
    }

    /** {@code feb} with scores: rudeness costs the score most, and {@code rudenessNps} NPS points (null: no NPS). */
    static MonthReport withScores(MonthReport feb, Double rudenessNps) {
        List<CauseMetrics> scored = feb.causes().stream().map(c -> {
            boolean rude = c.causeId().equals("rudeness");
            return c.with(CustomerScoreImpact.SCORED_COMPLAINTS, 25L)
                    .with(CustomerScoreImpact.MEAN_SCORE, rude ? 1.8 : 3.0)
                    .with(CustomerScoreImpact.MEAN_SCORE_WITHOUT, rude ? 3.9 : 3.6)
                    .with(CustomerScoreImpact.SCORE_IMPACT, rude ? -0.42 : -0.12)
                    .with(CustomerScoreImpact.SCORE_IMPACT_LOW, rude ? -0.55 : -0.3)
                    .with(CustomerScoreImpact.SCORE_IMPACT_HIGH, rude ? -0.3 : 0.06)
                    .with(NpsPoints.NPS_POINTS, rude ? rudenessNps : null);
        }).toList();
        return new MonthReport(feb.month(), scored, feb.groups(), feb.history(), feb.quotes(), feb.counts());
    }

    /** {@link #hostile()}'s February against a January of only 20 complaints: nothing can be called. */
    static MonthReport againstASmallJanuary() {
        MonthReport feb = hostile();
        List<CauseMetrics> causes = feb.causes().stream().map(c -> cause(c.month(), c.causeId(), c.causeName(),
                c.get(Volume.COMPLAINTS), c.get(Volume.MONTH_COMPLAINTS), c.get(Sentiment.SENTIMENT_SUM),
                c.get(ChangeInShare.PREVIOUS_SHARE), 20, false)).toList();
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
