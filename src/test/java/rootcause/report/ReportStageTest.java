package rootcause.report;

import rootcause.io.Storage;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import rootcause.SparkTestSession;
import rootcause.aggregate.AggregateStage;
import rootcause.aggregate.AggregateStageTest;
import rootcause.aggregate.ComplaintFixtures;
import rootcause.metric.EmergingRule;
import rootcause.model.CauseInfo;
import rootcause.model.CauseMatch;
import rootcause.model.Evidence;
import rootcause.model.RowCounts;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static rootcause.aggregate.ComplaintFixtures.cause;
import static rootcause.aggregate.ComplaintFixtures.complaint;

/**
 * Writes the reports of a two-month fixture into {@code target/report-test-out} (kept: the notebook check and
 * the screenshot script run against it) and checks the files.
 */
class ReportStageTest {
    /** Where this test leaves a complete output directory (reports + manifest). */
    static final Path OUT = Path.of("target", "report-test-out");
    private static final org.apache.hadoop.fs.Path OUT_FS = Storage.path(OUT.toString());
    static final String HOSTILE_FORMULA = "=HYPERLINK(\"http://example.invalid\",\"refund\") charged twice";

    /** The run behind the fixture: its 23 complaints (one a duplicate) were accepted, 4 rows rejected, 2 filtered. */
    static final RowCounts ROWS = new RowCounts(29, 23, 4, 2);

    private static Dataset<Row> complaints;
    private static Dataset<Row> aggregates;

    static Map<String, CauseInfo> causes() {
        Map<String, CauseInfo> causes = new HashMap<>(AggregateStageTest.CAUSES);
        causes.put("billing_error", new CauseInfo("billing_error", "Billing mistakes", "money", "Money", "wrong charges"));
        return causes;
    }

    static List<ComplaintFixtures.Complaint> fixture() {
        List<ComplaintFixtures.Complaint> list = new ArrayList<>(AggregateStageTest.twoMonths());
        list.add(complaint("f-bill-1", "2024-02", "email", -0.9, cause("billing_error", "money", -0.9, HOSTILE_FORMULA)));
        list.add(complaint("f-bill-2", "2024-02", "email", -0.4, cause("billing_error", "money", -0.4, "They billed me twice.")));
        return list;
    }

    @BeforeAll
    static void writeReports() throws Exception {
        SparkSession spark = SparkTestSession.get();
        complaints = ComplaintFixtures.toDataset(spark, fixture()).cache();
        aggregates = new AggregateStage(causes(), EmergingRule.DEFAULT).aggregate(complaints);
        deleteRecursively(OUT);
        Files.createDirectories(OUT);
        Files.writeString(OUT.resolve("manifest.json"), ReportFixtures.manifestJson(ROWS, 1));
        stage(manifestCounts()).writeAll(aggregates, complaints, OUT_FS);
    }

    private static ReportStage stage(RunCounts counts) {
        return new ReportStage(new ReportWriter(new LeadershipReport(EmergingRule.DEFAULT), Storage.local()), counts);
    }

    private static RunCounts manifestCounts() {
        return RunCounts.read(Storage.local(), Storage.child(OUT_FS, "manifest.json"));
    }

    @Test
    void theManifestsCountsMatchTheFixture() {
        assertThat(complaints.count()).as("accepted rows").isEqualTo(ROWS.accepted());
        assertThat(complaints.where("is_duplicate").count()).as("duplicates").isEqualTo(1);
    }

    @Test
    void writesAllFilesForEveryMonthPresent() {
        for (String month : List.of("2024-01", "2024-02")) {
            for (String file : List.of("root-causes.csv", "quotes.csv", "segments.csv", "report.html", "report.pdf", "alerts.json")) {
                assertThat(OUT.resolve("reports").resolve(month).resolve(file)).isNotEmptyFile();
            }
        }
    }

    /** 10 complaints a month is below the minimum volume: no alert, however large the move. */
    @Test
    void smallFixtureMonthsRaiseNoAlertAndSaySo() throws Exception {
        var alerts = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(OUT.resolve("reports/2024-02/alerts.json").toFile());
        assertThat(alerts.get("low_volume").asBoolean()).isTrue();
        assertThat(alerts.get("alerts")).isEmpty();
        assertThat(read("reports/2024-02/root-causes.csv")).allSatisfy(r -> assertThat(r.get("low_volume")).isEqualTo("true"));
    }

