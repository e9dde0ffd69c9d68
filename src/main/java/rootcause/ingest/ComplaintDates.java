package rootcause.ingest;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses an export's date cell with the profile's formats, in order. Pure; thread-safe.
 * The date is the calendar date as written (a timestamp's own offset), never shifted to another zone,
 * so a complaint lands in the month its customer saw.
 */
public final class ComplaintDates implements Serializable {
    private final List<String> patterns;
    private transient List<DateTimeFormatter> formatters;

    public ComplaintDates(List<String> patterns) {
        if (patterns.isEmpty()) {
            throw new IllegalArgumentException("at least one date format is needed");
        }
        this.patterns = List.copyOf(patterns);
        this.formatters = compile(this.patterns);
    }

    /** Compiles a pattern, or throws IllegalArgumentException naming it. */
    public static DateTimeFormatter formatter(String pattern) {
        return new DateTimeFormatterBuilder()
                .parseCaseInsensitive()
                // "yy" reads 2000-2099 (DateTimeFormatter's base year); exports here start in 2011.
                .appendPattern(pattern)
                // STRICT rejects 2023-02-30 instead of moving it to the 28th; it needs an era for "yyyy".
                .parseDefaulting(ChronoField.ERA, 1)
                .toFormatter(Locale.ENGLISH)
                .withResolverStyle(ResolverStyle.STRICT);
    }

    private static List<DateTimeFormatter> compile(List<String> patterns) {
        List<DateTimeFormatter> out = new ArrayList<>();
        for (String p : patterns) {
            out.add(formatter(p));
        }
        return out;
    }

    /** The date in {@code cell}, or null when no format matches. */
    public LocalDate parse(String cell) {
        if (cell == null || cell.isBlank()) {
            return null;
        }
        if (formatters == null) {
            formatters = compile(patterns);
        }
        String s = cell.strip();
        for (DateTimeFormatter f : formatters) {
            try {
                return LocalDate.from(f.parse(s));
            } catch (java.time.DateTimeException e) {
                // try the next format
            }
        }
        return null;
    }
}
