package rootcause.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Writes one month's report files into {@code OUT/reports/YYYY-MM/} on the driver: {@code root-causes.csv},
 * {@code quotes.csv}, {@code segments.csv}, {@code report.html}, {@code report.pdf} and {@code alerts.json}. Re-writing a month replaces its files.
 */
public final class ReportWriter {

    public static final String CAUSES_CSV = "root-causes.csv";
    public static final String QUOTES_CSV = "quotes.csv";
    public static final String HTML = "report.html";
    public static final String PDF = "report.pdf";
    public static final String ALERTS = "alerts.json";
    public static final String SEGMENTS_CSV = "segments.csv";

    private final LeadershipReport leadershipReport;
    private final String taxonomyFile;

    public ReportWriter(LeadershipReport leadershipReport) {
        this(leadershipReport, null);
    }

    /** @param taxonomyFile the taxonomy file that classified the months written; null for the built-in taxonomy */
    public ReportWriter(LeadershipReport leadershipReport, String taxonomyFile) {
        this.leadershipReport = leadershipReport;
        this.taxonomyFile = taxonomyFile;
    }

    /** The rule changes, emerging causes and segment differences are called by. */
    public rootcause.aggregate.EmergingRule emergingRule() {
        return leadershipReport.emergingRule();
    }

    /** The directory of a month's report files under the output root. */
    public static Path monthDirectory(Path outputRoot, String month) {
        return outputRoot.resolve("reports").resolve(month);
    }

    /** Writes the six files of the month and returns their paths. */
    public List<Path> write(MonthReport report, Path outputRoot, ZonedDateTime generatedAt) throws IOException {
        Path dir = Files.createDirectories(monthDirectory(outputRoot, report.month()));
        Path causes = dir.resolve(CAUSES_CSV);
        Path quotes = dir.resolve(QUOTES_CSV);
        Path html = dir.resolve(HTML);
        Path pdf = dir.resolve(PDF);
        Path alerts = dir.resolve(ALERTS);
        Path segments = dir.resolve(SEGMENTS_CSV);
        RootCauseCsv.writeCauses(report, causes);
        RootCauseCsv.writeQuotes(report, quotes);
        RootCauseCsv.writeSegments(report, segments);
        String page = leadershipReport.html(report, generatedAt, outputRoot, taxonomyFile);
        Files.writeString(html, page, StandardCharsets.UTF_8);
        LeadershipReport.writePdf(page, pdf);
        Alerts.write(report, leadershipReport.emergingRule(), alerts);
        return List.of(causes, quotes, segments, html, pdf, alerts);
    }
}
