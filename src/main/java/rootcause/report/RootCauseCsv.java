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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

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

    /** One quote of a cause, ranked within its kind: the most negative 1, 2, 3; the typical 1, 2. */
    private record RankedQuote(CauseMetrics cause, Quote quote, int rank) {}

    /** The columns of {@code quotes.csv}, each with its cell, in order. */
    private static final List<Column<RankedQuote>> QUOTE_COLUMNS = List.of(
            new Column<>("month", q -> FormulaGuard.text(q.quote().month())),
            new Column<>("cause_id", q -> FormulaGuard.text(q.quote().causeId())),
            new Column<>("cause", q -> FormulaGuard.text(q.cause().causeName())),
            new Column<>("rank", q -> Integer.toString(q.rank())),
            new Column<>("complaint_id", q -> FormulaGuard.text(q.quote().complaintId())),
            new Column<>("sentence_polarity", q -> String.format(Locale.ROOT, "%.2f", q.quote().polarity())),
            new Column<>("quote", q -> FormulaGuard.text(q.quote().bracketed())),
            new Column<>("matched_by", q -> FormulaGuard.text(q.quote().matchedBy())),
            new Column<>("kind", q -> FormulaGuard.text(q.quote().kind())));

    public static final List<String> QUOTES_HEADER = Column.headers(QUOTE_COLUMNS);

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

    /** The columns of {@code segments.csv}, each with its cell, in order. */
    private static final List<Column<SegmentComparison.Row>> SEGMENT_COLUMNS = List.of(
            new Column<>("month", r -> FormulaGuard.text(r.month())),
            new Column<>("dimension", r -> FormulaGuard.text(r.dimension())),
            new Column<>("segment", r -> FormulaGuard.text(r.segment())),
            new Column<>("cause_id", r -> FormulaGuard.text(r.causeId())),
            new Column<>("cause", r -> FormulaGuard.text(r.causeName())),
            new Column<>("complaints", r -> FormulaGuard.count(r.complaints())),
            new Column<>("segment_complaints", r -> FormulaGuard.count(r.segmentComplaints())),
            new Column<>("share", r -> FormulaGuard.number(r.share(), 4)),
            new Column<>("rest_complaints", r -> FormulaGuard.count(r.restComplaints())),
            new Column<>("rest_total", r -> FormulaGuard.count(r.restTotal())),
            new Column<>("rest_share", r -> FormulaGuard.number(r.restShare(), 4)),
            new Column<>("ratio", r -> FormulaGuard.number(r.ratio(), 2)),
            new Column<>("p_value", r -> FormulaGuard.number(r.pValue(), 4)),
            new Column<>("q_value", r -> FormulaGuard.number(r.qValue(), 4)),
            new Column<>("test", r -> FormulaGuard.text(r.test())),
            new Column<>("over_represented", r -> Boolean.toString(r.overRepresented())),
            new Column<>("base_rate_warning", r -> FormulaGuard.text(r.baseRateWarning())));

    public static final List<String> SEGMENTS_HEADER = Column.headers(SEGMENT_COLUMNS);

    /** Every cause tested in every segment of the month, over-represented first. */
    public static void writeSegments(MonthReport report, OutputStream file) throws IOException {
        write(SEGMENT_COLUMNS, report.segments(), file);
    }

    public static void writeQuotes(MonthReport report, OutputStream file) throws IOException {
        List<RankedQuote> quotes = new ArrayList<>();
        for (CauseMetrics c : report.causes()) {
            Map<String, Integer> rank = new HashMap<>();
            for (Quote q : report.quotes().getOrDefault(c.causeId(), List.of())) {
                quotes.add(new RankedQuote(c, q, rank.merge(q.kind(), 1, Integer::sum)));
            }
        }
        write(QUOTE_COLUMNS, quotes, file);
    }

    /** A CSV column: its header and how a row's cell is written (safe for spreadsheets: {@link FormulaGuard}). */
    private record Column<T>(String header, Function<T, String> cell) {
        static <T> List<String> headers(List<Column<T>> columns) {
            return columns.stream().map(Column::header).toList();
        }
    }

    private static <T> void write(List<Column<T>> columns, List<T> rows, OutputStream file) throws IOException {
        try (Writer out = new OutputStreamWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(out, format(Column.headers(columns)))) {
            for (T row : rows) {
                csv.printRecord(columns.stream().map(c -> c.cell().apply(row)).toList());
            }
        }
    }

    private static CSVFormat format(List<String> header) {
        // RFC 4180 quoting with \n line ends: pandas, Excel and LibreOffice all read it.
        return CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).setRecordSeparator("\n").get();
    }
}
