package rootcause.job;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.apache.hadoop.fs.Path;
import rootcause.io.Storage;
import rootcause.model.RowCounts;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code OUT/manifest.json}: what one run read, accepted, rejected, filtered and de-duplicated, in total and per
 * input file; the reconciliation rule over the totals with its result; the months it wrote; versions; timings; the
 * driver's heap; the result of the run checks; and the fingerprint of its inputs and settings ({@link UpToDate}).
 */
public record RunManifest(
        @JsonProperty("run_id") String runId,
        @JsonProperty("started_at") String startedAt,
        @JsonProperty("finished_at") String finishedAt,
        @JsonProperty("versions") Map<String, String> versions,
        @JsonProperty("taxonomy") Map<String, String> taxonomy,
        @JsonProperty("months_requested") List<String> monthsRequested,
        @JsonProperty("months_written") List<String> monthsWritten,
        @JsonProperty(RowCounts.READ) long rowsRead,
        @JsonProperty(RowCounts.ACCEPTED) long rowsAccepted,
        @JsonProperty(RowCounts.REJECTED) long rowsRejected,
        @JsonProperty(RowCounts.FILTERED) long rowsFiltered,
        @JsonProperty(RowCounts.RECONCILIATION) RowCounts.Reconciliation reconciliation,
        @JsonProperty(RowCounts.DUPLICATES) long duplicates,
        @JsonProperty("rejected_by_reason") Map<String, Long> rejectedByReason,
        @JsonProperty("filtered_by_reason") Map<String, Long> filteredByReason,
        @JsonProperty("files") List<FileCounts> files,
        @JsonProperty("clean") Map<String, Object> clean,
        @JsonProperty("nlp") Map<String, Object> nlp,
        @JsonProperty("classify") Map<String, Object> classify,
        @JsonProperty("timings_ms") Map<String, Long> timingsMs,
        @JsonProperty("resources") Map<String, Long> resources,
        @JsonProperty("checks") List<RunCheck> checks,
        @JsonProperty("inputs_fingerprint") String inputsFingerprint) {

    /** The manifest's totals, as one run's counts. */
    public static RunManifest of(String runId, String startedAt, String finishedAt, Map<String, String> versions,
                                 Map<String, String> taxonomy, List<String> monthsRequested, List<String> monthsWritten,
                                 List<FileCounts> files, Map<String, Object> clean, Map<String, Object> nlp, Map<String, Object> classify,
                                 Map<String, Long> timingsMs, Map<String, Long> resources, List<RunCheck> checks,
                                 String inputsFingerprint) {
        RowCounts total = FileCounts.total(files);
        return new RunManifest(runId, startedAt, finishedAt, versions, taxonomy, monthsRequested, monthsWritten,
                total.read(), total.accepted(), total.rejected(), total.filtered(), total.reconciliation(),
                FileCounts.duplicates(files), sumReasons(files, true), sumReasons(files, false), files, clean, nlp, classify,
                timingsMs, resources, checks, inputsFingerprint);
    }

    /** Its name in the output folder. */
    public static final String FILE = "manifest.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Totals over files. */
    public static Map<String, Long> sumReasons(List<FileCounts> files, boolean rejected) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (FileCounts f : files) {
            (rejected ? f.rejectedByReason() : f.filteredByReason()).forEach((k, v) -> out.merge(k, v, Long::sum));
        }
        return out;
    }

    public void write(Storage storage, Path file) throws IOException {
        storage.replace(file, JSON.writeValueAsBytes(this));
    }

    public static RunManifest read(Storage storage, Path file) throws IOException {
        try (InputStream in = storage.open(file)) {
            return JSON.readValue(in, RunManifest.class);
        }
    }
}
