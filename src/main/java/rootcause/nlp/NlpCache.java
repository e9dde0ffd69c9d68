package rootcause.nlp;

import rootcause.model.DataContract;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import rootcause.io.ParquetCache;

import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sha2;

/**
 * {@code OUT/nlp-cache}: the nlp stage's analyses kept per distinct text, so that a re-run, or an export that overlaps
 * earlier ones, analyses only the texts it has never seen.
 *
 * <p>A {@link ParquetCache}: one folder per fingerprint ({@link NlpCacheKey}: settings, models, versions), holding
 * {@value DataContract#NLP_CACHE_KEY} ({@link NlpCacheKey#key}) and the nlp columns: the key and the analysis, never the complaint's text (the sentences inside an
 * analysis are the already redacted text, exactly as in {@code OUT/complaints}).
 */
public final class NlpCache {

    private final ParquetCache files;

    /**
     * @param root        the cache's folder ({@code OUT/nlp-cache}), a path or URI
     * @param fingerprint {@link NlpCacheKey#fingerprint} of the run's settings and models
     */
    public NlpCache(String root, String fingerprint) {
        this.files = new ParquetCache(root, fingerprint, DataContract.NLP_CACHE);
    }

    public String fingerprint() {
        return files.fingerprint();
    }

    /** This fingerprint's folder. */
    public String location() {
        return files.location();
    }

    /** {@link NlpCacheKey#key} of each row's (non-null) text, computed by Spark (a test holds the two equal). */
    static Column key(String fingerprint, Column text) {
        return sha2(concat(lit(NlpCacheKey.prefix(fingerprint)), text), 256);
    }

    /** Every stored analysis of this fingerprint ({@link DataContract#NLP_CACHE}); empty when nothing is stored yet. */
    Dataset<Row> read(SparkSession spark) {
        return files.read(spark);
    }

    /** Appends analyses ({@link DataContract#NLP_CACHE}) as new files; {@code rows} is their count, to size the files. */
    void append(Dataset<Row> analyses, long rows) {
        files.append(analyses, rows);
    }
}
