package rootcause.report;


import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import rootcause.metric.CauseMetricRegistry;
import rootcause.metric.CauseMetrics;
import rootcause.metric.CsvColumn;
import rootcause.aggregate.SegmentComparison;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a month's {@code root-causes.csv} (one row per cause) and {@code quotes.csv} (a few quotes per cause)
 * on the driver. Text cells go through {@link FormulaGuard#text}; numeric cells are formatted by
 * {@link FormulaGuard#number} and never come from complaint text.
 */
public final class RootCauseCsv {
    private RootCauseCsv() {}

    /** Where the cause's example quote goes among the metrics' columns: the report's own column, not a metric. */
    private static final int EXAMPLE_POSITION = 11;
    private static final String EXAMPLE = "example";

    /** The header of {@code root-causes.csv}: the metrics' columns by place, and the example. */
    public static final List<String> HEADER = header();

    public static final List<String> QUOTES_HEADER = List.of("month", "cause_id", "cause", "rank", "complaint_id",
            "sentence_polarity", "quote", "matched_by", "kind");

    public static void writeCauses(MonthReport report, OutputStream file) throws IOException {
        try (Writer out = new OutputStreamWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(out, format(HEADER))) {
            for (CauseMetrics c : report.causes()) {
                Quote example = report.example(c.causeId());
                List<String> cells = new ArrayList<>();
                for (CsvColumn column : CauseMetricRegistry.CSV_COLUMNS) {
                    if (cells.size() == EXAMPLE_POSITION) {
                        cells.add(FormulaGuard.text(example == null ? null : example.text()));
                    }
                    cells.add(cell(column, c.get(column.value())));
                }
                csv.printRecord(cells);
            }
        }
    }

    private static List<String> header() {
        List<String> header = new ArrayList<>(CauseMetricRegistry.CSV_COLUMNS.stream().map(CsvColumn::header).toList());
        header.add(EXAMPLE_POSITION, EXAMPLE);
        for (int i = 0; i < header.size(); i++) {
            int declared = i == EXAMPLE_POSITION ? i : CauseMetricRegistry.CSV_COLUMNS.get(i < EXAMPLE_POSITION ? i : i - 1).position();
            if (declared != i) {
                throw new IllegalStateException("root-causes.csv: place " + i + " is empty or taken twice; header " + header);
            }
        }
        return List.copyOf(header);
    }

    /** A value's cell, written safe for spreadsheets ({@link FormulaGuard}). */
    private static String cell(CsvColumn column, Object value) {
        return switch (column.format()) {
            case TEXT -> FormulaGuard.text((String) value);
            case COUNT -> FormulaGuard.count((Long) value);
            case FLAG -> value == null ? null : value.toString();
            case DECIMALS_2 -> FormulaGuard.number((Double) value, 2);
            case DECIMALS_4 -> FormulaGuard.number((Double) value, 4);
        };
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
