package rootcause.evaluation;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import rootcause.clean.CleanStage;
import rootcause.ingest.IngestStage;
import rootcause.ingest.InputSpec;
import rootcause.model.Columns;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.apache.spark.sql.functions.col;

/**
 * The complaints an evaluation or a training run reads: the exports go through the job's own ingest and clean
 * stages (same profiles, normalisation and redaction), so what is scored is the text the job classifies.
 */
public final class EvaluationCorpus {
    private EvaluationCorpus() {}

    /** One cleaned complaint. */
    public record Complaint(String source, String id, String text) {
        public String key() {
            return key(source, id);
        }

        public static String key(String source, String id) {
            return source + "," + id;
        }
    }

    /** One cleaned complaint with the export's own label column. */
    public record LabelledComplaint(Complaint complaint, String label) {}

    /**
     * Like {@link #load}, also carrying the export's column {@code labelColumn} (a training run's labels); every input
     * file must have it.
     */
    public static Map<String, LabelledComplaint> loadLabelled(SparkSession spark, List<InputSpec> inputs, String labelColumn) {
        List<Row> rows = new CleanStage().clean(new IngestStage(spark, Set.of()).withLabelColumn(labelColumn).read(inputs).accepted())
                .select(col(Columns.SOURCE), col(Columns.COMPLAINT_ID), col(Columns.TEXT), col(Columns.LABEL),
                        col(Columns.SOURCE_FILE), col(Columns.RECORD))
                .orderBy(col(Columns.SOURCE_FILE), col(Columns.RECORD))
                .collectAsList();
        Map<String, LabelledComplaint> byKey = new LinkedHashMap<>();
        for (Row r : rows) {
            Complaint c = new Complaint(r.getString(0), r.getString(1), r.getString(2));
            byKey.putIfAbsent(c.key(), new LabelledComplaint(c, r.getString(3)));
        }
        return byKey;
    }

    /**
     * The accepted, cleaned complaints of the inputs by {@link Complaint#key}, in file and record order; a repeated
     * id keeps its first record (the airline export repeats some tweets).
     */
    public static Map<String, Complaint> load(SparkSession spark, List<InputSpec> inputs) {
        List<Row> rows = new CleanStage().clean(new IngestStage(spark, Set.of()).read(inputs).accepted())
                .select(col(Columns.SOURCE), col(Columns.COMPLAINT_ID), col(Columns.TEXT), col(Columns.SOURCE_FILE),
                        col(Columns.RECORD))
                .orderBy(col(Columns.SOURCE_FILE), col(Columns.RECORD))
                .collectAsList();
        Map<String, Complaint> byKey = new LinkedHashMap<>();
        for (Row r : rows) {
            Complaint c = new Complaint(r.getString(0), r.getString(1), r.getString(2));
            byKey.putIfAbsent(c.key(), c);
        }
        return byKey;
    }
}
