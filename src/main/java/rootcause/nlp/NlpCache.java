package rootcause.nlp;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import rootcause.io.ParquetCache;

import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sha2;

/**
 * {@code OUT/nlp-cache}: the nlp stage's analyses kept per distinct text, so that a re-run, or an export that overlaps
 * earlier ones, analyses only the texts it has never seen.
 *
 * <p>A {@link ParquetCache}: one folder per fingerprint ({@link NlpCacheKey}: settings, models, versions), holding
 * {@value #KEY} and the nlp columns: the key and the analysis, never the complaint's text (the sentences inside an
 * analysis are the already redacted text, exactly as in {@code OUT/complaints}).
 */
public final class NlpCache {
    /** The key column: hex SHA-256 of the fingerprint and the text ({@link NlpCacheKey#key}). */
    public static final String KEY = "text_sha256";
    /** A stored analysis: its key, then {@link NlpStage#NLP_COLUMNS}. */
    static final StructType SCHEMA = keyThen(NlpStage.NLP_COLUMNS);

    private final ParquetCache files;

    /**
     * @param root        the cache's folder ({@code OUT/nlp-cache}), a path or URI
     * @param fingerprint {@link NlpCacheKey#fingerprint} of the run's settings and models
     */
    public NlpCache(String root, String fingerprint) {
        this.files = new ParquetCache(root, fingerprint, SCHEMA);
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

    /** Every stored analysis of this fingerprint ({@link #SCHEMA}); empty when nothing is stored yet. */
    Dataset<Row> read(SparkSession spark) {
        return files.read(spark);
    }

    /** Appends analyses ({@link #SCHEMA}) as new files; {@code rows} is their count, to size the files. */
    void append(Dataset<Row> analyses, long rows) {
        files.append(analyses, rows);
    }

    /** {@value #KEY}, then the given columns. */
    static StructType keyThen(StructType rest) {
        StructType s = new StructType().add(KEY, DataTypes.StringType, false);
        for (StructField f : rest.fields()) {
            s = s.add(f);
        }
        return s;
    }
}
