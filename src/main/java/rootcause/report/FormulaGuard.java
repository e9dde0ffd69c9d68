package rootcause.report;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Makes CSV cells safe to open in a spreadsheet: text cells that would start a formula get a leading
 * apostrophe; numeric cells are formatted here from doubles (never from user text) in plain decimal
 * notation, so a negative number stays a number for pandas and spreadsheets alike.
 */
public final class FormulaGuard {
    private FormulaGuard() {}

    /** Characters that make Excel, LibreOffice or Google Sheets treat a cell as a formula (OWASP CSV injection). */
    private static final String FORMULA_STARTS = "=+-@\t\r\n";
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");

    /** A text cell: empty for null, prefixed with {@code '} when it starts like a formula. */
    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    /** A numeric cell with the given decimals; empty for null, NaN or infinity. */
    public static String number(Double value, int decimals) {
        if (value == null || value.isNaN() || value.isInfinite()) {
            return "";
        }
        String formatted = String.format(Locale.ROOT, "%." + decimals + "f", value);
        if (formatted.matches("-0(\\.0*)?")) {
            formatted = formatted.substring(1); // no "-0.0000": it reads as a number but looks like a change
        }
        if (!DECIMAL.matcher(formatted).matches()) {
            throw new IllegalStateException("numeric cell is not a plain decimal: " + formatted);
        }
        return formatted;
    }

    /** A whole-number cell; empty for null. */
    public static String count(Long value) {
        return value == null ? "" : Long.toString(value);
    }
}
