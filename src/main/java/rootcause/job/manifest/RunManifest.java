package rootcause.job.manifest;

import rootcause.job.tables.TableFormat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.apache.hadoop.fs.Path;
import rootcause.io.Storage;
import rootcause.metric.EmergingRule;
import rootcause.model.RowCounts;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code OUT/manifest.json}: what one run read, accepted, rejected, filtered and de-duplicated, in total and per
 * input file; the reconciliation rule over the totals with its result; the months it wrote; versions; timings; the
 * driver's heap; the result of the run checks; the fingerprint of its inputs and settings ({@code rootcause.job.UpToDate}); and,
 * for tables ({@code --table-format delta}), their format and each table's version after the run (absent for plain
 * Parquet, whose manifest is as it always was); the emerging rule its causes were derived with; and what it left
 * as stored because it was unchanged.
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
        @JsonProperty("inputs_fingerprint") String inputsFingerprint,
        @JsonProperty("table_format") @JsonInclude(JsonInclude.Include.NON_NULL) String tableFormat,
        @JsonProperty("table_versions") @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Long> tableVersions,
        @JsonProperty("emerging_rule") @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> emergingRule,
        @JsonProperty("unchanged") @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> unchanged) {

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
                timingsMs, resources, checks, inputsFingerprint, null, null, null, null);
    }

    /** This manifest with the tables' format and versions; plain Parquet adds nothing. */
    public RunManifest withTables(TableFormat format, Map<String, Long> tableVersions) {
        if (format == TableFormat.PARQUET) {
            return this;
        }
        return new RunManifest(runId, startedAt, finishedAt, versions, taxonomy, monthsRequested, monthsWritten, rowsRead,
                rowsAccepted, rowsRejected, rowsFiltered, reconciliation, duplicates, rejectedByReason, filteredByReason,
                files, clean, nlp, classify, timingsMs, resources, checks, inputsFingerprint, format.label(), tableVersions,
                emergingRule, unchanged);
    }

    /** This manifest with the emerging rule the run derived its causes with ({@link EmergingRule#settings}). */
    public RunManifest withEmergingRule(EmergingRule rule) {
        return new RunManifest(runId, startedAt, finishedAt, versions, taxonomy, monthsRequested, monthsWritten, rowsRead,
                rowsAccepted, rowsRejected, rowsFiltered, reconciliation, duplicates, rejectedByReason, filteredByReason,
                files, clean, nlp, classify, timingsMs, resources, checks, inputsFingerprint, tableFormat, tableVersions,
                rule.settings(), unchanged);
    }

    /**
     * This manifest with what the run left as stored because it was unchanged: per month-partitioned dataset and for
     * the reports, the months and the reason ({@link rootcause.job.tables.MonthWrites}, {@link rootcause.report.ReportWriter#write}).
     */
    public RunManifest withUnchanged(Map<String, Object> unchanged) {
        return new RunManifest(runId, startedAt, finishedAt, versions, taxonomy, monthsRequested, monthsWritten, rowsRead,
                rowsAccepted, rowsRejected, rowsFiltered, reconciliation, duplicates, rejectedByReason, filteredByReason,
                files, clean, nlp, classify, timingsMs, resources, checks, inputsFingerprint, tableFormat, tableVersions,
                emergingRule, unchanged);
    }

    /**
     * The emerging rule the run into {@code file} recorded; {@link EmergingRule#DEFAULT} when there is no manifest or
     * it records none (written before the rule was configurable, when it was always the default).
     */
    public static EmergingRule emergingRule(Storage storage, Path file) {
        try {
            if (!storage.isFile(file)) {
                return EmergingRule.DEFAULT;
            }
            EmergingRule recorded = EmergingRule.fromSettings(read(storage, file).emergingRule());
            return recorded == null ? EmergingRule.DEFAULT : recorded;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + Storage.display(file), e);
        }
    }

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
