package rootcause.job;

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
        @JsonProperty("timings_ms") Map<String, Long> timingsMs) {

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
