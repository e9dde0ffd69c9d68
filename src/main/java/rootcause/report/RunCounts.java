package rootcause.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hadoop.fs.Path;
import rootcause.io.Storage;
import rootcause.model.RowCounts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The run's row counts from {@code OUT/manifest.json}; a count is null when the manifest or its key is missing.
 * Counts that are all known must follow {@link RowCounts#RULE}: a report never shows rows that do not add up.
 */
public record RunCounts(Long rowsRead, Long rowsAccepted, Long rowsRejected, Long rowsFiltered, Long duplicates) {

    public static final RunCounts UNKNOWN = new RunCounts(null, null, null, null, null);

    public RunCounts {
        RowCounts rows = rows(rowsRead, rowsAccepted, rowsRejected, rowsFiltered);
        if (rows != null && !rows.reconciles()) {
            throw new IllegalArgumentException("run counts do not reconcile: " + RowCounts.RULE + " is "
                    + rows.equation());
        }
    }

    public static RunCounts of(RowCounts rows, long duplicates) {
        return new RunCounts(rows.read(), rows.accepted(), rows.rejected(), rows.filtered(), duplicates);
    }

    /**
     * Reads the top-level counts; an absent manifest gives {@link #UNKNOWN}, a malformed one or one whose counts do
     * not reconcile fails naming the file.
     */
    public static RunCounts read(Storage storage, Path manifest) {
        if (!storage.isFile(manifest)) {
            return UNKNOWN;
        }
        try (InputStream in = storage.open(manifest)) {
            JsonNode root = new ObjectMapper().readTree(in);
            return new RunCounts(count(root, RowCounts.READ), count(root, RowCounts.ACCEPTED),
                    count(root, RowCounts.REJECTED), count(root, RowCounts.FILTERED), count(root, RowCounts.DUPLICATES));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read run manifest " + manifest + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("run manifest " + manifest + ": " + e.getMessage(), e);
        }
    }

    private static Long count(JsonNode root, String key) {
        JsonNode node = root.get(key);
        return node != null && node.canConvertToLong() ? node.asLong() : null;
    }

    public boolean isKnown() {
        return rowsRead != null || rowsAccepted != null || rowsRejected != null || rowsFiltered != null || duplicates != null;
    }

    /** The four row counts, or null when one of them is unknown. */
    public RowCounts rows() {
        return rows(rowsRead, rowsAccepted, rowsRejected, rowsFiltered);
    }

    private static RowCounts rows(Long read, Long accepted, Long rejected, Long filtered) {
        return read == null || accepted == null || rejected == null || filtered == null ? null
                : new RowCounts(read, accepted, rejected, filtered);
    }
}
