package rootcause.report;

import rootcause.io.Storage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import rootcause.SparkTestSession;
import rootcause.ingest.InputSpec;
import rootcause.job.JobConfig;
import rootcause.job.RootCauseJob;
import rootcause.job.manifest.RunManifest;
import rootcause.nlp.NlpSettings;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The whole job in process (real Spark, CoreNLP and models) on {@code data-samples/}, whose exports hold rejected
 * and filtered rows; then the manifest, every month's report and the notebook must tell the same counts. Leaves the run in {@code target/sample-run-test}.
 */
class SampleRunTest {
    static final Path OUT = Path.of("target", "sample-run-test");
    private static RunManifest manifest;

    /** A month's report folder, as the job lays it out, on the local file system. */
    static Path monthDirectory(Path out, String month) {
        return Storage.localFile(ReportWriter.monthDirectory(Storage.path(out.toString()), month));
    }

    @BeforeAll
    static void runTheJobOnTheSamples() throws Exception {
        ReportStageTest.deleteRecursively(OUT);
        List<InputSpec> inputs = Stream.of("cfpb=data-samples/cfpb", "cfpb=data-samples/cfpb-export",
                "twcs=data-samples/twcs", "airline=data-samples/airline", "survey=data-samples/survey")
                .map(InputSpec::parse).toList();
        SparkSession spark = SparkTestSession.get();
        // The job turns partition type inference off for its session; the shared test session gets it back after.
        String inference = "spark.sql.sources.partitionColumnTypeInference.enabled";
        String before = spark.conf().get(inference);
        try {
            manifest = new RootCauseJob(spark, new JobConfig(inputs, Storage.path(OUT.toString()), Set.of(), null, NlpSettings.defaults(),
                    JobConfig.Stage.REPORT, false, null)).run();
        } finally {
            spark.conf().set(inference, before);
        }
    }

    @Test
    void theManifestReconcilesWithFilteredRowsCounted() throws Exception {
        assertThat(manifest.rowsFiltered()).as("the samples hold filtered rows (no_text, company_reply)").isPositive();
        assertThat(manifest.rowsRead()).as("without the filtered rows the counts would not add up")
                .isNotEqualTo(manifest.rowsAccepted() + manifest.rowsRejected());
        assertThat(manifest.rowsRead())
                .isEqualTo(manifest.rowsAccepted() + manifest.rowsRejected() + manifest.rowsFiltered());
        JsonNode r = new ObjectMapper().readTree(OUT.resolve("manifest.json").toFile()).get("reconciliation");
        assertThat(r.get("reconciles").asBoolean()).isTrue();
        assertThat(r.get("equation").asText()).isEqualTo(manifest.rowsRead() + " = " + manifest.rowsAccepted() + " + "
                + manifest.rowsRejected() + " + " + manifest.rowsFiltered());
    }

    /** A month is written as one Parquet file (its rows are far fewer than the limit per file), not one per task. */
    @Test
    void eachMonthIsOneParquetFile() throws Exception {
        for (String dataset : List.of("complaints", "causes")) {
            try (Stream<Path> months = Files.list(OUT.resolve(dataset))) {
                List<Path> monthDirs = months.filter(Files::isDirectory).toList();
                assertThat(monthDirs).isNotEmpty();
                for (Path month : monthDirs) {
                    try (Stream<Path> files = Files.list(month)) {
                        assertThat(files.filter(f -> f.getFileName().toString().endsWith(".parquet")).count())
                                .as(dataset + "/" + month.getFileName()).isEqualTo(1);
                    }
                }
            }
        }
    }

    @Test
    void noSeededNameOrPiiValueOfTheSamplesIsWritten() throws Exception {
        assertThat(rootcause.OutputContract.seededValuesFound(OUT, SparkTestSession.get(),
                rootcause.OutputContract.SEEDED_IN_DATA_SAMPLES)).isEmpty();
    }

    /** The CFPB samples state the company's response: their months give each cause's outcome rates. */
    @Test
    void theCfpbOutcomesGiveOutcomeRates() throws Exception {
        // complaints keep set operations working (a map column would refuse except, as comparing two runs does)
        var complaints = SparkTestSession.get().read().parquet(OUT.resolve("complaints").toString());
        assertThat(complaints.exceptAll(complaints).count()).isZero();
        boolean found = false;
        for (String month : manifest.monthsWritten()) {
            Path csv = monthDirectory(OUT, month).resolve(ReportWriter.CAUSES_CSV);
            try (var parser = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(Files.newBufferedReader(csv, StandardCharsets.UTF_8))) {
                found |= parser.getRecords().stream().anyMatch(r -> r.get("outcome_rates").contains("company_response"));
            }
        }
        assertThat(found).isTrue();
    }

