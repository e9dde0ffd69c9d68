package rootcause.io;

import org.apache.hadoop.fs.Path;
import rootcause.model.Columns;

import java.util.List;

/**
 * Where everything lives under a run's output folder {@code OUT}: the month-partitioned datasets, the rejects, the
 * reports, the manifests, the lock, the caches and the logs. Job, cli, report and the up-to-date check ask it for
 * their paths; nothing else spells an {@code OUT/…} name.
 */
public final class OutputLayout {
    /** The cleaned, analysed and classified complaints, one row per complaint, {@code month=} partitions. */
    public static final String COMPLAINTS = "complaints";
    /** The mergeable month × cause statistics. */
    public static final String STATS = "stats";
    /** The per-cause metrics derived from the statistics. */
    public static final String CAUSES = "causes";
    /** Frequent terms of unmatched negative complaints: candidates for new causes. */
    public static final String CANDIDATES = "candidates";
    /** The month-partitioned datasets, in the order a run replaces them: complaints first, then what derives from them. */
    public static final List<String> MONTH_DATASETS = List.of(COMPLAINTS, STATS, CAUSES, CANDIDATES);
    /** Each rejected input row with its reason; describes the latest run, like the manifest. */
    public static final String REJECTS = "rejects";
    /** {@code reports/<month>/}: the leadership report and its tables. */
    public static final String REPORTS = "reports";
    /** The run manifest: counts, checks, timings, fingerprints. */
    public static final String MANIFEST = "manifest.json";
    /** The manifest of the latest {@code reclassify}. */
    public static final String RECLASSIFY_MANIFEST = "manifest-reclassify.json";
    /** The one-writer lock; the leading "_" hides it from Spark and pyarrow. */
    public static final String LOCK = "_rootcause.lock";
    /** Where a run's months wait until they are swapped in; the leading "_" hides it from Spark and pyarrow. */
    public static final String STAGING = "_staging";
    /** Delta tables only: months, one a line, whose complaints were replaced after their statistics were counted. */
    public static final String STALE_STATS = "_stale_stats";
    /** The NLP stage's cache, keyed by text and pipeline. */
    public static final String NLP_CACHE = "nlp-cache";
    /** The sentence embeddings' cache, keyed by sentence and encoder. */
    public static final String EMBEDDING_CACHE = "embedding-cache";
    /** The person names' character spans per distinct text, keyed by text and name models. */
    public static final String NAME_CACHE = "name-cache";
    /**
     * Content fingerprints of what is stored: {@code _fingerprints/<dataset>/month=…} per month of a month-partitioned
     * dataset, {@code _fingerprints/reports/<month>} per month's report, {@code _fingerprints/rejects}. A run that computes the same fingerprint
     * skips the write; whoever replaces a month deletes its fingerprint first. The leading "_" hides it from Spark.
     */
    public static final String FINGERPRINTS = "_fingerprints";
    /** The run logs. */
    public static final String LOGS = "logs";
    /** A month's folder in a partitioned dataset is {@code month=2025-09}. */
    public static final String MONTH_PARTITION_PREFIX = Columns.MONTH + "=";

    private final Path root;

    public OutputLayout(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** A month-partitioned dataset's folder ({@link #MONTH_DATASETS}). */
    public Path dataset(String name) {
        return Storage.child(root, name);
    }

    /** One month's folder of a month-partitioned dataset. */
    public Path month(String dataset, String month) {
        return monthOf(dataset(dataset), month);
    }

    /** One month's folder under any folder that holds {@code month=} partitions. */
    public static Path monthOf(Path partitioned, String month) {
        return Storage.child(partitioned, MONTH_PARTITION_PREFIX + month);
    }

    public Path rejects() {
        return Storage.child(root, REJECTS);
    }

    public Path reports() {
        return Storage.child(root, REPORTS);
    }

    /** A month's report folder. */
    public Path report(String month) {
        return Storage.child(root, REPORTS, month);
    }

    public Path manifest() {
        return Storage.child(root, MANIFEST);
    }

    public Path reclassifyManifest() {
        return Storage.child(root, RECLASSIFY_MANIFEST);
    }

    public Path lock() {
        return Storage.child(root, LOCK);
    }

    public Path staging() {
        return Storage.child(root, STAGING);
    }

    public Path staleStats() {
        return Storage.child(root, STALE_STATS);
    }

    public Path nlpCache() {
        return Storage.child(root, NLP_CACHE);
    }

    public Path embeddingCache() {
        return Storage.child(root, EMBEDDING_CACHE);
    }

    public Path nameCache() {
        return Storage.child(root, NAME_CACHE);
    }

    /** The fingerprint of one stored month of a month-partitioned dataset ({@link #FINGERPRINTS}). */
    public Path monthFingerprint(String dataset, String month) {
        return monthOf(Storage.child(root, FINGERPRINTS, dataset), month);
    }

    /** The fingerprint of what {@code rejects/} was written from: the raw rejected rows and the redacting code. */
    public Path rejectsFingerprint() {
        return Storage.child(root, FINGERPRINTS, REJECTS);
    }

    /** The fingerprint of the inputs of one month's report files ({@link #FINGERPRINTS}). */
    public Path reportFingerprint(String month) {
        return Storage.child(root, FINGERPRINTS, REPORTS, month);
    }

    public Path logs() {
        return Storage.child(root, LOGS);
    }
}
