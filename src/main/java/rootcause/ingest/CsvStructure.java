package rootcause.ingest;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The physical layout of a CSV export: which lines its header, records and blank lines take, found by an RFC 4180
 * quote scan that does not let an unclosed quote swallow the records after it. Inside a quoted field, a line that
 * reads on its own as the start of a record of this file (the header's field count, or an opening quote before it,
 * with a non-blank id and a date the profile parses) ends the damaged record there: the quote that opened it is
 * unbalanced, and scanning goes on from that line. Pure Java; runs on the driver over a stream (one extra read).
 */
public final class CsvStructure {
    private final int width;
    private final int idColumn;
    private final int dateColumn;
    private final ComplaintDates dates;

    /**
     * @param width      the header's field count
     * @param idColumn   position of the profile's id column
     * @param dateColumn position of the profile's date column
     */
    public CsvStructure(int width, int idColumn, int dateColumn, ComplaintDates dates) {
        this.width = width;
        this.idColumn = idColumn;
        this.dateColumn = dateColumn;
        this.dates = dates;
    }

    /**
     * A record whose quoted field never closed: its record number (from 1 after the header), the line its quote opened
     * on, and the line where the next record starts (0: the quote runs to the end of the file).
     */
    public record UnbalancedQuote(long record, long quoteLine, long nextRecordLine) implements Serializable {
        public String detail(String file) {
            return "quote opened on line " + quoteLine + " of " + file + " is never closed"
                    + (nextRecordLine == 0 ? " before the end of the file" : "; the next record starts on line " + nextRecordLine);
        }
    }

    /**
     * The manifest's account of a file's physical lines: every line is the header's, a record's or blank (skipped),
     * and the parser must return one row per record.
     */
    public record Lines(@JsonProperty("lines") long lines, @JsonProperty("header_lines") long headerLines,
                        @JsonProperty("record_lines") long recordLines, @JsonProperty("blank_lines") long blankLines,
                        @JsonProperty("records") long records,
                        @JsonProperty("unbalanced_quotes") long unbalancedQuotes) implements Serializable {
        public boolean reconciles() {
            return lines == headerLines + recordLines + blankLines;
        }

        public String equation() {
            return lines + " = " + headerLines + " + " + recordLines + " + " + blankLines;
        }
    }

    /**
     * @param records each record's text with its inner line ends, in file order; empty unless asked for
     */
    public record Scan(Lines lines, List<UnbalancedQuote> unbalanced, List<String> records) {
        public boolean damaged() {
            return !unbalanced.isEmpty();
        }
    }

    /** Scans {@code csv} from its header on; keeps each record's text when {@code keepRecords}. */
    public Scan scan(Reader csv, boolean keepRecords) throws IOException {
        PhysicalLines in = new PhysicalLines(csv);
        List<UnbalancedQuote> unbalanced = new ArrayList<>();
        List<String> records = new ArrayList<>();
        long headerLines = 0;
        long recordLines = 0;
        long blankLines = 0;
        long recordCount = 0;
        String line = in.next();
        // The header: its own quotes are trusted (commons-csv has read it already).
        Fields header = new Fields();
        while (line != null) {
            headerLines++;
            header.feed(content(line), in.number());
            line = in.next();
            if (!header.inQuote) {
                break;
            }
        }
        StringBuilder text = new StringBuilder();
        while (line != null) {
            if (content(line).isEmpty()) {
                blankLines++;
                line = in.next();
                continue;
            }
            long start = in.number();
            Fields record = new Fields();
            text.setLength(0);
            recordCount++;
            while (true) {
                record.feed(content(line), in.number());
                text.append(line);
                String next = in.next();
                if (!record.inQuote) {
                    line = next;
                    break;
                }
                if (next == null || looksLikeRecordStart(content(next))) {
                    unbalanced.add(new UnbalancedQuote(recordCount, record.quoteLine, next == null ? 0 : in.number()));
                    line = next;
                    break;
                }
                line = next;
            }
            recordLines += (line == null ? in.number() : in.number() - 1) - start + 1;
            if (keepRecords) {
                records.add(stripLineEnd(text.toString()));
            }
        }
        Lines lines = new Lines(in.number(), headerLines, recordLines, blankLines, recordCount, unbalanced.size());
        return new Scan(lines, List.copyOf(unbalanced), List.copyOf(records));
    }

    /**
     * True when {@code line}, read alone, starts a record of this file: all the header's fields on it, or an opening
     * quote after at least one whole field; and the id and date among its whole fields valid.
     */
    boolean looksLikeRecordStart(String line) {
        Fields f = new Fields();
        f.keepCells = true;
        f.feed(line, 0);
        int whole = f.inQuote ? f.cells.size() : f.cells.size() + 1;
        if (f.inQuote ? whole < 1 || whole >= width : whole != width) {
            return false;
        }
        f.endCell();
        boolean idSeen = idColumn < whole;
        boolean dateSeen = dateColumn < whole;
        if (!idSeen && !dateSeen) {
            return false;
        }
        return (!idSeen || !f.cells.get(idColumn).isBlank()) && (!dateSeen || dates.parse(f.cells.get(dateColumn)) != null);
    }

    private static String content(String line) {
        return stripLineEnd(line);
    }

    private static String stripLineEnd(String s) {
        int end = s.length();
        if (end > 0 && s.charAt(end - 1) == '\n') {
            end--;
        }
        if (end > 0 && s.charAt(end - 1) == '\r') {
            end--;
        }
        return s.substring(0, end);
    }

    /** RFC 4180 field state across the lines of one record: a quote opens a field only at its start. */
    private static final class Fields {
        boolean inQuote;
        boolean fieldStart = true;
        long quoteLine;
        boolean keepCells;
        final List<String> cells = new ArrayList<>();
        final StringBuilder cell = new StringBuilder();

        void feed(String s, long lineNumber) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (inQuote) {
                    if (c == '"') {
                        if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
                            i++;
                            append('"');
                        } else {
                            inQuote = false;
                        }
                    } else {
                        append(c);
                    }
                } else if (c == ',') {
                    endCell();
                    fieldStart = true;
                } else if (c == '"' && fieldStart) {
                    inQuote = true;
                    quoteLine = lineNumber;
                    fieldStart = false;
                } else {
                    fieldStart = false;
                    append(c);
                }
            }
            if (inQuote) {
                append('\n');
            }
        }

        private void append(char c) {
            if (keepCells) {
                cell.append(c);
            }
        }

        void endCell() {
            if (keepCells) {
                cells.add(cell.toString());
                cell.setLength(0);
            }
        }
    }

    /** Physical lines with their line ends ({@code \n}, {@code \r\n}), numbered from 1. */
    private static final class PhysicalLines {
        private final Reader in;
        private long number;

        PhysicalLines(Reader in) {
            this.in = in;
        }

        /** The next line, or null at the end; {@link #number()} is then its number (the last line's at the end). */
        String next() throws IOException {
            StringBuilder sb = new StringBuilder();
            int c = in.read();
            if (c == -1) {
                return null;
            }
            while (c != -1) {
                sb.append((char) c);
                if (c == '\n') {
                    break;
                }
                c = in.read();
            }
            number++;
            return sb.toString();
        }

        long number() {
            return number;
        }
    }
}
