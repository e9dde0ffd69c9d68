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

    private static final String CAUSE = "rc_cause";

    private AnalysisCounts() {}

    public static Map<String, Object> nlp(Dataset<Row> complaints) {
        Row r = complaints.agg(
                count(lit(1)).as("complaints_analysed"),
                sum(size(col(Columns.SENTENCES))).as("sentences"),
                sum(col(Columns.SENTENCES_TOO_LONG)).as("sentences_too_long"),
                sum(when(NegativeComplaint.column(), 1).otherwise(0)).as("negative_complaints")).first();
        return counts(r);
    }

    /** Over non-duplicate complaints, as the aggregates count them. */
    public static Map<String, Object> classify(Dataset<Row> complaints) {
        Dataset<Row> originals = complaints.where(not(col(Columns.IS_DUPLICATE)));
        Column unclassified = array_contains(col(Columns.CAUSE_IDS), Columns.UNCLASSIFIED);
        Column negative = NegativeComplaint.column();
        Map<String, Object> out = counts(originals.agg(
                count(lit(1)).as("complaints"),
                sum(when(unclassified, 1).otherwise(0)).as("unclassified"),
                sum(when(negative, 1).otherwise(0)).as("negative_complaints"),
                sum(when(negative.and(unclassified), 1).otherwise(0)).as("unclassified_negative")).first());
        long all = (long) out.get("complaints");
        long neg = (long) out.get("negative_complaints");
        out.put("unclassified_share", all == 0 ? 0.0 : (double) (long) out.get("unclassified") / all);
        out.put("unclassified_negative_share", neg == 0 ? 0.0 : (double) (long) out.get("unclassified_negative") / neg);
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
        double share = (double) classify.get("unclassified_negative_share");
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
