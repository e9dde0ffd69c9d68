package rootcause.report;

import rootcause.metric.ChangeInShare;
import rootcause.metric.CustomerScoreImpact;
import rootcause.metric.Emerging;
import rootcause.metric.LowVolume;
import rootcause.metric.NpsPoints;
import rootcause.metric.Sentiment;
import rootcause.metric.TaxonomyVersion;
import rootcause.metric.Volume;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import rootcause.metric.CauseMetricRegistry;
import rootcause.metric.CauseMetrics;
import rootcause.metric.ReportCell;
import rootcause.metric.ReportText;
import rootcause.metric.EmergingRule;
import rootcause.aggregate.SegmentComparison;
import rootcause.metric.ShareChange;
import rootcause.model.Columns;
import rootcause.model.RowCounts;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The leadership report of one month: self-contained XHTML (Mustache, which HTML-escapes every value; charts
 * as PNG data URIs) and a PDF of the same page. Runs on the driver.
 */
public final class LeadershipReport {

    public static final int TOP_CAUSES = 10;
    public static final int TREND_CAUSES = 5;
    public static final int QUOTED_CAUSES = 3;
    public static final int QUOTES_PER_CAUSE = 3;
    public static final int TYPICAL_QUOTES_PER_CAUSE = 2;
    public static final int MOVERS = 6;
    public static final int SEGMENT_FINDINGS = 8;
    public static final int OUTCOME_FINDINGS = 8;

    private static final Mustache TEMPLATE = new DefaultMustacheFactory().compile("rootcause/report/report.mustache");
    private static final DateTimeFormatter MONTH_NAME = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    private final EmergingRule emergingRule;

    public LeadershipReport(EmergingRule emergingRule) {
        this.emergingRule = emergingRule;
    }

    /** The rule the report calls changes and emerging causes by. */
    public EmergingRule emergingRule() {
        return emergingRule;
    }

    /** The report as one self-contained, well-formed XHTML document; commands it offers name the output {@code OUT}. */
    public String html(MonthReport report, ZonedDateTime generatedAt) {
        return html(report, generatedAt, "OUT", null);
    }

    /**
     * The report as one self-contained, well-formed XHTML document.
     *
     * @param output       the output folder the report is written to, as shown to people, for the commands the report offers
     * @param taxonomyFile the taxonomy file that classified the month; null for the built-in taxonomy
     */
    public String html(MonthReport report, ZonedDateTime generatedAt, String output, String taxonomyFile) {
        StringWriter out = new StringWriter();
        Map<String, Object> view = view(report, generatedAt);
        view.put("reclassifyCommand", reclassifyCommand(output, YearMonth.parse(report.month()).minusMonths(1).toString(),
                taxonomyFile));
        TEMPLATE.execute(out, view);
        return out.toString();
    }

    /** The command that restates a month with the taxonomy of the report's month ({@code reclassify}). */
    static String reclassifyCommand(String output, String month, String taxonomyFile) {
        return "jobs/rootcause reclassify --output " + shellWord(output) + " --months " + month
                + (taxonomyFile == null ? "" : " --taxonomy " + shellWord(taxonomyFile));
    }

