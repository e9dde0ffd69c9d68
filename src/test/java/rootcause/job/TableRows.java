package rootcause.job;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import rootcause.model.Columns;

import java.util.List;

import static org.apache.spark.sql.functions.col;

/** What the table-format tests (Delta, Iceberg) read from a month dataset's rows. */
final class TableRows {
    private TableRows() {}

    static Dataset<Row> month(Dataset<Row> table, String month) {
        return table.where(col(Columns.MONTH).equalTo(month));
    }

    /** The taxonomy versions that classified the rows: the run's patterns only, reclassify's the whole taxonomy. */
    static List<String> versions(Dataset<Row> complaints) {
        return complaints.select(Columns.TAXONOMY_VERSION).distinct().collectAsList().stream().map(r -> r.getString(0)).toList();
    }

    static List<String> months(Dataset<Row> table) {
        return table.select(Columns.MONTH).distinct().collectAsList().stream().map(r -> r.getString(0)).sorted().toList();
    }

    /** The same rows, as multisets. */
    static boolean same(Dataset<Row> a, Dataset<Row> b) {
        return a.count() == b.count() && a.exceptAll(b).isEmpty() && b.exceptAll(a).isEmpty();
    }
}
