package rootcause.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The run's row counts from {@code OUT/manifest.json}; a count is null when the manifest or its key is missing.
 */
public record RunCounts(Long rowsRead, Long rowsAccepted, Long rowsRejected, Long rowsFiltered, Long duplicates) {

    public static final RunCounts UNKNOWN = new RunCounts(null, null, null, null, null);

    /** Reads the top-level counts; an absent manifest gives {@link #UNKNOWN}, a malformed one fails naming the file. */
    public static RunCounts read(Path manifest) {
        if (!Files.isRegularFile(manifest)) {
            return UNKNOWN;
        }
        try {
            JsonNode root = new ObjectMapper().readTree(manifest.toFile());
            return new RunCounts(count(root, "rows_read"), count(root, "rows_accepted"), count(root, "rows_rejected"),
                    count(root, "rows_filtered"), count(root, "duplicates"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read run manifest " + manifest + ": " + e.getMessage(), e);
        }
    }

    private static Long count(JsonNode root, String key) {
        JsonNode node = root.get(key);
        return node != null && node.canConvertToLong() ? node.asLong() : null;
    }

    public boolean isKnown() {
        return rowsRead != null || rowsAccepted != null || rowsRejected != null || rowsFiltered != null || duplicates != null;
    }
}
