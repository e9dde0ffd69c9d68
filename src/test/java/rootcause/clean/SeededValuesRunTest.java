package rootcause.clean;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import rootcause.OutputContract;
import rootcause.SparkTestSession;
import rootcause.ingest.InputSpec;
import rootcause.job.JobConfig;
import rootcause.job.RootCauseJob;
import rootcause.job.manifest.RunManifest;
import rootcause.nlp.NlpSettings;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole job in process (real Spark, CoreNLP and models, reports included) on a small survey export with person
 * names and PII seeded by this test, in accepted rows and in a rejected one; then not one seeded value may appear in
 * any file under OUT ({@link OutputContract#seededValuesFound}), and the contract's own checks hold.
 */
class SeededValuesRunTest {
    static final Path IN = Path.of("target", "seeded-values-run-test", "in");
    static final Path OUT = Path.of("target", "seeded-values-run-test", "out");

    static final List<String> NAMES = List.of("Margaret", "Whitlock", "Dmitri", "Tyrone", "Brenda", "Okafor",
            "Gerald", "Patricia", "Holloway", "Kenneth", "Moreau", "Hiroshi");
    /** The PII values seeded in data-samples (PiiRedactorTest), here in this test's own input. */
    static final List<String> PII = List.of("dana.whitfield@example.com", "(555) 014-2297", "4111 1111 1111 1111",
            "555-301-7788", "+1 555 014 8821", "r.okafor@example.net",
            // Issue 25: an IBAN in groups kept "GB82 WEST", a postal address its city, state and ZIP. (Not "62704"
            // alone: five digits turn up inside the embedding cache's vectors by chance.)
            "GB82 WEST", "5698 7654", "742 Evergreen", "Springfield, IL", "IL 62704", "SW1A 1AA", "DE89370400440532013000");

    private static final String[][] ROWS = {
            {"N-1", "2025-10-02 09:15", "phone", "1", "The representative, Margaret Whitlock, promised a refund and never called back. Call me on (555) 014-2297."},
            {"N-2", "2025-10-03 10:20", "chat", "2", "Support agent Dmitri closed my ticket without fixing anything, twice. I was on hold for an hour. Refund to GB82 WEST 1234 5698 7654 32."},
            {"N-3", "2025-10-04 11:25", "store", "1", "your driver Tyrone left my package in the rain and nobody apologised. email dana.whitfield@example.com"},
            {"N-4", "2025-10-05 12:30", "phone", "2", "I asked for a supervisor and got Brenda Okafor who just read the same script. Card 4111 1111 1111 1111 was charged twice."},
            {"N-5", "2025-10-06 13:35", "web", "1", "my husband gerald has been on hold since noon and the website keeps crashing. text 555-301-7788 or write to 742 Evergreen Terrace, Springfield, IL 62704"},
            {"N-6", "2025-10-07 14:40", "email", "2", "My sister Patricia Holloway received calls about my debt and they told her the amount. Reach me at r.okafor@example.net"},
            {"N-7", "2025-10-08 15:45", "phone", "5", "Thank you Hiroshi for sorting out my refund so fast! My number is +1 555 014 8821"},
            // Rejected (bad date): its raw record is written to rejects/, redacted.
            {"N-8", "2025-10-41 16:50", "phone", "1", "Kenneth Moreau was rude and hung up. Call (555) 014-2297. Post to SW1A 1AA, pay DE89370400440532013000."},
    };

    private static RunManifest manifest;

    @BeforeAll
    static void runTheJobOnSeededInput() throws Exception {
        if (Files.exists(IN.getParent())) {
            try (var paths = Files.walk(IN.getParent())) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
            }
        }
        StringBuilder csv = new StringBuilder("response_id,submitted_at,channel,score,comments\n");
        for (String[] r : ROWS) {
            csv.append(String.join(",", r[0], r[1], r[2], r[3])).append(",\"").append(r[4].replace("\"", "\"\"")).append("\"\n");
        }
        Files.createDirectories(IN);
        Files.writeString(IN.resolve("survey.csv"), csv, StandardCharsets.UTF_8);
        String all = csv.toString();
        for (String v : NAMES) assertThat(SeededNames.containsWord(all, v)).as("seeded in the input: " + v).isTrue();
        assertThat(all).contains(PII);
        SparkSession spark = SparkTestSession.get();
        String inference = "spark.sql.sources.partitionColumnTypeInference.enabled";
        String before = spark.conf().get(inference);
        try {
            manifest = new RootCauseJob(spark, new JobConfig(List.of(InputSpec.parse("survey=" + IN)), rootcause.io.Storage.path(OUT.toString()), Set.of(), null,
                    NlpSettings.defaults(), JobConfig.Stage.REPORT, false, null)).run();
        } finally {
            spark.conf().set(inference, before);
        }
    }

    @Test
    void noSeededNameOrPiiValueIsWrittenAnywhere() throws Exception {
        assertThat(manifest.rowsAccepted()).isEqualTo(7);
        assertThat(manifest.rowsRejected()).isEqualTo(1);
        assertThat(manifest.monthsWritten()).containsExactly("2025-10");
        assertThat(OUT.resolve("reports/2025-10/quotes.csv")).isRegularFile();
        assertThat(OUT.resolve("reports/2025-10/report.pdf")).isRegularFile();
        List<String> values = new ArrayList<>(NAMES);
        values.addAll(PII);
        assertThat(OutputContract.seededValuesFound(OUT, SparkTestSession.get(), values)).isEmpty();
        assertThat(OutputContract.violations(OUT, SparkTestSession.get())).isEmpty();
    }

    @Test
    void theCheckFindsSeededValuesWhereTheyAre() throws Exception {
        // The input folder holds every seeded value: the same check must report each of them there.
        List<String> values = new ArrayList<>(NAMES);
        values.addAll(PII);
        List<String> found = OutputContract.seededValuesFound(IN, SparkTestSession.get(), values);
        assertThat(found).hasSize(values.size());
        assertThat(OutputContract.seededValuesFound(OUT, SparkTestSession.get(), List.of("2025-10"))).isNotEmpty();
    }

    @Test
    void theManifestHashesTheNameModels() {
        @SuppressWarnings("unchecked")
        java.util.Map<String, String> sha = (java.util.Map<String, String>) manifest.nlp().get("model_files_sha256");
        assertThat(sha).containsKeys(NameRedactor.MODEL, NameRedactor.CASELESS_MODEL);
        assertThat(sha.values()).allSatisfy(h -> assertThat(h).matches("[0-9a-f]{64}"));
    }
}
