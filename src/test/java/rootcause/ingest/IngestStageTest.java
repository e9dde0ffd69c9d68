package rootcause.ingest;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rootcause.SparkTestSession;
import rootcause.model.Columns;
import rootcause.model.DataContract;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IngestStageTest {
    @TempDir
    static Path dir;
    static Path survey;

    @BeforeAll
    static void writeExport() throws Exception {
        survey = dir.resolve("survey.csv");
        // BOM, CRLF, a multi-line quoted answer, doubled quotes, and one of each kind of bad row.
        String csv = "\uFEFFresponse_id,submitted_at,channel,score,comments\r\n"
                + "r1,2025-09-03 10:00,web,2,\"Waited on hold for two hours.\r\nThen the line went dead.\"\r\n"
                + "r2,2025-10-04 11:30,phone,1,\"The agent said \"\"not my department\"\" and hung up\"\r\n"
                + ",2025-10-05 09:00,web,3,No id on this one\r\n"
                + "r4,next tuesday,web,3,Bad date here\r\n"
                + "r5,2025-11-01 08:00,web,5,\r\n"
                + "r6,2025-11-02 08:00,web,4,too,many,fields\r\n"
                + "r7,2025-11-03 08:00,app,N/A," + "x".repeat(10_001) + "\r\n"
                + "r8,2025-11-04 08:00,app,4,Fine overall\r\n";
        Files.writeString(survey, csv, StandardCharsets.UTF_8);
    }

    private static Map<String, Row> byRecord(IngestResult r) {
        return r.rows().collectAsList().stream()
                .collect(Collectors.toMap(row -> String.valueOf(row.<Long>getAs(Columns.RECORD)), row -> row));
    }

    @Test
    void everyRecordIsAcceptedFilteredOrRejectedWithAReason() {
        IngestResult r = new IngestStage(SparkTestSession.get(), Set.of())
                .read(List.of(InputSpec.parse("survey=" + survey)));
        Map<String, Row> rows = byRecord(r);
        assertThat(rows).hasSize(8);
        assertThat(reason(rows, "1")).isNull();
        assertThat(rows.get("1").<String>getAs(Columns.TEXT)).contains("two hours.").contains("went dead.");
        assertThat(rows.get("1").<String>getAs(Columns.MONTH)).isEqualTo("2025-09");
        assertThat(rows.get("1").<String>getAs(Columns.COMPLAINT_ID)).isEqualTo("r1");
        assertThat(rows.get("2").<String>getAs(Columns.TEXT)).contains("\"not my department\"");
        assertThat(reason(rows, "3")).isEqualTo("missing_id");
        assertThat(reason(rows, "4")).isEqualTo("unparseable_date");
        assertThat(rows.get("4").<String>getAs(Columns.DETAIL)).contains("next tuesday").contains("yyyy-MM-dd");
        assertThat(reason(rows, "5")).isEqualTo("empty_text");
        assertThat(reason(rows, "6")).isEqualTo("malformed_record");
        assertThat(rows.get("6").<String>getAs(Columns.RAW_RECORD)).contains("too,many,fields");
        assertThat(reason(rows, "7")).isEqualTo("text_too_long");
        assertThat(rows.get("8").<Double>getAs(Columns.SCORE)).isEqualTo(4.0);
        assertThat(r.accepted().count()).isEqualTo(3);
        assertThat(r.notAccepted().count()).isEqualTo(5);
        assertThat(r.notAccepted().columns()).contains(Columns.SOURCE_FILE, Columns.RECORD, Columns.REASON, Columns.RAW_RECORD);
    }

    /** The data contract's ingested row is what the stage reads, not documentation: names and types, in order. */
    @Test
    void theStageReadsTheContractsIngestedRowAndHandsOnItsComplaintAndRejectColumns() {
        IngestResult r = new IngestStage(SparkTestSession.get(), Set.of())
                .read(List.of(InputSpec.parse("survey=" + survey)));
        assertThat(r.rows().schema().catalogString()).isEqualTo(DataContract.INGESTED.catalogString());
        assertThat(r.accepted().schema().catalogString()).isEqualTo(DataContract.COMPLAINT.catalogString());
        assertThat(r.notAccepted().schema().catalogString()).isEqualTo(DataContract.REJECT.catalogString());
    }

    @Test
    void rowsOutsideTheRequestedMonthsAreFilteredNotLost() {
        IngestResult r = new IngestStage(SparkTestSession.get(), Set.of("2025-10"))
                .read(List.of(InputSpec.parse("survey=" + survey)));
        Map<String, Row> rows = byRecord(r);
        assertThat(reason(rows, "1")).isEqualTo("month_not_selected");
        assertThat(rows.get("1").<String>getAs(Columns.DISPOSITION)).isEqualTo("filtered");
        assertThat(reason(rows, "2")).isNull();
        assertThat(rows).hasSize(8);
    }

    @Test
    void readsLatin1WhenTheProfileSaysSo() throws Exception {
        Path profile = dir.resolve("latin.yaml");
        Files.writeString(profile, """
                name: latin
                encoding: ISO-8859-1
                columns: {id: id, text: text, date: date}
                date_formats: [yyyy-MM-dd]
                """);
        Path file = dir.resolve("latin.csv");
        Files.write(file, "id,date,text\n1,2025-09-01,Caf\u00e9 staff were rude\n".getBytes(StandardCharsets.ISO_8859_1));
        IngestResult r = new IngestStage(SparkTestSession.get(), Set.of())
                .read(List.of(InputSpec.parse(profile + "=" + file)));
        assertThat(r.accepted().first().<String>getAs(Columns.TEXT)).isEqualTo("Caf\u00e9 staff were rude");
    }

    @Test
    void complaintsCarryTheScaleTheirProfileDeclaresForTheScore() throws Exception {
        Path profile = dir.resolve("nps.yaml");
        Files.writeString(profile, """
                name: nps
                columns: {id: id, text: text, date: date, score: recommend}
                date_formats: [yyyy-MM-dd]
                score_scale: nps
                """);
        Path file = dir.resolve("nps.csv");
        Files.writeString(file, "id,date,recommend,text\n1,2025-09-01,3,The agent was rude\n");
        Row answer = new IngestStage(SparkTestSession.get(), Set.of())
                .read(List.of(InputSpec.parse(profile + "=" + file))).accepted().first();
        assertThat(answer.<Double>getAs(Columns.SCORE)).isEqualTo(3.0);
        assertThat(answer.<String>getAs(Columns.SCORE_SCALE)).isEqualTo(Columns.NPS_SCALE);
        Row survey = new IngestStage(SparkTestSession.get(), Set.of())
                .read(List.of(InputSpec.parse("survey=" + IngestStageTest.survey))).accepted().first();
        assertThat(survey.<String>getAs(Columns.SCORE_SCALE)).as("the survey profile declares no scale").isNull();
    }

    @Test
    void aFileThatDoesNotFitItsProfileFailsNamingFileAndColumns() throws Exception {
        Path file = dir.resolve("wrong.csv");
        Files.writeString(file, "ticket,opened,body\n1,2025-09-01,hello\n");
        assertThatThrownBy(() -> new IngestStage(SparkTestSession.get(), Set.of())
                .read(List.of(InputSpec.parse("survey=" + file))))
                .hasMessageContaining("wrong.csv")
                .hasMessageContaining("'response_id'")
                .hasMessageContaining("'comments'")
                .hasMessageContaining("[ticket, opened, body]");
    }

    private static String reason(Map<String, Row> rows, String record) {
        return rows.get(record).getAs(Columns.REASON);
    }
}
