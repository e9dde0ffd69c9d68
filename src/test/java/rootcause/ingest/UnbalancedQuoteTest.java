package rootcause.ingest;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import rootcause.SparkTestSession;
import rootcause.model.Columns;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A quoted field left open must cost its own record only: on every built-in profile, with the open quote in the
 * first, a middle and the last of five records, the damaged record is rejected as {@code unbalanced_quote} naming
 * the file and the line the quote opened on, and every other record reads as it would without the damage.
 */
class UnbalancedQuoteTest {
    @TempDir
    static Path dir;

    /** Profile, its sample export (the first five records are used), the damaged record. */
    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        Map<String, String> samples = Map.of("survey", "data-samples/survey/survey.csv", "cfpb", "data-samples/cfpb/complaints.csv",
                "twcs", "data-samples/twcs/twcs.csv", "airline", "data-samples/airline/tweets.csv");
        for (String profile : List.of("survey", "cfpb", "twcs", "airline")) {
            for (int damaged : new int[] {1, 3, 5}) {
                out.add(Arguments.of(profile, samples.get(profile), damaged));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}, open quote in record {2}")
    @MethodSource("cases")
    void theDamagedRecordIsRejectedAndTheRecordsAfterItRecovered(String profileName, String sample, int damaged) throws Exception {
        SourceProfile profile = SourceProfileLoader.load(profileName);
        List<String> header;
        List<List<String>> records = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(Path.of(sample), StandardCharsets.UTF_8);
             CSVParser p = CSVParser.parse(r, CSVFormat.RFC4180)) {
            List<CSVRecord> all = p.getRecords();
            header = all.get(0).toList().stream().map(h -> h.replace("\uFEFF", "")).toList();
            all.subList(1, 6).forEach(rec -> records.add(new ArrayList<>(rec.toList())));
        }
        int text = header.indexOf(profile.columns().text());
        int id = header.indexOf(profile.columns().id());
        // Record 4 spans two lines on purpose: a legitimate multi-line field must not look damaged.
        records.get(3).set(text, records.get(3).get(text) + "\nSecond line of the answer.");

        StringBuilder csv = new StringBuilder(String.join(",", header.stream().map(UnbalancedQuoteTest::quoted).toList())).append("\n");
        long line = 2;
        long quoteLine = 0;
        for (int i = 0; i < records.size(); i++) {
            List<String> cells = records.get(i).stream().map(UnbalancedQuoteTest::quoted).collect(Collectors.toList());
            if (i + 1 == damaged) {
                // The text's closing quote is lost, and no quote after it on the line closes it by accident.
                cells.set(text, cells.get(text).substring(0, cells.get(text).length() - 1));
                for (int c = text + 1; c < cells.size(); c++) {
                    cells.set(c, records.get(i).get(c).replaceAll("[\",\\n]", " "));
                }
                quoteLine = line;
            }
            String record = String.join(",", cells);
            csv.append(record).append("\n");
            line += 1 + record.chars().filter(ch -> ch == '\n').count();
        }
        Path file = dir.resolve(profileName + "-" + damaged + ".csv");
        Files.writeString(file, csv.toString());

        IngestResult result = new IngestStage(SparkTestSession.get(), Set.of()).read(List.of(InputSpec.parse(profileName + "=" + file)));
        Map<Long, Row> rows = result.rows().collectAsList().stream()
                .collect(Collectors.toMap(r -> r.<Long>getAs(Columns.RECORD), r -> r));

        assertThat(rows).as("one row per record").hasSize(5);
        Row bad = rows.get((long) damaged);
        assertThat(bad.<String>getAs(Columns.REASON)).isEqualTo(RejectReason.UNBALANCED_QUOTE.code());
        assertThat(bad.<String>getAs(Columns.DISPOSITION)).isEqualTo(IngestStage.REJECTED);
        assertThat(bad.<String>getAs(Columns.DETAIL)).contains("line " + quoteLine + " of ").contains(file.getFileName().toString());
        for (long record = 1; record <= 5; record++) {
            if (record == damaged) {
                continue;
            }
            Row row = rows.get(record);
            assertThat(row.<String>getAs(Columns.REASON)).as("record %d", record).isNotIn(
                    RejectReason.UNBALANCED_QUOTE.code(), RejectReason.MALFORMED_RECORD.code());
            assertThat(row.<String>getAs(Columns.COMPLAINT_ID)).as("record %d", record)
                    .isEqualTo(records.get((int) record - 1).get(id).strip());
        }
        CsvStructure.Lines lines = result.lines().get(file.toString());
        assertThat(lines.records()).isEqualTo(5);
        assertThat(lines.unbalancedQuotes()).isEqualTo(1);
        assertThat(lines.reconciles()).as(lines.equation()).isTrue();
        assertThat(lines.lines()).isEqualTo(line - 1);
    }

    private static String quoted(String cell) {
        return "\"" + cell.replace("\"", "\"\"") + "\"";
    }
}
