package rootcause.job;

import rootcause.RoundedRows;
import rootcause.job.manifest.RunManifest;
import rootcause.job.tables.MonthWrites;
import rootcause.job.tables.TableFormat;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rootcause.SparkTestSession;
import rootcause.ingest.InputSpec;
import rootcause.io.OutputLayout;
import rootcause.io.Storage;
import rootcause.nlp.NlpSettings;
import rootcause.report.ReportWriter;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static rootcause.job.TableRows.month;

/**
 * A forced re-run ({@code run --force}) of an unchanged export writes no month and renders no report, and says so in
 * the manifest; after one complaint of one month changes, a run rewrites that month only and renders again exactly
 * the reports whose content changed, ending with the outputs a fresh run of the changed export writes. Real Spark,
 * real Parquet and Delta, the CFPB samples.
 */
class UnchangedMonthsRunTest {
    private static final String SEPTEMBER = "2025-09";
    private static final String OCTOBER = "2025-10";
    private static final List<String> MONTHS = List.of(SEPTEMBER, OCTOBER, "2025-11");
    private final SparkSession spark = SparkTestSession.get();

    @Test
    void forcedRerunOfAnUnchangedExportRewritesNothingAndOneChangedComplaintRewritesItsMonthOnly(@TempDir Path tmp)
            throws Exception {
        Path input = tmp.resolve("complaints.csv");
        Files.copy(Path.of("data-samples/cfpb/complaints.csv"), input);
        Path out = tmp.resolve("out");
        RunManifest first = run(out, input, TableFormat.PARQUET);
        assertThat(first.monthsWritten()).isEqualTo(MONTHS);
        assertThat(first.unchanged()).as("a first run writes everything").isEmpty();
        Map<String, List<String>> parts = partFiles(out);
        Map<String, FileTime> rendered = reportTimes(out);
        Map<String, String> shown = reportContents(out);

        RunManifest forced = run(out, input, TableFormat.PARQUET);
        for (String dataset : OutputLayout.MONTH_DATASETS) {
            assertThat(unchangedMonths(forced, dataset)).as(dataset).isEqualTo(MONTHS);
        }
        assertThat(unchangedMonths(forced, OutputLayout.REPORTS)).isEqualTo(MONTHS);
        assertThat(reason(forced, OutputLayout.COMPLAINTS)).isEqualTo(MonthWrites.UNCHANGED);
        assertThat(reason(forced, OutputLayout.REPORTS)).isEqualTo(ReportWriter.UNCHANGED);
        assertThat(partFiles(out)).as("no month rewritten").isEqualTo(parts);
        assertThat(reportTimes(out)).as("no report rendered").isEqualTo(rendered);
        assertThat(forced.rowsRead()).isEqualTo(first.rowsRead());
        assertThat(forced.reconciliation()).isEqualTo(first.reconciliation());

        changeOneComplaint(input, OCTOBER);
        RunManifest changed = run(out, input, TableFormat.PARQUET);
        assertThat(unchangedMonths(changed, OutputLayout.COMPLAINTS)).as("October rewritten, the others not")
                .isEqualTo(List.of(SEPTEMBER, "2025-11"));
        Map<String, List<String>> partsAfter = partFiles(out);
        for (String month : MONTHS) {
            String folder = OutputLayout.COMPLAINTS + "/" + month;
            assertThat(partsAfter.get(folder).equals(parts.get(folder))).as(folder + " kept").isEqualTo(!month.equals(OCTOBER));
        }
        Map<String, FileTime> renderedAfter = reportTimes(out);
        Map<String, String> shownAfter = reportContents(out);
        for (String month : MONTHS) {
            boolean renderedAgain = !renderedAfter.get(month).equals(rendered.get(month));
            assertThat(renderedAgain).as("report of %s rendered again exactly when what it shows changed", month)
                    .isEqualTo(!shownAfter.get(month).equals(shown.get(month)));
            assertThat(unchangedMonths(changed, OutputLayout.REPORTS).contains(month)).as(month).isEqualTo(!renderedAgain);
        }
        assertThat(renderedAfter.get(SEPTEMBER)).as("September's report reads nothing of October").isEqualTo(rendered.get(SEPTEMBER));
        assertThat(shownAfter.get(OCTOBER)).as("the changed complaint shows in October's report").isNotEqualTo(shown.get(OCTOBER));

        // What the skipping runs left is what a fresh run of the changed export writes.
        Path fresh = tmp.resolve("fresh");
        // The caches hold analyses and vectors per text, whatever folder: shared, they spare the models' time.
        for (String cache : List.of(OutputLayout.NLP_CACHE, OutputLayout.EMBEDDING_CACHE)) {
            copy(out.resolve(cache), fresh.resolve(cache));
        }
        run(fresh, input, TableFormat.PARQUET);
        assertThat(reportContents(out)).isEqualTo(reportContents(fresh));
        for (String dataset : OutputLayout.MONTH_DATASETS) {
            Dataset<Row> kept = parquet(out, dataset);
            Dataset<Row> again = parquet(fresh, dataset);
            for (String month : MONTHS) {
                assertThat(RoundedRows.of(month(kept, month))).as("%s of %s", dataset, month)
                        .isEqualTo(RoundedRows.of(month(again, month)));
            }
        }
    }

