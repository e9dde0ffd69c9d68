package rootcause.job;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Map;

/**
 * What happened to the records of one input file. {@code rowsRead = rowsAccepted + rowsRejected + rowsFiltered}.
 */
public record FileCounts(
        @JsonProperty("file") String file,
        @JsonProperty("source") String source,
        @JsonProperty("rows_read") long rowsRead,
        @JsonProperty("rows_accepted") long rowsAccepted,
        @JsonProperty("rows_rejected") long rowsRejected,
        @JsonProperty("rows_filtered") long rowsFiltered,
        @JsonProperty("duplicates") long duplicates,
        @JsonProperty("rejected_by_reason") Map<String, Long> rejectedByReason,
        @JsonProperty("filtered_by_reason") Map<String, Long> filteredByReason,
        @JsonProperty("accepted_by_month") Map<String, Long> acceptedByMonth) {

    public boolean reconciles() {
        return rowsRead == rowsAccepted + rowsRejected + rowsFiltered;
    }
}
