package rootcause.metric;

import java.util.Locale;

/** How the leadership report writes numbers: one place, so every table and sentence agrees. Pure. */
public final class ReportText {
    private ReportText() {}

    /** "12.5 %"; "n/a" for NaN. */
    public static String percent(double fraction) {
        return Double.isNaN(fraction) ? "n/a" : String.format(Locale.ROOT, "%.1f %%", 100 * fraction);
    }

    /** A change of share in percentage points: "+2.5 pts". */
    public static String points(double change) {
        return String.format(Locale.ROOT, "%+.1f pts", 100 * change);
    }

    /** "+0.25", "-1.3"; "n/a" for NaN. */
    public static String signed(double value, int decimals) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%+." + decimals + "f", value);
    }

    /** "3.14"; "n/a" for null. */
    public static String decimal(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.2f", value);
    }

    /** "1,234". */
    public static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** "1,234.5". */
    public static String oneDecimal(double value) {
        return String.format(Locale.ROOT, "%,.1f", value);
    }
}
