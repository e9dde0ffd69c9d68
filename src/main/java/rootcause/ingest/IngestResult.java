package rootcause.ingest;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import rootcause.model.Columns;
import rootcause.model.DataContract;

import java.util.List;

import static org.apache.spark.sql.functions.col;

/**
 * Every record read, with its disposition.
 *
 * @param rows  {@link rootcause.model.DataContract#INGESTED}: accepted, filtered and rejected records
 * @param files the input files, in the order read
 * @param lines each input file's physical lines, by file: the parser must return one row per record there
 */
public record IngestResult(Dataset<Row> rows, List<String> files, java.util.Map<String, CsvStructure.Lines> lines) {
    private static final List<String> COMPLAINT_COLUMNS = List.of(DataContract.COMPLAINT.fieldNames());
    private static final List<String> REJECT_COLUMNS = List.of(DataContract.REJECT.fieldNames());

    /** Accepted complaints ({@link DataContract#COMPLAINT}), raw text (and {@link Columns#LABEL} when a training run reads one). */
    public Dataset<Row> accepted() {
        List<String> columns = new java.util.ArrayList<>(COMPLAINT_COLUMNS);
        if (java.util.Arrays.asList(rows.columns()).contains(Columns.LABEL)) {
            columns.add(Columns.LABEL);
        }
        return rows.filter(col(Columns.DISPOSITION).equalTo(IngestStage.ACCEPTED))
                .select(columns.stream().map(org.apache.spark.sql.functions::col).toArray(org.apache.spark.sql.Column[]::new));
    }

    /** Filtered and rejected records ({@link DataContract#REJECT}) with the raw (not yet redacted) record and detail. */
    public Dataset<Row> notAccepted() {
        return rows.filter(col(Columns.DISPOSITION).notEqual(IngestStage.ACCEPTED))
                .select(REJECT_COLUMNS.stream().map(org.apache.spark.sql.functions::col).toArray(org.apache.spark.sql.Column[]::new));
    }
}
