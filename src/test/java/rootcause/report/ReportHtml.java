package rootcause.report;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A leadership report as a reader sees it: its visible text, parsed with jsoup, so a number in an attribute (a
 * chart's base64 data URI) never satisfies an assertion about the page.
 */
public final class ReportHtml {
    private final Document page;

    private ReportHtml(Document page) {
        this.page = page;
    }

    public static ReportHtml of(String html) {
        return new ReportHtml(Jsoup.parse(html));
    }

    public static ReportHtml read(Path file) throws IOException {
        return of(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Everything the page shows, white space collapsed. */
    public String text() {
        return page.body().text();
    }

    /** The header cells and the one row of the "About this run" counts table; empty when the page has none. */
    public List<String> runCountsHeader() {
        Element table = runCountsTable();
        return table == null ? List.of() : table.select("tr").get(0).select("th").eachText();
    }

    public List<String> runCounts() {
        Element table = runCountsTable();
        return table == null ? List.of() : table.select("tr").get(1).select("td").eachText();
    }

    /** The sentence that reconciles the run's counts, or null when the page has none. */
    public String reconciliation() {
        Element p = page.selectFirst("p.reconciliation");
        return p == null ? null : p.text();
    }

    private Element runCountsTable() {
        return page.selectFirst("h2:containsOwn(About this run) ~ table");
    }
}
