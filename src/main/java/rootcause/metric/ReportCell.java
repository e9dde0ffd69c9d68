package rootcause.metric;

import java.util.function.Function;

/**
 * A cell of a table in the leadership report: the template's key and the text it shows for a cause. The template
 * ({@code report.mustache}) says where the cell goes and what its heading reads.
 *
 * @param table which table of the report
 * @param key   the key the template uses for the cell
 * @param text  the cell's text (or flag) for a cause
 */
public record ReportCell(Table table, String key, Function<CauseMetrics, Object> text) {

    /** The report's tables with one row per cause. */
    public enum Table {
        /** The top causes, the movers, the emerging causes and the groups. */
        CAUSES,
        /** What the causes cost the customers' own score. */
        SCORES
    }
}
