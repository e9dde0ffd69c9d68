package rootcause.job.manifest;

import rootcause.model.NegativeComplaint;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import rootcause.model.CauseMatch;
import rootcause.model.Columns;
import rootcause.model.Evidence;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import static org.apache.spark.sql.functions.*;

/** Manifest numbers about the nlp and classify stages, each from one small aggregation over the complaints. */
public final class AnalysisCounts {
    /** A warning, not an error: a taxonomy that explains less than half of the negative complaints needs work. */
    public static final double MAX_UNCLASSIFIED_NEGATIVE_SHARE = 0.5;

    /** Keys of the manifest's {@code classify} section that the run reads back. */
    public static final String COMPLAINTS = "complaints";
    public static final String UNCLASSIFIED = "unclassified";
    private static final String NEGATIVE_COMPLAINTS = "negative_complaints";
    private static final String UNCLASSIFIED_NEGATIVE = "unclassified_negative";
    private static final String UNCLASSIFIED_NEGATIVE_SHARE = "unclassified_negative_share";

    private static final String CAUSE = "rc_cause";

    private AnalysisCounts() {}

    public static Map<String, Object> nlp(Dataset<Row> complaints) {
        Row r = complaints.agg(
                count(lit(1)).as("complaints_analysed"),
                sum(size(col(Columns.SENTENCES))).as("sentences"),
                sum(col(Columns.SENTENCES_TOO_LONG)).as("sentences_too_long"),
                sum(when(NegativeComplaint.column(), 1).otherwise(0)).as(NEGATIVE_COMPLAINTS)).first();
        return counts(r);
    }

    /** Over non-duplicate complaints, as the aggregates count them. */
    public static Map<String, Object> classify(Dataset<Row> complaints) {
        Dataset<Row> originals = complaints.where(not(col(Columns.IS_DUPLICATE)));
        Column unclassified = array_contains(col(Columns.CAUSE_IDS), Columns.UNCLASSIFIED);
        Column negative = NegativeComplaint.column();
        Map<String, Object> out = counts(originals.agg(
                count(lit(1)).as(COMPLAINTS),
                sum(when(unclassified, 1).otherwise(0)).as(UNCLASSIFIED),
                sum(when(negative, 1).otherwise(0)).as(NEGATIVE_COMPLAINTS),
                sum(when(negative.and(unclassified), 1).otherwise(0)).as(UNCLASSIFIED_NEGATIVE)).first());
        long all = (long) out.get(COMPLAINTS);
        long neg = (long) out.get(NEGATIVE_COMPLAINTS);
        out.put("unclassified_share", all == 0 ? 0.0 : (double) (long) out.get(UNCLASSIFIED) / all);
        out.put(UNCLASSIFIED_NEGATIVE_SHARE, neg == 0 ? 0.0 : (double) (long) out.get(UNCLASSIFIED_NEGATIVE) / neg);
        return out;
    }

    /** How the causes of non-duplicate complaints were found: by a pattern, or by the semantic layer alone. */
    public static Map<String, Object> matchedBy(Dataset<Row> complaints) {
        Column matchedBy = col(CAUSE).getField(CauseMatch.MATCHED_BY);
        Dataset<Row> causes = complaints.where(not(col(Columns.IS_DUPLICATE)))
                .select(explode(col(Columns.CAUSES)).as(CAUSE));
        return counts(causes.agg(
                sum(when(matchedBy.equalTo(Evidence.PATTERN), 1).otherwise(0)).as("causes_matched_by_pattern"),
                sum(when(matchedBy.equalTo(Evidence.MODEL), 1).otherwise(0)).as("causes_matched_by_model")).first());
    }

    /** Each column of an aggregation row by its name, as a count; a sum over no rows (null) is 0. */
    private static Map<String, Object> counts(Row r) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String name : r.schema().fieldNames()) {
            Object v = r.getAs(name);
            out.put(name, v == null ? 0L : ((Number) v).longValue());
        }
        return out;
    }

    public static RunCheck unclassifiedCheck(Map<String, Object> classify) {
        double share = (double) classify.get(UNCLASSIFIED_NEGATIVE_SHARE);
        return new RunCheck(RunCheck.WARNING, "unclassified share of negative complaints at most "
                + Math.round(100 * MAX_UNCLASSIFIED_NEGATIVE_SHARE) + "%", share <= MAX_UNCLASSIFIED_NEGATIVE_SHARE,
                String.format(Locale.ROOT, "%.1f%% unclassified", 100 * share));
    }

    /**
     * The semantic layer's work in the last classify: distinct complaint sentences looked up, how many came from the
     * embedding cache and how many were embedded, the taxonomy's own sentences embedded, and the cache's folder.
     */
    public static Map<String, Object> embeddings(rootcause.classify.ClassifyStage classify, rootcause.classify.EmbeddingCache cache) {
        Map<String, Object> stats = new java.util.LinkedHashMap<>();
        stats.put("sentences_looked_up", classify.sentencesLookedUp());
        stats.put("embedding_cache_hits", classify.sentencesLookedUp() - classify.sentencesEmbedded());
        stats.put("distinct_sentences_embedded", classify.sentencesEmbedded());
        stats.put("taxonomy_sentences_embedded", classify.taxonomySentencesEmbedded());
        stats.put("embedding_cache", rootcause.io.Storage.display(new org.apache.hadoop.fs.Path(cache.location())));
        return stats;
    }
}