    /** A word the shell reads back unchanged: as is when plain, else in single quotes. */
    private static String shellWord(String word) {
        return word.matches("[A-Za-z0-9_./:=@%+-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    static {
        // openhtmltopdf logs every font load at INFO through java.util.logging, straight to stderr; keep warnings.
        com.openhtmltopdf.util.XRLog.listRegisteredLoggers()
                .forEach(name -> com.openhtmltopdf.util.XRLog.setLevel(name, java.util.logging.Level.WARNING));
    }

    /**
     * Renders the XHTML to PDF with openhtmltopdf (which parses it as XML: it must be well-formed). Every font is
     * embedded: Liberation Sans from the classpath, and DejaVu Sans where installed for wider script coverage.
     * PDF/UA mode makes the PDF tagged (screen readers follow it) and leaves out the 14 standard PDF fonts, which
     * would otherwise be set up unembedded and draw a PDFBox "fallback font" warning each.
     */
    public static void writePdf(String html, OutputStream out) throws IOException {
        pdfBuilder(html).toStream(out).run();
    }

    /** The PDF renderer's settings for a page, shared by {@link #writePdf} and the tests that inspect its layout. */
    static PdfRendererBuilder pdfBuilder(String html) {
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.usePdfUaAccessibility(true);
        ReportFonts.register(builder);
        // The page refers to nothing outside itself (charts are data URIs), so no base URI is needed.
        builder.withHtmlContent(html, null);
        return builder;
    }

    private Map<String, Object> view(MonthReport report, ZonedDateTime generatedAt) {
        String month = report.month();
        YearMonth ym = YearMonth.parse(month);
        List<CauseMetrics> classified = report.causes().stream()
                .filter(c -> !Columns.UNCLASSIFIED.equals(c.causeId())).toList();
        List<CauseMetrics> top = classified.stream().limit(TOP_CAUSES).toList();
        CauseMetrics unclassified = report.causes().stream()
                .filter(c -> Columns.UNCLASSIFIED.equals(c.causeId())).findFirst().orElse(null);
        double unclassifiedShare = unclassified == null ? 0 : unclassified.get(Volume.SHARE);
        List<CauseMetrics> emerging = report.causes().stream().filter((CauseMetrics c) -> c.get(Emerging.EMERGING)).toList();
        boolean hasPrevious = report.causes().stream().anyMatch(c -> c.get(ChangeInShare.CHANGE_IN_SHARE) != null);

        Map<String, Object> v = new LinkedHashMap<>();
        v.put("month", month);
        v.put("monthName", ym.format(MONTH_NAME));
        v.put("generatedAt", generatedAt.withZoneSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")));
        v.put("summary", summary(report, top, unclassifiedShare, emerging));
        v.put("complaintsText", String.format(Locale.ROOT, "%,d", report.monthComplaints()));
        v.put("unclassifiedShareText", ReportText.percent(unclassifiedShare));
        v.put("emergingCount", Integer.toString(emerging.size()));

        v.put("hasCauses", !top.isEmpty());
        v.put("noCausesText", report.monthComplaints() == 0 ? "No complaints were analysed for this month."
                : "No complaint this month matched a known cause, so there is no cause to rank, chart or quote; "
                + (report.monthComplaints() == 1 ? "it is" : "they are") + " counted as unclassified.");
        List<CauseMetrics> tableRows = new ArrayList<>(top);
        if (unclassified != null) {
            tableRows.add(unclassified);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < tableRows.size(); i++) {
            Map<String, Object> row = causeRow(tableRows.get(i));
            boolean isUnclassified = tableRows.get(i) == unclassified;
            row.put("rank", isUnclassified ? "" : Integer.toString(i + 1));
            row.put("rowClass", isUnclassified ? "unclassified" : "");
            rows.add(row);
        }
        v.put("topCauses", rows);
        if (!top.isEmpty()) {
            v.put("paretoChart", ReportCharts.pareto(top));
            v.put("sentimentChart", ReportCharts.sentiment(top));
        }

        List<CauseMetrics> costly = classified.stream().filter(c -> c.get(CustomerScoreImpact.SCORE_IMPACT) != null)
                .sorted(Comparator.comparingDouble((CauseMetrics c) -> c.get(CustomerScoreImpact.SCORE_IMPACT)).thenComparing(CauseMetrics::causeId))
                .limit(TOP_CAUSES).toList();
        long scored = report.causes().stream().mapToLong((CauseMetrics c) -> c.get(CustomerScoreImpact.SCORED_COMPLAINTS)).sum();
        v.put("hasScores", scored > 0);
        List<Map<String, Object>> outcomeFindings = OutcomeFinding.of(classified, OUTCOME_FINDINGS,
                emergingRule.maxQValue());
        v.put("hasOutcomeFindings", !outcomeFindings.isEmpty());
        v.put("outcomeFindings", outcomeFindings);
        v.put("scoreCauses", costly.stream().map(LeadershipReport::scoreRow).toList());
        v.put("hasNps", costly.stream().anyMatch(c -> c.get(NpsPoints.NPS_POINTS) != null));
        v.put("meanScore", costly.isEmpty() ? "n/a" : ReportText.decimal(costly.get(0).get(CustomerScoreImpact.MEAN_SCORE_WITHOUT) + costly.get(0).get(CustomerScoreImpact.SCORE_IMPACT)));

        List<String> months = report.history().stream().map(CauseMetrics::month).distinct().sorted().toList();
        List<String> trendIds = top.stream().limit(TREND_CAUSES).map(CauseMetrics::causeId).toList();
        boolean hasTrend = months.size() > 1 && !trendIds.isEmpty();
        v.put("hasTrend", hasTrend);
        v.put("monthsCount", Integer.toString(months.size()));
        List<String> lowVolumeMonths = months.stream().filter(m -> report.history().stream()
                .anyMatch(c -> c.month().equals(m) && c.get(LowVolume.LOW_VOLUME))).toList();
        if (hasTrend) {
            v.put("trendChart", ReportCharts.trend(report.history(), trendIds, months, lowVolumeMonths));
        }
        v.put("hasLowVolumeMonths", !lowVolumeMonths.isEmpty());
        v.put("lowVolumeMonths", String.join(", ", lowVolumeMonths.stream().map(m -> m + ": " + complaints(report.history()
                .stream().filter(c -> c.month().equals(m)).findFirst().orElseThrow().get(Volume.MONTH_COMPLAINTS))).toList()));
        v.put("minMonthComplaints", Long.toString(emergingRule.minMonthComplaints()));
        v.put("isLowVolume", emergingRule.isLowVolume(report.monthComplaints()));

        v.put("hasPrevious", hasPrevious);
        String previousMonth = ym.minusMonths(1).toString();
        boolean taxonomyChanged = report.causes().stream().anyMatch(c -> Boolean.TRUE.equals(c.get(TaxonomyVersion.TAXONOMY_CHANGED)));
        v.put("taxonomyChanged", taxonomyChanged);
        v.put("taxonomyThisMonth", report.causes().stream().map((CauseMetrics c) -> c.get(TaxonomyVersion.TAXONOMY_VERSION))
                .filter(java.util.Objects::nonNull).findFirst().orElse(""));
        v.put("taxonomyPreviousMonth", report.history().stream().filter(c -> c.month().equals(previousMonth))
                .map((CauseMetrics c) -> c.get(TaxonomyVersion.TAXONOMY_VERSION)).filter(java.util.Objects::nonNull).findFirst().orElse(""));
        v.put("previousMonth", previousMonth);
        v.put("previousMonthName", ym.minusMonths(1).format(MONTH_NAME));
        v.put("movers", report.causes().stream().filter(c -> c.get(ChangeInShare.CHANGE_IN_SHARE) != null)
                .sorted(Comparator.comparingDouble((CauseMetrics c) -> Math.abs(c.get(ChangeInShare.CHANGE_IN_SHARE))).reversed()
                        .thenComparing(CauseMetrics::causeId))
                .limit(MOVERS).map(this::moverRow).toList());

        v.put("emergingPoints", trimmed(100 * emergingRule.minShareIncrease()));
        v.put("falseDiscoveryPercent", trimmed(100 * emergingRule.maxQValue()));
        v.put("emergingNewComplaints", Long.toString(emergingRule.minNewComplaints()));
        v.put("hasEmerging", !emerging.isEmpty());
        v.put("emergingCauses", emerging.stream().map(LeadershipReport::causeRow).toList());

        List<SegmentComparison.Row> over = report.segments().stream().filter(SegmentComparison.Row::overRepresented)
                .limit(SEGMENT_FINDINGS).toList();
        v.put("hasSegmentsTested", !report.segments().isEmpty());
        v.put("hasSegmentFindings", !over.isEmpty());
        v.put("segmentFindings", over.stream().map(LeadershipReport::segmentFinding).toList());
        Map<String, String> warnings = new LinkedHashMap<>();
        over.stream().filter(r -> r.baseRateWarning() != null)
                .forEach(r -> warnings.putIfAbsent(ReportFonts.readable(r.dimension() + " " + r.segment()),
                        r.baseRateWarning()));
        v.put("segmentWarnings", warnings.entrySet().stream()
                .map(e -> Map.of("segment", e.getKey(), "warning", e.getValue())).toList());

        v.put("groups", report.groups().stream().map(g -> {
            Map<String, Object> row = causeRow(g);
            row.put("rowClass", Columns.UNCLASSIFIED.equals(g.causeId()) ? "unclassified" : "");
            return row;
        }).toList());

        v.put("quoteSections", top.stream().limit(QUOTED_CAUSES).map(c -> Map.of("name", c.causeName(),
                "quotes", quotesShown(report.quotes().getOrDefault(c.causeId(), List.of())).stream()
                        .map(LeadershipReport::quoteView).toList())).toList());

        RunCounts counts = report.counts();
        v.put("hasCounts", counts.isKnown());
        Map<String, String> c = new LinkedHashMap<>();
        c.put("read", count(counts.rowsRead()));
        c.put("accepted", count(counts.rowsAccepted()));
        c.put("rejected", count(counts.rowsRejected()));
        c.put("filtered", count(counts.rowsFiltered()));
        c.put("duplicates", count(counts.duplicates()));
        v.put("counts", c);
        RowCounts rowCounts = counts.rows();
        v.put("hasReconciliation", rowCounts != null);
        v.put("reconciliation", rowCounts == null ? "" : rowCounts.formattedEquation());
        return v;
    }

    private String summary(MonthReport report, List<CauseMetrics> top, double unclassifiedShare, List<CauseMetrics> emerging) {
        String monthName = YearMonth.parse(report.month()).format(MONTH_NAME);
        if (top.isEmpty()) {
            return report.monthComplaints() == 0 ? "In " + monthName + " no complaints were analysed."
                    : "In " + monthName + " we analysed " + complaints(report.monthComplaints())
                    + (report.monthComplaints() == 1 ? "; it matched no known cause." : "; none matched a known cause.");
        }
        CauseMetrics first = top.get(0);
        StringBuilder s = new StringBuilder();
        s.append("In ").append(monthName).append(" we analysed ")
                .append(complaints(report.monthComplaints())).append(". ")
                .append("The biggest problem was ").append(first.causeName()).append(": ").append(ReportText.percent(first.get(Volume.SHARE)))
                .append(" of complaints raised it, and ").append(ReportText.percent(first.get(Sentiment.NEGATIVE_SHARE)))
                .append(" of those were negative about it.");
        if (top.size() > 1) {
            s.append(" Next came ").append(top.get(1).causeName());
            if (top.size() > 2) {
                s.append(" and ").append(top.get(2).causeName());
            }
            s.append('.');
        }
        if (!emerging.isEmpty()) {
            s.append(" Emerging: ").append(String.join(", ", emerging.stream().map(CauseMetrics::causeName).toList())).append('.');
        }
        s.append(' ').append(ReportText.percent(unclassifiedShare)).append(" of complaints matched no known cause.");
        return s.toString();
    }

    /** "1 complaint", "1,234 complaints". */
    static String complaints(long n) {
        return String.format(Locale.ROOT, "%,d complaint%s", n, n == 1 ? "" : "s");
    }

    /** A row of the causes tables: the cause's name and group, then each metric's cells. */
    private static Map<String, Object> causeRow(CauseMetrics c) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", c.causeName());
        row.put("group", c.causeGroupName());
        CauseMetricRegistry.reportCells(ReportCell.Table.CAUSES).forEach(cell -> row.put(cell.key(), cell.text().apply(c)));
        return row;
    }

    private Map<String, Object> moverRow(CauseMetrics c) {
        Map<String, Object> row = causeRow(c);
        row.put("previousShare", ReportText.percent(c.get(ChangeInShare.PREVIOUS_SHARE)));
        row.put("direction", c.get(ChangeInShare.CHANGE_IN_SHARE) > 0 ? "up" : c.get(ChangeInShare.CHANGE_IN_SHARE) < 0 ? "down" : "");
        row.put("verdict", verdict(c));
        return row;
    }

    /** Whether a move is worth acting on: judged on its q-value, and never across a month too small to call. */
    private String verdict(CauseMetrics c) {
        if (Boolean.TRUE.equals(c.get(TaxonomyVersion.TAXONOMY_CHANGED))) {
            return "not called: the taxonomy changed";
        }
        if (!emergingRule.canCall(c.get(ChangeInShare.PREVIOUS_MONTH_COMPLAINTS), c.get(Volume.MONTH_COMPLAINTS))) {
            return "too few complaints to call (fewer than " + emergingRule.minMonthComplaints() + " in a month)";
        }
        if (c.get(ChangeInShare.CHANGE_Q_VALUE) == null) {
            return "not tested";
        }
        boolean real = c.get(ChangeInShare.CHANGE_Q_VALUE) < emergingRule.maxQValue();
        return (real ? "likely real" : "could be chance")
                + String.format(Locale.ROOT, " (p = %.3f, q = %.3f, %s)", c.get(ChangeInShare.CHANGE_P_VALUE), c.get(ChangeInShare.CHANGE_Q_VALUE),
                testName(c.get(ChangeInShare.CHANGE_TEST)));
    }

    /** How the report names a {@link ShareChange#test()}. */
    static String testName(String test) {
        return ShareChange.FISHER.equals(test) ? "exact test" : "z-test";
    }

    /** A row of the score table ("Rudeness: 61 scored complaints, mean 1.8, without them 3.9; costs -0.42 …"). */
    private static Map<String, Object> scoreRow(CauseMetrics c) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", c.causeName());
        CauseMetricRegistry.reportCells(ReportCell.Table.SCORES).forEach(cell -> row.put(cell.key(), cell.text().apply(c)));
        return row;
    }