    @Test
    void forcedRerunIntoDeltaTablesCommitsNothing(@TempDir Path tmp) throws Exception {
        Path input = tmp.resolve("complaints.csv");
        Files.copy(Path.of("data-samples/cfpb/complaints.csv"), input);
        Path out = tmp.resolve("out");
        RunManifest first = run(out, input, TableFormat.DELTA);
        RunManifest forced = run(out, input, TableFormat.DELTA);
        assertThat(forced.tableVersions()).as("no commit to any table").isEqualTo(first.tableVersions());
        assertThat(unchangedMonths(forced, OutputLayout.COMPLAINTS)).isEqualTo(MONTHS);

        changeOneComplaint(input, OCTOBER);
        RunManifest changed = run(out, input, TableFormat.DELTA);
        assertThat(changed.tableVersions().get(OutputLayout.COMPLAINTS)).as("one commit of October's complaints")
                .isEqualTo(first.tableVersions().get(OutputLayout.COMPLAINTS) + 1);
        assertThat(unchangedMonths(changed, OutputLayout.COMPLAINTS)).isEqualTo(List.of(SEPTEMBER, "2025-11"));
    }

    /** A forced run: never stopped by the up-to-date check. */
    private RunManifest run(Path out, Path input, TableFormat format) {
        JobConfig config = new JobConfig(Stream.of("cfpb=" + input).map(InputSpec::parse).toList(),
                Storage.path(out.toString()), Set.of(), null, NlpSettings.defaults(), JobConfig.Stage.REPORT, true, null, format);
        return new RootCauseJob(spark, config, java.util.UUID.randomUUID().toString(), false).run();
    }

    @SuppressWarnings("unchecked")
    private static List<String> unchangedMonths(RunManifest manifest, String what) {
        Object entry = manifest.unchanged().get(what);
        return entry == null ? List.of() : (List<String>) ((Map<String, Object>) entry).get("months");
    }

    @SuppressWarnings("unchecked")
    private static String reason(RunManifest manifest, String what) {
        return (String) ((Map<String, Object>) manifest.unchanged().get(what)).get("reason");
    }

    /** Appends a sentence to the narrative of the month's first complaint: same rows, one changed text. */
    private static void changeOneComplaint(Path csv, String month) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build();
        List<String> header;
        List<List<String>> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(csv); CSVParser parser = CSVParser.parse(in, format)) {
            header = parser.getHeaderNames();
            boolean done = false;
            for (CSVRecord r : parser) {
                List<String> values = new ArrayList<>(r.toList());
                if (!done && r.get("Date received").startsWith(month)) {
                    int narrative = header.indexOf("Consumer complaint narrative");
                    values.set(narrative, values.get(narrative) + " Nobody ever called me back about the refund.");
                    done = true;
                }
                rows.add(values);
            }
            assertThat(done).as("a complaint of " + month).isTrue();
        }
        try (Writer w = Files.newBufferedWriter(csv);
             CSVPrinter printer = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).build())) {
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        }
    }

    /** Per dataset and month folder, the names of its files (random per write). */
    private static Map<String, List<String>> partFiles(Path out) throws IOException {
        Map<String, List<String>> files = new TreeMap<>();
        for (String dataset : OutputLayout.MONTH_DATASETS) {
            for (String month : MONTHS) {
                Path dir = out.resolve(dataset).resolve(OutputLayout.MONTH_PARTITION_PREFIX + month);
                try (Stream<Path> list = Files.list(dir)) {
                    files.put(dataset + "/" + month, list.map(p -> p.getFileName().toString()).sorted().toList());
                }
            }
        }
        return files;
    }

    private static Map<String, FileTime> reportTimes(Path out) throws IOException {
        Map<String, FileTime> times = new TreeMap<>();
        for (String month : MONTHS) {
            times.put(month, Files.getLastModifiedTime(out.resolve(OutputLayout.REPORTS).resolve(month).resolve(ReportWriter.PDF)));
        }
        return times;
    }

    /** What each month's report shows: its files but the PDF, the page's generation time blanked. */
    private static Map<String, String> reportContents(Path out) throws IOException {
        Map<String, String> contents = new TreeMap<>();
        for (String month : MONTHS) {
            StringBuilder all = new StringBuilder();
            for (String file : ReportWriter.FILES) {
                if (!file.equals(ReportWriter.PDF)) {
                    all.append(Files.readString(out.resolve(OutputLayout.REPORTS).resolve(month).resolve(file))
                            .replaceAll("generated [0-9-]+ [0-9:]+ UTC", "generated TIME"));
                }
            }
            contents.put(month, all.toString().replace(out.toString(), "OUT"));
        }
        return contents;
    }

    private static void copy(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private Dataset<Row> parquet(Path out, String dataset) {
        return spark.read().parquet(out.resolve(dataset).toString());
    }
}