    @Test
    void csvHasTheExactHeaderAndOneRowPerCauseIncludingUnclassified() throws Exception {
        List<String> lines = Files.readAllLines(OUT.resolve("reports/2024-02/root-causes.csv"));
        // The metrics' columns from the registry, with the example; the published ones, written out only here, stay in
        // their order (a new metric's CSV column joins at its place without editing this list).
        assertThat(List.of(lines.get(0).split(",", -1))).containsExactlyElementsOf(RootCauseCsv.HEADER)
                .containsSubsequence(("month,cause_id,cause,group,complaints,share,mean_sentiment,negative_share,"
                + "impact,change_in_share,emerging,example,group_id,month_complaints,negative_complaints,previous_share,"
                + "change_p_value,change_q_value,change_test,low_volume,emerging_rule,taxonomy_version,taxonomy_changed,"
                + "scored_complaints,mean_score,mean_score_without,score_impact,score_impact_low,score_impact_high,nps_points,outcome_rates")
                        .split(","));
        List<CSVRecord> rows = read("reports/2024-02/root-causes.csv");
        assertThat(rows).extracting(r -> r.get("cause_id"))
                .containsExactlyInAnyOrder("rudeness", "long_wait", "billing_error", "unclassified");
        assertThat(rows.get(0).get("cause_id")).as("highest impact first").isEqualTo("rudeness");
        CSVRecord rude = rows.get(0);
        assertThat(Double.parseDouble(rude.get("mean_sentiment"))).isEqualTo(-1.0);
        assertThat(rude.get("emerging")).as("1 of 10 to 6 of 10 is p 0.057 by Fisher's exact test").isEqualTo("false");
        assertThat(Double.parseDouble(rude.get("change_in_share"))).isPositive();
        assertThat(rude.get("example")).contains("<script>alert(1)</script>");
    }

    @Test
    void csvTextCellsNeverStartAFormula() throws Exception {
        List<CSVRecord> rows = new ArrayList<>(read("reports/2024-02/root-causes.csv"));
        rows.addAll(read("reports/2024-02/quotes.csv"));
        CSVRecord billing = rows.stream().filter(r -> r.get("cause_id").equals("billing_error")).findFirst().orElseThrow();
        assertThat(billing.get("example")).isEqualTo("'" + HOSTILE_FORMULA);
        for (CSVRecord row : rows) {
            for (String cell : row.values()) {
                if (!cell.matches("-?\\d+(\\.\\d+)?")) {
                    assertThat(cell).as("text cell in %s", row).doesNotStartWith("=").doesNotStartWith("+")
                            .doesNotStartWith("-").doesNotStartWith("@").doesNotStartWith("\t").doesNotStartWith("\r");
                }
            }
        }
    }

    @Test
    void firstMonthHasNoChangeColumnsButKeepsThemEmpty() throws Exception {
        CSVRecord wait = read("reports/2024-01/root-causes.csv").stream()
                .filter(r -> r.get("cause_id").equals("long_wait")).findFirst().orElseThrow();
        assertThat(wait.get("change_in_share")).isEmpty();
        assertThat(wait.get("emerging")).isEqualTo("false");
        assertThat(wait.get("complaints")).isEqualTo("5");
    }

    @Test
    void quotesCsvHoldsUpToThreeQuotesPerCauseMostNegativeFirst() throws Exception {
        List<CSVRecord> quotes = read("reports/2024-02/quotes.csv");
        List<CSVRecord> rude = quotes.stream().filter(q -> q.get("cause_id").equals("rudeness")).toList();
        assertThat(rude).extracting(q -> q.get("kind")).containsExactly("most_negative", "most_negative", "most_negative",
                "typical", "typical");
        assertThat(rude.subList(3, 5)).extracting(q -> q.get("complaint_id"))
                .as("typical quotes come from complaints not quoted as most negative")
                .doesNotContainAnyElementsOf(rude.subList(0, 3).stream().map(q -> q.get("complaint_id")).toList());
        assertThat(quotes.stream().filter(q -> q.get("cause_id").equals("billing_error")).findFirst().orElseThrow()
                .get("complaint_id")).isEqualTo("f-bill-1");
        assertThat(quotes).noneMatch(q -> q.get("complaint_id").endsWith("-dup"));
    }

