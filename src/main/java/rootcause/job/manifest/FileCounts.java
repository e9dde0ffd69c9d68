package rootcause.job.manifest;

import com.fasterxml.jackson.annotation.JsonProperty;
import rootcause.ingest.CsvStructure;
import rootcause.model.RowCounts;

import java.util.List;
import java.util.Map;

/**
 * What happened to the records of one input file; its row counts follow {@link RowCounts#RULE}, and {@code physical}
 * accounts for its lines (null in manifests written before it existed).
 */
public record FileCounts(
        @JsonProperty("file") String file,
        @JsonProperty("source") String source,
        @JsonProperty(RowCounts.READ) long rowsRead,
        @JsonProperty(RowCounts.ACCEPTED) long rowsAccepted,
        @JsonProperty(RowCounts.REJECTED) long rowsRejected,
        @JsonProperty(RowCounts.FILTERED) long rowsFiltered,
        @JsonProperty(RowCounts.DUPLICATES) long duplicates,
        @JsonProperty("rejected_by_reason") Map<String, Long> rejectedByReason,
        @JsonProperty("filtered_by_reason") Map<String, Long> filteredByReason,
        @JsonProperty("accepted_by_month") Map<String, Long> acceptedByMonth,
        @JsonProperty("physical") CsvStructure.Lines physical) {

    public RowCounts counts() {
        return new RowCounts(rowsRead, rowsAccepted, rowsRejected, rowsFiltered);
    }

    public boolean reconciles() {
        return counts().reconciles();
    }

    /** The run's row counts: the files' summed. */
    public static RowCounts total(List<FileCounts> files) {
        return RowCounts.sum(files.stream().map(FileCounts::counts).toList());
    }

    public static long duplicates(List<FileCounts> files) {
        return files.stream().mapToLong(FileCounts::duplicates).sum();
    }
}
