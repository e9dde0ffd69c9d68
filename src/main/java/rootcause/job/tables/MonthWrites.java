package rootcause.job.tables;

import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import rootcause.io.Storage;
import rootcause.model.Columns;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.apache.spark.sql.functions.col;

/**
 * A run's writes of month-partitioned datasets that leave alone a month whose rows equal what the folder stores
 * ({@link MonthFingerprints}): a forced re-run of an unchanged export rewrites nothing. A month is written when its
 * fingerprint differs from the stored one, when there is none, when the table no longer holds the month, or when
 * the caller must write it; {@link #publish} then publishes the tables and stores the new fingerprints.
 */
public final class MonthWrites {
    /** The manifest's reason for a month not written. */
    public static final String UNCHANGED = "rows identical to the stored month (same content fingerprint)";

    private final MonthTables tables;
    private final MonthFingerprints fingerprints;
    /** Per dataset, the fingerprints of the months this run wrote, stored once they are published. */
    private final Map<String, Map<String, String>> written = new LinkedHashMap<>();
    private final Map<String, List<String>> skipped = new LinkedHashMap<>();

    public MonthWrites(MonthTables tables, Storage storage, Path output) {
        this.tables = tables;
        this.fingerprints = new MonthFingerprints(storage, output);
    }

    /**
     * Writes those of the months whose rows changed ({@link MonthTables#write}); returns them, sorted. Months in
     * {@code mustWrite} are written whatever their fingerprint. Unpersisted data is persisted while it is
     * fingerprinted and written (two passes).
     */
    public List<String> write(Dataset<Row> data, String name, List<String> months, Collection<String> mustWrite) {
        boolean persist = data.storageLevel().equals(StorageLevel.NONE());
        Dataset<Row> rows = persist ? data.persist(StorageLevel.MEMORY_AND_DISK()) : data;
        try {
            Map<String, String> computed = MonthFingerprints.of(rows);
            computed.keySet().retainAll(months);
            List<String> held = tables.months(name);
            Map<String, String> stored = fingerprints.stored(name, computed.keySet());
            stored.keySet().retainAll(held);
            TreeSet<String> change = new TreeSet<>(MonthFingerprints.changed(months, computed, stored));
            change.addAll(mustWrite);
            change.retainAll(months);
            List<String> unchanged = new ArrayList<>(new TreeSet<>(months));
            unchanged.removeAll(change);
            skipped.computeIfAbsent(name, k -> new ArrayList<>()).addAll(unchanged);
            List<String> changed = List.copyOf(change);
            if (!changed.isEmpty()) {
                tables.write(rows.where(col(Columns.MONTH).isin(changed.toArray())), name, changed);
                Map<String, String> now = new TreeMap<>(computed);
                now.keySet().retainAll(changed);
                written.computeIfAbsent(name, k -> new TreeMap<>()).putAll(now);
            }
            return changed;
        } finally {
            if (persist) {
                rows.unpersist();
            }
        }
    }

    /** {@link MonthTables#publish}, then stores the fingerprints of the months written. */
    public void publish() {
        tables.publish();
        written.forEach(fingerprints::remember);
    }

    /** Per dataset, the months not written because their rows were unchanged (only datasets with some). */
    public Map<String, List<String>> skipped() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        skipped.forEach((name, months) -> {
            if (!months.isEmpty()) {
                out.put(name, List.copyOf(new TreeSet<>(months)));
            }
        });
        return out;
    }
}