    /** The survey sample carries the customers' own scores: its months show what each cause costs them. */
    @Test
    void theSurveysScoresGiveScoreImpactInItsReports() throws Exception {
        int monthsWithScores = 0;
        for (String month : manifest.monthsWritten()) {
            Path csv = monthDirectory(OUT, month).resolve(ReportWriter.CAUSES_CSV);
            try (var parser = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(Files.newBufferedReader(csv, StandardCharsets.UTF_8))) {
                boolean scored = parser.getRecords().stream().anyMatch(r -> !r.get("score_impact").isEmpty());
                if (scored) {
                    monthsWithScores++;
                    assertThat(ReportHtml.read(monthDirectory(OUT, month).resolve(ReportWriter.HTML)).text())
                            .as(month).contains("What causes cost the customers' own score");
                }
            }
        }
        assertThat(monthsWithScores).isPositive();
    }

    /**
     * The NPS sample, run on its own (its 0–10 answers would share a mean score with the survey's 1–5 scores in a
     * joint run): through its own profile file, every month gives causes their NPS points, and the report shows them.
     */
    @Test
    void theNpsSampleGivesNpsPointsThroughItsOwnProfileFile() throws Exception {
        Path out = Path.of("target", "sample-run-test-nps");
        ReportStageTest.deleteRecursively(out);
        SparkSession spark = SparkTestSession.get();
        String inference = "spark.sql.sources.partitionColumnTypeInference.enabled";
        String before = spark.conf().get(inference);
        RunManifest nps;
        try {
            nps = new RootCauseJob(spark, new JobConfig(List.of(InputSpec.parse("data-samples/nps/nps-profile.yaml=data-samples/nps")),
                    Storage.path(out.toString()), Set.of(), null, NlpSettings.defaults(), JobConfig.Stage.REPORT, false, null)).run();
        } finally {
            spark.conf().set(inference, before);
        }
        assertThat(nps.rowsRead()).isEqualTo(24);
        assertThat(nps.rowsAccepted()).isEqualTo(24);
        assertThat(nps.monthsWritten()).containsExactly("2025-09", "2025-10", "2025-11");
        for (String month : nps.monthsWritten()) {
            Path csv = monthDirectory(out, month).resolve(ReportWriter.CAUSES_CSV);
            try (var parser = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(Files.newBufferedReader(csv, StandardCharsets.UTF_8))) {
                assertThat(parser.getRecords()).as(month).anySatisfy(r -> assertThat(r.get("nps_points")).isNotEmpty()
                        .satisfies(v -> assertThat(Double.parseDouble(v)).isNegative()));
            }
            assertThat(ReportHtml.read(monthDirectory(out, month).resolve(ReportWriter.HTML)).text())
                    .as(month).contains("NPS points are the month's Net Promoter Score");
        }
    }

    @Test
    void everyReportShowsTheManifestsCounts() throws Exception {
        assertThat(manifest.monthsWritten()).hasSizeGreaterThanOrEqualTo(3);
        String equation = n(manifest.rowsRead()) + " = " + n(manifest.rowsAccepted()) + " + " + n(manifest.rowsRejected())
                + " + " + n(manifest.rowsFiltered());
        for (String month : manifest.monthsWritten()) {
            ReportHtml page = ReportHtml.read(monthDirectory(OUT, month).resolve(ReportWriter.HTML));
            assertThat(page.runCounts()).as(month).containsExactly(n(manifest.rowsRead()), n(manifest.rowsAccepted()),
                    n(manifest.rowsRejected()), n(manifest.rowsFiltered()), n(manifest.duplicates()));
            assertThat(page.reconciliation()).as(month).isEqualTo(
                    "Every row read is accounted for: read = accepted + rejected + filtered out, " + equation + ".");
        }
    }

    @Test
    void theNotebookSaysTheManifestsCountsReconcile() throws Exception {
        assumeTrue(Files.isExecutable(NotebookTest.JUPYTER), NotebookTest.JUPYTER + " missing");
        Path executed = OUT.resolve("executed.ipynb");
        NotebookTest.Result r = NotebookTest.runNotebook(OUT, executed, "");
        assertThat(r.exitCode()).as(r.log()).isZero();
        assertThat(Files.readString(executed, StandardCharsets.UTF_8)).contains(
                "rows_read = rows_accepted + rows_rejected + rows_filtered: True (" + manifest.rowsRead() + " = "
                        + manifest.rowsAccepted() + " + " + manifest.rowsRejected() + " + " + manifest.rowsFiltered() + ")");
    }

    private static String n(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }
}
