package rootcause.report;

import org.junit.jupiter.api.Test;
import rootcause.aggregate.EmergingRule;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LeadershipReportTest {
    private final LeadershipReport report = new LeadershipReport(EmergingRule.DEFAULT);
    private final ZonedDateTime now = ZonedDateTime.parse("2024-03-01T09:00:00Z");

    @Test
    void escapesMarkupInComplaintTextAndCauseNames() throws Exception {
        String html = report.html(ReportFixtures.hostile(), now);
        assertThat(html).doesNotContain("<script").doesNotContain("<img src=x")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("&lt;/blockquote&gt;&lt;/body&gt;")
                .contains("rude &amp; slow");
        parse(html);
    }

    @Test
    void saysWhatChangedAndWhatIsEmerging() {
        String html = report.html(ReportFixtures.hostile(), now);
        assertThat(html).contains("February 2024").contains("Compared with January 2024").contains("+20.0 pts")
                .contains("likely real").contains("emerging causes this month").contains("15.0 %")
                .contains("120");
    }

    @Test
    void firstMonthWithoutManifestOrQuotesStillRenders() throws Exception {
        MonthReport only = new MonthReport("2024-01",
                List.of(ReportFixtures.cause("2024-01", "long_wait", "Long waits", 5, 10, -2, null, false)),
                List.of(), List.of(), Map.of(), RunCounts.UNKNOWN);
        String html = report.html(only, now);
        assertThat(html).contains("no data for the month before (December 2023)")
                .contains("Only one month of data").contains("manifest was not found").contains("No quote available");
        parse(html);
    }

    @Test
    void emptyMonthRenders() throws Exception {
        String html = report.html(new MonthReport("2024-05", List.of(), List.of(), List.of(), Map.of(),
                RunCounts.UNKNOWN), now);
        assertThat(html).contains("No complaints were analysed");
        parse(html);
    }

    private static void parse(String html) throws Exception {
        DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
        xml.setNamespaceAware(true);
        xml.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }
}
