package rootcause.metric;

/**
 * A column of {@code root-causes.csv}: its header, place and how its cell is written.
 *
 * @param header   the header cell
 * @param position its place in the file, from 0; fixed once published (analysts' sheets read it)
 * @param value    the {@link CauseMetrics} value it shows
 * @param format   how the report writes the cell
 */
public record CsvColumn(String header, int position, MetricValue<?> value, Format format) {

    /** How a cell is written; the report's CSV writer guards each kind against formulas. */
    public enum Format {
        /** Text, with a leading {@code '} when it would start a formula; empty for null. */
        TEXT,
        /** A whole number; empty for null. */
        COUNT,
        /** {@code true} or {@code false}; empty for null. */
        FLAG,
        /** A plain decimal with 2 places; empty for null or NaN. */
        DECIMALS_2,
        /** A plain decimal with 4 places; empty for null or NaN. */
        DECIMALS_4
    }
}
