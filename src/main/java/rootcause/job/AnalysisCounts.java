package rootcause.job;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import rootcause.model.Columns;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import static org.apache.spark.sql.functions.*;

/** Manifest numbers about the nlp and classify stages, each from one small aggregation over the complaints. */
final class AnalysisCounts {
    /** A warning, not an error: a taxonomy that explains less than half of the negative complaints needs work. */
    static final double MAX_UNCLASSIFIED_NEGATIVE_SHARE = 0.5;

    private AnalysisCounts() {}

    static Map<String, Object> nlp(Dataset<Row> complaints) {
        Row r = complaints.agg(
                sum(size(col(Columns.SENTENCES))).as("sentences"),
                sum(col(Columns.SENTENCES_TOO_LONG)).as("too_long"),
                sum(when(col(Columns.SENTIMENT_SCORE).lt(0), 1).otherwise(0)).as("negative"),
                count(lit(1)).as("complaints")).first();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("complaints_analysed", r.isNullAt(3) ? 0L : r.getLong(3));
        out.put("sentences", r.isNullAt(0) ? 0L : r.getLong(0));
        out.put("sentences_too_long", r.isNullAt(1) ? 0L : r.getLong(1));
        out.put("negative_complaints", r.isNullAt(2) ? 0L : r.getLong(2));
        return out;
    }

    /** Over non-duplicate complaints, as the aggregates count them. */
    static Map<String, Object> classify(Dataset<Row> complaints) {
        Dataset<Row> originals = complaints.where(not(col(Columns.IS_DUPLICATE)));
        org.apache.spark.sql.Column unclassified = array_contains(col(Columns.CAUSE_IDS), Columns.UNCLASSIFIED);
        org.apache.spark.sql.Column negative = col(Columns.SENTIMENT_SCORE).lt(0);
        Row r = originals.agg(
                count(lit(1)),
                sum(when(unclassified, 1).otherwise(0)),
                sum(when(negative, 1).otherwise(0)),
                sum(when(negative.and(unclassified), 1).otherwise(0))).first();
        long all = r.getLong(0);
        long unc = r.isNullAt(1) ? 0 : r.getLong(1);
        long neg = r.isNullAt(2) ? 0 : r.getLong(2);
        long negUnc = r.isNullAt(3) ? 0 : r.getLong(3);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("complaints", all);
        out.put("unclassified", unc);
        out.put("unclassified_share", all == 0 ? 0.0 : (double) unc / all);
        out.put("negative_complaints", neg);
        out.put("unclassified_negative", negUnc);
        out.put("unclassified_negative_share", neg == 0 ? 0.0 : (double) negUnc / neg);
        return out;
    }

    /** How the causes of non-duplicate complaints were found: by a pattern, or by the semantic layer alone. */
    static Map<String, Object> matchedBy(Dataset<Row> complaints) {
        Dataset<Row> causes = complaints.where(not(col(Columns.IS_DUPLICATE)))
                .select(explode(col(Columns.CAUSES)).as("c"));
        Row r = causes.agg(
                sum(when(col("c.matched_by").equalTo(rootcause.model.Evidence.PATTERN), 1).otherwise(0)),
                sum(when(col("c.matched_by").equalTo(rootcause.model.Evidence.MODEL), 1).otherwise(0))).first();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("causes_matched_by_pattern", r.isNullAt(0) ? 0L : r.getLong(0));
        out.put("causes_matched_by_model", r.isNullAt(1) ? 0L : r.getLong(1));
        return out;
    }

    static RunCheck unclassifiedCheck(Map<String, Object> classify) {
        double share = (double) classify.get("unclassified_negative_share");
        return new RunCheck(RunCheck.WARNING, "unclassified share of negative complaints at most "
                + Math.round(100 * MAX_UNCLASSIFIED_NEGATIVE_SHARE) + "%", share <= MAX_UNCLASSIFIED_NEGATIVE_SHARE,
                String.format(Locale.ROOT, "%.1f%% unclassified", 100 * share));
    }
}
