package rootcause.nlp;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sha2;

/**
 * {@code OUT/nlp-cache}: the nlp stage's analyses kept per distinct text, so that a re-run, or an export that overlaps
 * earlier ones, analyses only the texts it has never seen.
 *
 * <p>One folder per fingerprint ({@link NlpCacheKey}: settings, models, versions), holding Parquet files of
 * {@value #KEY} and the nlp columns: the key and the analysis, never the complaint's text (the sentences inside an
 * analysis are the already redacted text, exactly as in {@code OUT/complaints}). Other settings or models write
 * to another folder, so old analyses are never mixed in and can be deleted folder by folder.
 *
 * <p>New analyses are appended as new files, never rewritten: Spark writes them under {@code _temporary} and moves
 * them into place when the write commits, and readers skip names starting with {@code _}, so a run killed half-way
 * leaves a cache that reads as before. Goes through Hadoop's {@code FileSystem}, so any scheme Spark reads works.
 */
public final class NlpCache {
    /** The cache's folder under the output folder. */
    public static final String FOLDER = "nlp-cache";
    /** The key column: hex SHA-256 of the fingerprint and the text ({@link NlpCacheKey#key}). */
    public static final String KEY = "text_sha256";
    /** A stored analysis: its key, then {@link NlpStage#NLP_COLUMNS}. */
    static final StructType SCHEMA = keyThen(NlpStage.NLP_COLUMNS);
    /** Rows per cache file at most, like the job's other Parquet outputs. */
    static final int MAX_RECORDS_PER_FILE = 50_000;

    private final String root;
    private final String fingerprint;

    /**
     * @param root        the cache's folder ({@code OUT/nlp-cache}), a path or URI
     * @param fingerprint {@link NlpCacheKey#fingerprint} of the run's settings and models
     */
    public NlpCache(String root, String fingerprint) {
        this.root = root;
        this.fingerprint = fingerprint;
    }

    public String fingerprint() {
        return fingerprint;
    }

    /** This fingerprint's folder. */
    public String location() {
        return new Path(root, fingerprint).toString();
    }

    /** {@link NlpCacheKey#key} of each row's (non-null) text, computed by Spark (a test holds the two equal). */
    static Column key(String fingerprint, Column text) {
        return sha2(concat(lit(NlpCacheKey.prefix(fingerprint)), text), 256);
    }

    /** Every stored analysis of this fingerprint ({@link #SCHEMA}); empty when nothing is stored yet. */
    Dataset<Row> read(SparkSession spark) {
        if (!hasFiles(spark)) {
            return spark.createDataFrame(List.of(), SCHEMA);
        }
        return spark.read().schema(SCHEMA).parquet(location());
    }

    /** Appends analyses ({@link #SCHEMA}) as new files; {@code rows} is their count, to size the files. */
    void append(Dataset<Row> analyses, long rows) {
        int files = (int) Math.max(1, (rows + MAX_RECORDS_PER_FILE - 1) / MAX_RECORDS_PER_FILE);
        analyses.select(KEY, NlpStage.NLP_COLUMNS.fieldNames())
                .coalesce(files)
                .write()
                .mode(SaveMode.Append)
                .option("maxRecordsPerFile", MAX_RECORDS_PER_FILE)
                .parquet(location());
    }

    private boolean hasFiles(SparkSession spark) {
        Path files = new Path(location(), "*.parquet");
        try {
            FileSystem fs = files.getFileSystem(spark.sparkContext().hadoopConfiguration());
            FileStatus[] found = fs.globStatus(files);
            return found != null && found.length > 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the nlp cache " + location(), e);
        }
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
