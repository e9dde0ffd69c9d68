package rootcause.report;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import rootcause.aggregate.CauseMetrics;
import rootcause.aggregate.SegmentComparison;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a month's {@code root-causes.csv} (one row per cause) and {@code quotes.csv} (a few quotes per cause)
 * on the driver. Text cells go through {@link FormulaGuard#text}; numeric cells are formatted by
 * {@link FormulaGuard#number} and never come from complaint text.
 */
public final class RootCauseCsv {
    private RootCauseCsv() {}

    public static final List<String> HEADER = List.of("month", "cause_id", "cause", "group", "complaints", "share",
            "mean_sentiment", "negative_share", "impact", "change_in_share", "emerging", "example",
            "group_id", "month_complaints", "negative_complaints", "previous_share", "change_p_value",
            "change_q_value", "change_test", "low_volume", "emerging_rule", "taxonomy_version", "taxonomy_changed",
            "scored_complaints", "mean_score", "mean_score_without", "score_impact", "score_impact_low", "score_impact_high",
            "nps_points", "outcome_rates");

    public static final List<String> QUOTES_HEADER = List.of("month", "cause_id", "cause", "rank", "complaint_id",
            "sentence_polarity", "quote", "matched_by", "kind");

    public static void writeCauses(MonthReport report, OutputStream file) throws IOException {
        try (Writer out = new OutputStreamWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(out, format(HEADER))) {
            for (CauseMetrics c : report.causes()) {
                Quote example = report.example(c.causeId());
                csv.printRecord(FormulaGuard.text(c.month()), FormulaGuard.text(c.causeId()),
                        FormulaGuard.text(c.causeName()), FormulaGuard.text(c.causeGroupName()),
                        FormulaGuard.count(c.complaints()), FormulaGuard.number(c.share(), 4),
                        FormulaGuard.number(c.meanSentiment(), 4), FormulaGuard.number(c.negativeShare(), 4),
                        FormulaGuard.number(c.impact(), 2), FormulaGuard.number(c.changeInShare(), 4),
                        Boolean.toString(c.emerging()), FormulaGuard.text(example == null ? null : example.text()),
                        FormulaGuard.text(c.causeGroup()), FormulaGuard.count(c.monthComplaints()),
                        FormulaGuard.count(c.negativeComplaints()), FormulaGuard.number(c.previousShare(), 4),
                        FormulaGuard.number(c.changePValue(), 4), FormulaGuard.number(c.changeQValue(), 4),
                        FormulaGuard.text(c.changeTest()), Boolean.toString(c.lowVolume()),
                        FormulaGuard.text(c.emergingRule()), FormulaGuard.text(c.taxonomyVersion()),
                        c.taxonomyChanged() == null ? null : Boolean.toString(c.taxonomyChanged()),
                        FormulaGuard.count(c.scoredComplaints()), FormulaGuard.number(c.meanScore(), 4),
                        FormulaGuard.number(c.meanScoreWithout(), 4),
                        FormulaGuard.number(c.scoreImpact(), 4), FormulaGuard.number(c.scoreImpactLow(), 4),
                        FormulaGuard.number(c.scoreImpactHigh(), 4), FormulaGuard.number(c.npsPoints(), 2),
                        FormulaGuard.text(c.outcomeRates()));
            }
        }
    }

    public static final List<String> SEGMENTS_HEADER = List.of("month", "dimension", "segment", "cause_id", "cause",
            "complaints", "segment_complaints", "share", "rest_complaints", "rest_total", "rest_share", "ratio",
            "p_value", "q_value", "test", "over_represented", "base_rate_warning");

    /** Every cause tested in every segment of the month, over-represented first. */
    public static void writeSegments(MonthReport report, OutputStream file) throws IOException {
        try (Writer out = new OutputStreamWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(out, format(SEGMENTS_HEADER))) {
            for (SegmentComparison.Row r : report.segments()) {
                csv.printRecord(FormulaGuard.text(r.month()), FormulaGuard.text(r.dimension()),
                        FormulaGuard.text(r.segment()), FormulaGuard.text(r.causeId()), FormulaGuard.text(r.causeName()),
                        FormulaGuard.count(r.complaints()), FormulaGuard.count(r.segmentComplaints()),
                        FormulaGuard.number(r.share(), 4), FormulaGuard.count(r.restComplaints()),
                        FormulaGuard.count(r.restTotal()), FormulaGuard.number(r.restShare(), 4),
                        FormulaGuard.number(r.ratio(), 2), FormulaGuard.number(r.pValue(), 4),
                        FormulaGuard.number(r.qValue(), 4), FormulaGuard.text(r.test()),
                        Boolean.toString(r.overRepresented()), FormulaGuard.text(r.baseRateWarning()));
            }
        }
    }

    public static void writeQuotes(MonthReport report, OutputStream file) throws IOException {
        try (Writer out = new OutputStreamWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(out, format(QUOTES_HEADER))) {
            for (CauseMetrics c : report.causes()) {
                java.util.Map<String, Integer> rank = new java.util.HashMap<>();
                for (Quote q : report.quotes().getOrDefault(c.causeId(), List.of())) {
                    // ranked within its kind: the most negative 1, 2, 3; the typical 1, 2
                    csv.printRecord(FormulaGuard.text(q.month()), FormulaGuard.text(q.causeId()),
                            FormulaGuard.text(c.causeName()), Integer.toString(rank.merge(q.kind(), 1, Integer::sum)),
                            FormulaGuard.text(q.complaintId()),
                            String.format(java.util.Locale.ROOT, "%.2f", q.polarity()), FormulaGuard.text(q.bracketed()),
                            FormulaGuard.text(q.matchedBy()), FormulaGuard.text(q.kind()));
                }
            }
        }
    }

    private static CSVFormat format(List<String> header) {
        // RFC 4180 quoting with \n line ends: pandas, Excel and LibreOffice all read it.
        return CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).setRecordSeparator("\n").get();
    }
}
