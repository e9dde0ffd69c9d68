package rootcause;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.List;

/**
 * Rows compared as a reader would: statistics and causes hold sums of doubles whose last bits follow the order the
 * rows were read in, which differs between any two runs (a shuffle's blocks arrive in any order), so every double,
 * nested ones too, is written to 9 significant digits.
 */
public final class RoundedRows {
    private RoundedRows() {}

    /** The rows as sorted strings, every double to 9 significant digits. */
    public static List<String> of(Dataset<Row> rows) {
        return rows.collectAsList().stream().map(RoundedRows::rounded).sorted().toList();
    }

    private static String rounded(Object value) {
        if (value instanceof Row row) {
            List<String> fields = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                fields.add(rounded(row.get(i)));
            }
            return fields.toString();
        }
        if (value instanceof scala.collection.Iterable<?> seq) {
            List<String> items = new ArrayList<>();
            seq.foreach(v -> items.add(rounded(v)));
            return items.toString();
        }
        if (value instanceof Double d) {
            return String.format(java.util.Locale.ROOT, "%.9g", d);
        }
        return String.valueOf(value);
    }
}
