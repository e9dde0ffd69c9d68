package rootcause.ingest;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ComplaintDatesTest {

    @Test
    void readsTwitterTimestampsAsTheDateWritten() {
        ComplaintDates twcs = new ComplaintDates(SourceProfileLoader.load("twcs").dateFormats());
        assertThat(twcs.parse("Tue Oct 31 22:10:47 +0000 2017")).hasToString("2017-10-31");
        // late evening in -0800 stays on its own day, not shifted to UTC
        ComplaintDates airline = new ComplaintDates(SourceProfileLoader.load("airline").dateFormats());
        assertThat(airline.parse("2015-02-24 23:35:52 -0800")).hasToString("2015-02-24");
    }

    @Test
    void triesFormatsInOrder() {
        ComplaintDates dates = new ComplaintDates(List.of("yyyy-MM-dd", "MM/dd/yy"));
        assertThat(dates.parse(" 2023-03-22 ")).hasToString("2023-03-22");
        assertThat(dates.parse("03/22/23")).hasToString("2023-03-22");
    }

    @Test
    void givesNullForWhatNoFormatReads() {
        ComplaintDates dates = new ComplaintDates(List.of("yyyy-MM-dd"));
        assertThat(dates.parse("yesterday")).isNull();
        assertThat(dates.parse("2023-02-30")).isNull();
        assertThat(dates.parse("")).isNull();
        assertThat(dates.parse(null)).isNull();
    }

    @Test
    void surveyReadsMinutesAndPlainDates() {
        ComplaintDates survey = new ComplaintDates(SourceProfileLoader.load("survey").dateFormats());
        assertThat(survey.parse("2025-10-03 14:22")).hasToString("2025-10-03");
        assertThat(survey.parse("2025-10-03")).hasToString("2025-10-03");
    }
}