    /**
     * Seven long-wait complaints in one month, polarities -0.6, -0.55, -0.5, -0.4, -0.4, -0.1 and 1.0: the median is
     * -0.4 (the mean, -1.55 / 7 = -0.221, would pick the -0.1 sentence first). The three most negative are quoted as
     * most negative; of the other four, the two at -0.4 are nearest the median (distance 0, against 0.3 and 1.4), and
     * the one whose pattern matched three words comes before the one that matched a single word, although that one is
     * shorter and has the lower complaint id.
     */
    @Test
    void typicalQuotesAreNearestTheMedianPolarityThenMatchMoreWords() throws Exception {
        String month = "2024-03";
        String oneWord = "Long wait.";
        String threeWords = "I waited two hours on hold today.";
        List<ComplaintFixtures.Complaint> waits = List.of(
                waiting("t-1", month, -0.6, "Worst wait of my life, an awful wait.", "wait"),
                waiting("t-2", month, -0.55, "The wait was terrible.", "wait"),
                waiting("t-3", month, -0.5, "A bad wait again.", "wait"),
                waiting("t-4", month, -0.4, oneWord, "wait"),
                waiting("t-5", month, -0.4, threeWords, "waited hours hold"),
                waiting("t-6", month, -0.1, "Some wait at the desk.", "wait"),
                waiting("t-7", month, 1.0, "The wait was fine in the end.", "wait"));
        Path out = Path.of("target", "report-test-typical");
        deleteRecursively(out);
        Dataset<Row> data = ComplaintFixtures.toDataset(SparkTestSession.get(), waits);
        stage(RunCounts.UNKNOWN).writeAll(new AggregateStage(causes(), EmergingRule.DEFAULT).aggregate(data), data,
                Storage.path(out.toString()));
        List<CSVRecord> quotes = read(out.resolve("reports").resolve(month).resolve("quotes.csv"));
        assertThat(quotes).filteredOn(q -> q.get("kind").equals("most_negative")).extracting(q -> q.get("complaint_id"))
                .containsExactly("t-1", "t-2", "t-3");
        assertThat(quotes).filteredOn(q -> q.get("kind").equals("typical")).extracting(q -> q.get("complaint_id"))
                .containsExactly("t-5", "t-4");
    }

    private static ComplaintFixtures.Complaint waiting(String id, String month, double polarity, String sentence,
                                                       String matchedText) {
        int sentenceClass = (int) Math.round((polarity + 1) * 2);
        return complaint(id, month, "phone", polarity, new CauseMatch("long_wait", "process", polarity,
                List.of(Evidence.ofPattern("wait", matchedText, 0, sentence, sentenceClass, polarity))));
    }

    @Test
    void htmlEscapesComplaintTextAndIsWellFormedXhtml() throws Exception {
        String html = Files.readString(OUT.resolve("reports/2024-02/report.html"));
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script");
        assertThat(html).contains("data:image/png;base64,");
        ReportHtml page = ReportHtml.of(html);
        assertThat(page.text()).contains("Rudeness").contains("emerging");
        assertThat(page.runCountsHeader()).containsExactly("Rows read", "Accepted", "Rejected", "Filtered out", "Duplicates");
        assertThat(page.runCounts()).containsExactly("29", "23", "4", "2", "1");
        assertThat(page.reconciliation()).isEqualTo(
                "Every row read is accounted for: read = accepted + rejected + filtered out, 29 = 23 + 4 + 2.");
        DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
        xml.setNamespaceAware(true);
        assertThat(xml.newDocumentBuilder().parse(OUT.resolve("reports/2024-02/report.html").toFile())
                .getElementsByTagName("img").getLength()).as("pareto, trend, sentiment").isEqualTo(3);
    }

    @Test
    void pdfIsAReadableDocumentOfTheReport() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(OUT.resolve("reports/2024-02/report.pdf").toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(2);
            assertThat(text).contains("Root causes of customer complaints").contains("February 2024")
                    .contains("<script>alert(1)</script>");
        }
    }

    @Test
    void rewritesOneMonthOnRequestAndRefusesAnAbsentMonth() throws Exception {
        Path january = OUT.resolve("reports/2024-01/report.html");
        Files.writeString(january, "stale");
        stage(RunCounts.UNKNOWN).write(aggregates, complaints, OUT_FS, List.of("2024-01"));
        ReportHtml page = ReportHtml.read(january);
        assertThat(page.text()).contains("January 2024").contains("manifest was not found");
        assertThat(page.runCounts()).isEmpty();
        assertThat(page.reconciliation()).isNull();
        assertThatThrownBy(() -> stage(RunCounts.UNKNOWN).write(aggregates, complaints, OUT_FS, List.of("2023-12")))
                .hasMessageContaining("2023-12").hasMessageContaining("2024-01");
        // leave the directory as a full run would: with the manifest's counts
        stage(manifestCounts()).write(aggregates, complaints, OUT_FS, List.of("2024-01"));
    }

    private static List<CSVRecord> read(String file) throws Exception {
        return read(OUT.resolve(file));
    }

    private static List<CSVRecord> read(Path file) throws Exception {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            return parser.getRecords();
        }
    }

    static void deleteRecursively(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
