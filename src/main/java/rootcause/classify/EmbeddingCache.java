package rootcause.classify;

import rootcause.model.DataContract;
import org.apache.commons.codec.digest.DigestUtils;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import rootcause.embed.Encoder;
import rootcause.embed.SentenceEmbedder;
import rootcause.io.ParquetCache;

/**
 * {@code OUT/embedding-cache}: the semantic layer's sentence embeddings kept per distinct sentence, so that a re-run,
 * or {@code reclassify} after a taxonomy edit, embeds only sentences it has never seen: complaints' sentences and
 * the taxonomy's own examples alike.
 *
 * <p>A {@link ParquetCache}: one folder per {@link #fingerprint} (the embedding model's files, artifact version and
 * vector layout), holding {@value DataContract#EMBEDDING_CACHE_KEY} (hex SHA-256 of the sentence's text) and the unit vector: never the text.
 * An embedding depends on the model and the text only, not on the taxonomy, so a taxonomy edit reuses it whole.
 */
public final class EmbeddingCache {
    /** Bumped when the embedding code changes what it stores for the same text and model. */
    static final int FORMAT = 1;

    private final ParquetCache files;

    /**
     * @param root    the cache's folder ({@code OUT/embedding-cache}), a path or URI
     * @param encoder the encoder whose embeddings it keeps: each has its own fingerprint folder
     */
    public EmbeddingCache(String root, Encoder encoder) {
        this.files = new ParquetCache(root, fingerprint(encoder), DataContract.EMBEDDING_CACHE);
    }

    /**
     * Hex SHA-256 of what shapes an embedding besides the text: the model and tokenizer files, the artifact they
     * come in and the stored layout. Computed without loading the model.
     */
    public static String fingerprint(Encoder encoder) {
        return DigestUtils.sha256Hex("format=" + FORMAT
                + "\nschema=" + DataContract.EMBEDDING_CACHE.json()
                + "\nmodel=" + encoder.description() + " from " + encoder.artifact() + ":" + encoder.artifactVersion()
                + "\nmodel_sha256=" + SentenceEmbedder.modelSha256(encoder));
    }

    /** This fingerprint's folder. */
    public String location() {
        return files.location();
    }

    /** Every stored embedding ({@link DataContract#EMBEDDING_CACHE}); empty when nothing is stored yet. */
    Dataset<Row> read(SparkSession spark) {
        return files.read(spark);
    }

    /** Appends embeddings ({@link DataContract#EMBEDDING_CACHE}) as new files; {@code rows} is their count, to size the files. */
    void append(Dataset<Row> embeddings, long rows) {
        files.append(embeddings, rows);
    }
}
