package rootcause.nlp;

import rootcause.model.DataContract;
import org.apache.commons.codec.digest.DigestUtils;

import java.util.Map;
import java.util.TreeMap;

/**
 * The keys of the nlp cache ({@link NlpCache}). Pure.
 *
 * <p>An analysis depends on the text and on everything that shapes the pipeline: the {@link NlpSettings}, the
 * model files CoreNLP loads, the sentiment layer's model, CoreNLP's version and the layout of the nlp columns.
 * Those together are the {@link #fingerprint}; a text's key is the SHA-256 of the fingerprint and the text, so any
 * change of either misses the cache instead of returning a stale analysis.
 */
public final class NlpCacheKey {
    /** Bumped when the analysis code changes what it writes for the same text and models. */
    static final int FORMAT = 1;
    /** Between the fingerprint (fixed-length hex) and the text, for anyone re-computing a key by hand. */
    static final String SEPARATOR = "\u0000";

    private NlpCacheKey() {}

    /**
     * @param modelFilesSha256    class-path model resource → SHA-256, as the manifest records them
     * @param sentimentModelSha256 the sentiment layer's model; null for CoreNLP's reading only
     * @param libraryVersions     library → version (CoreNLP's and its models' at least)
     * @return hex SHA-256 of a canonical description of all of them
     */
    public static String fingerprint(NlpSettings settings, Map<String, String> modelFilesSha256,
                                     String sentimentModelSha256, Map<String, String> libraryVersions) {
        String canonical = "format=" + FORMAT
                + "\nsettings=" + settings.cacheKeyText()
                + "\ncolumns=" + DataContract.NLP.type().json()
                + "\nmodel_files=" + new TreeMap<>(modelFilesSha256)
                + "\nsentiment_model=" + sentimentModelSha256
                + "\nlibraries=" + new TreeMap<>(libraryVersions);
        return DigestUtils.sha256Hex(canonical);
    }

    /** Hex SHA-256 of the fingerprint and the (normalised, redacted) text; a null text is the empty text. */
    public static String key(String fingerprint, String text) {
        return DigestUtils.sha256Hex(prefix(fingerprint) + (text == null ? "" : text));
    }

    /** What precedes the text in the hashed string; {@link NlpCache} hashes the same string in Spark. */
    static String prefix(String fingerprint) {
        return fingerprint + SEPARATOR;
    }
}
