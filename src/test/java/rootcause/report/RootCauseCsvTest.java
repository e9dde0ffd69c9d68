package rootcause.report;

import org.junit.jupiter.api.Test;
import rootcause.aggregate.SegmentComparison;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RootCauseCsvTest {
    private interface Writer {
        void write(MonthReport report, java.io.OutputStream out) throws java.io.IOException;
    }

    private static String written(Writer writer, MonthReport report) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(report, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The quotes.csv a month with hostile text writes: its header, and each cell in its column, made safe. */
    @Test
    void quotesCsvHasItsColumnsInTheirOrder() throws Exception {
        MonthReport jan = ReportFixtures.january();
        java.util.Map<String, List<Quote>> quotes = new java.util.HashMap<>(jan.quotes());
        quotes.put("long_wait", new java.util.ArrayList<>(quotes.get("long_wait")));
        quotes.get("long_wait").add(new Quote("2024-01", "long_wait", "c7", "Put on hold, again and again", -0.75, "pattern",
                "hold", Quote.MOST_NEGATIVE));
        MonthReport withMatches = new MonthReport(jan.month(), jan.causes(), jan.groups(), jan.history(), quotes, jan.counts());
        assertThat(written(RootCauseCsv::writeQuotes, withMatches)).isEqualTo("""
                month,cause_id,cause,rank,complaint_id,sentence_polarity,quote,matched_by,kind
                2024-01,long_wait,Long waits,1,c0,0.00,"'-1 stars, on hold forever",,most_negative
                2024-01,long_wait,Long waits,1,c9,-0.20,"Held 40 minutes, then cut off",,typical
                2024-01,long_wait,Long waits,2,c7,-0.75,"Put on [hold], again and again",pattern,most_negative
                """);
    }

    /** The segments.csv of a month with two tested segments: every field of a comparison row in its column. */
    @Test
    void segmentsCsvHasItsColumnsInTheirOrder() throws Exception {
        MonthReport feb = ReportFixtures.hostile();
        List<SegmentComparison.Row> segments = List.of(
                new SegmentComparison.Row("2024-02", "channel", "=phone", "rudeness", "Rudeness", 12, 40, 0.3, 18, 60, 0.3,
                        1.0, 0.5, 0.75, "z-test", false, null),
                new SegmentComparison.Row("2024-02", "channel", "email", "long_wait", "Long waits", 9, 20, 0.45, 11, 80,
                        0.1375, 3.2727, 0.00012, 0.0009, "fisher", true, "few complaints in the segment"));
        MonthReport withSegments = new MonthReport(feb.month(), feb.causes(), feb.groups(), feb.history(), feb.quotes(),
                feb.counts(), segments);
        assertThat(written(RootCauseCsv::writeSegments, withSegments)).isEqualTo("""
                month,dimension,segment,cause_id,cause,complaints,segment_complaints,share,rest_complaints,rest_total,\
                rest_share,ratio,p_value,q_value,test,over_represented,base_rate_warning
                2024-02,channel,'=phone,rudeness,Rudeness,12,40,0.3000,18,60,0.3000,1.00,0.5000,0.7500,z-test,false,
                2024-02,channel,email,long_wait,Long waits,9,20,0.4500,11,80,0.1375,3.27,0.0001,0.0009,fisher,true,\
                few complaints in the segment
                """);
    }
}