    /** Up to {@link #QUOTES_PER_CAUSE} most negative quotes, then up to {@link #TYPICAL_QUOTES_PER_CAUSE} typical ones. */
    private static List<Quote> quotesShown(List<Quote> quotes) {
        List<Quote> shown = new ArrayList<>(quotes.stream().filter(q -> !q.typical()).limit(QUOTES_PER_CAUSE).toList());
        shown.addAll(quotes.stream().filter(Quote::typical).limit(TYPICAL_QUOTES_PER_CAUSE).toList());
        return shown;
    }

    /**
     * A quote in three parts, so the template bolds the matched words and Mustache escapes all three; each part
     * {@link ReportFonts#readable} (emoji in words), after the matched words were found in the original text.
     */
    private static Map<String, Object> quoteView(Quote q) {
        Map<String, String> parts = q.parts();
        Map<String, Object> view = new LinkedHashMap<>();
        parts.forEach((part, text) -> view.put(part, ReportFonts.readable(text)));
        view.put("hasMatch", !parts.get("matched").isEmpty());
        view.put("byModel", rootcause.model.Evidence.MODEL.equals(q.matchedBy()));
        view.put("kind", q.typical() ? "typical" : "most negative");
        return view;
    }

    /** "Rudeness: 3.1× in channel = store (24.0 % against 7.8 % elsewhere), q = 0.004". */
    private static Map<String, Object> segmentFinding(SegmentComparison.Row r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", r.causeName());
        row.put("ratio", r.ratio() == null ? "only" : String.format(Locale.ROOT, "%.1f×", r.ratio()));
        row.put("segment", ReportFonts.readable(r.dimension() + " = " + r.segment()));
        row.put("share", ReportText.percent(r.share()));
        row.put("restShare", ReportText.percent(r.restShare()));
        row.put("complaints", String.format(Locale.ROOT, "%,d of %,d", r.complaints(), r.segmentComplaints()));
        row.put("q", String.format(Locale.ROOT, "%.3f", r.qValue()));
        row.put("warned", r.baseRateWarning() != null);
        return row;
    }

    private static String trimmed(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static String count(Long value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%,d", value);
    }
}
