package rootcause.job.manifest;

import rootcause.job.tables.TableFormat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import rootcause.io.Storage;
import java.util.List;
import java.util.Map;

/**
 * {@code OUT/manifest-reclassify.json}: what the last {@code reclassify} did. It sits beside the run's
 * {@code manifest.json}, which it leaves alone: the rows read, rejected and filtered are still the run's.
 *
 * @param verb                     always {@value #VERB}
 * @param monthsReclassified       months whose complaints, stats, candidates, causes and reports were rewritten
 * @param monthsReported           those months plus each following month present (its change is against a restated month)
 * @param taxonomy                 the taxonomy now classifying those months (as in {@code manifest.json})
 * @param taxonomyVersionsBefore   per month, the {@code taxonomy_version}s its complaints had before
 * @param complaintsByMonth        per month, the complaints (duplicates included) rewritten: as many as were read
 * @param classify                 the classify counts over the reclassified months, as in {@code manifest.json}
 * @param statsBuiltFromComplaints earlier months whose statistics were missing and built once from OUT/complaints
 * @param corenlpPipelinesCreated  CoreNLP pipelines built by this verb: 0, it reads the stored sentences
 * @param tableFormat              {@code delta} for tables; absent for plain Parquet, as are the versions
 * @param tableVersionsBefore      each table's version before the verb: what time travel reads back
 * @param tableVersions            each table's version after it
 * @param emergingRule             the emerging rule the reported months' causes were derived with
 */
public record ReclassifyManifest(
        @JsonProperty("verb") String verb,
        @JsonProperty("run_id") String runId,
        @JsonProperty("started_at") String startedAt,
        @JsonProperty("finished_at") String finishedAt,
        @JsonProperty("months_reclassified") List<String> monthsReclassified,
        @JsonProperty("months_reported") List<String> monthsReported,
        @JsonProperty("taxonomy") Map<String, String> taxonomy,
        @JsonProperty("taxonomy_versions_before") Map<String, List<String>> taxonomyVersionsBefore,
        @JsonProperty("complaints_by_month") Map<String, Long> complaintsByMonth,
        @JsonProperty("classify") Map<String, Object> classify,
        @JsonProperty("stats_built_from_complaints") List<String> statsBuiltFromComplaints,
        @JsonProperty("corenlp_pipelines_created") long corenlpPipelinesCreated,
        @JsonProperty("timings_ms") Map<String, Long> timingsMs,
        @JsonProperty("table_format") @JsonInclude(JsonInclude.Include.NON_NULL) String tableFormat,
        @JsonProperty("table_versions_before") @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Long> tableVersionsBefore,
        @JsonProperty("table_versions") @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Long> tableVersions,
        @JsonProperty("emerging_rule") @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> emergingRule) {

    /** Without tables: plain Parquet, whose manifest is as it always was. */
    public ReclassifyManifest(String verb, String runId, String startedAt, String finishedAt, List<String> monthsReclassified,
                              List<String> monthsReported, Map<String, String> taxonomy,
                              Map<String, List<String>> taxonomyVersionsBefore, Map<String, Long> complaintsByMonth,
                              Map<String, Object> classify, List<String> statsBuiltFromComplaints,
                              long corenlpPipelinesCreated, Map<String, Long> timingsMs) {
        this(verb, runId, startedAt, finishedAt, monthsReclassified, monthsReported, taxonomy, taxonomyVersionsBefore,
                complaintsByMonth, classify, statsBuiltFromComplaints, corenlpPipelinesCreated, timingsMs, null, null, null, null);
    }

    /** This manifest with the tables' format and versions; plain Parquet adds nothing. */
    public ReclassifyManifest withTables(TableFormat format, Map<String, Long> before, Map<String, Long> after) {
        if (format == TableFormat.PARQUET) {
            return this;
        }
        return new ReclassifyManifest(verb, runId, startedAt, finishedAt, monthsReclassified, monthsReported, taxonomy,
                taxonomyVersionsBefore, complaintsByMonth, classify, statsBuiltFromComplaints, corenlpPipelinesCreated,
                timingsMs, format.label(), before, after, emergingRule);
    }

    /** This manifest with the emerging rule the reported months' causes were derived with. */
    public ReclassifyManifest withEmergingRule(rootcause.metric.EmergingRule rule) {
        return new ReclassifyManifest(verb, runId, startedAt, finishedAt, monthsReclassified, monthsReported, taxonomy,
                taxonomyVersionsBefore, complaintsByMonth, classify, statsBuiltFromComplaints, corenlpPipelinesCreated,
                timingsMs, tableFormat, tableVersionsBefore, tableVersions, rule.settings());
    }

    public static final String VERB = "reclassify";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public void write(Storage storage, org.apache.hadoop.fs.Path file) throws IOException {
        storage.replace(file, JSON.writeValueAsBytes(this));
    }

    public static ReclassifyManifest read(Storage storage, org.apache.hadoop.fs.Path file) throws IOException {
        try (java.io.InputStream in = storage.open(file)) {
            return JSON.readValue(in, ReclassifyManifest.class);
        }
    }
}
