package rootcause.clean;

import org.apache.commons.codec.digest.DigestUtils;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import rootcause.io.ParquetCache;
import rootcause.model.DataContract;

import java.util.Map;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.sha2;

/**
 * {@code OUT/name-cache} ({@link rootcause.io.OutputLayout#NAME_CACHE}): the person names {@link NameRedactor} found in each distinct text, kept between runs, so a
 * re-run (or an export overlapping earlier ones) runs the name models only on texts it has never seen.
 *
 * <p>A {@link ParquetCache}: one folder per {@link #fingerprint} (the name models' files, the redactor's settings,
 * CoreNLP's version, the stored layout), holding {@value #KEY} (hex SHA-256 of the text the models read) and the
 * names' character spans. Never text: the texts it is keyed by still hold the names (this is where they are found),
 * and PII is redacted before anything is written.
 */
public final class NameCache {
    /** The key column: hex SHA-256 of the text the name models read (after the pattern redactors). */
    public static final String KEY = DataContract.NAME_CACHE_KEY;
    /** The spans column: {@link NameRedactor#names} as (begin, end) character offsets, end exclusive. */
    public static final String NAMES = DataContract.NAME_SPANS;
    /** A stored result: the key and the text's spans (empty when it holds no name). */
    static final StructType SCHEMA = DataContract.NAME_CACHE;
    /** Bumped when {@link NameRedactor}'s code changes the spans it finds for the same text and models. */
    static final int FORMAT = 1;

    private final ParquetCache files;

    /**
     * @param root        the cache's folder ({@code OUT/name-cache} ({@link rootcause.io.OutputLayout#NAME_CACHE})), a path or URI
     * @param fingerprint {@link #fingerprint} of the redactor and its models
     */
    public NameCache(String root, String fingerprint) {
        this.files = new ParquetCache(root, fingerprint, SCHEMA);
    }

    /**
     * Hex SHA-256 of what shapes the spans besides the text. Pure.
     *
     * @param modelFilesSha256 {@link NameRedactor#MODELS} → SHA-256 of the file, as the manifest records them
     * @param libraryVersions  library → version (CoreNLP's and its models' at least)
     */
    public static String fingerprint(NameRedactor redactor, Map<String, String> modelFilesSha256,
                                     Map<String, String> libraryVersions) {
        return DigestUtils.sha256Hex("format=" + FORMAT
                + "\nschema=" + SCHEMA.json()
                + "\nsettings=" + redactor.settings()
                + "\nmodel_files=" + new TreeMap<>(modelFilesSha256)
                + "\nlibraries=" + new TreeMap<>(libraryVersions));
    }

    /** Hex SHA-256 of a text, as {@link #key(Column)} computes it in Spark (a test holds the two equal). */
    static String key(String text) {
        return DigestUtils.sha256Hex(text);
    }

    /** {@value #KEY} of each row's text (UTF-8 bytes); null for a null text. */
    static Column key(Column text) {
        return sha2(text, 256);
    }

    public String fingerprint() {
        return files.fingerprint();
    }

    /** This fingerprint's folder. */
    public String location() {
        return files.location();
    }

    /** Every stored result of this fingerprint ({@link #SCHEMA}); empty when nothing is stored yet. */
    Dataset<Row> read(SparkSession spark) {
        return files.read(spark);
    }

    /** Appends results ({@link #SCHEMA}) as new files; {@code rows} is their count, to size the files. */
    void append(Dataset<Row> results, long rows) {
        files.append(results, rows);
    }
}
