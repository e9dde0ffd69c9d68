package rootcause.report;

import org.apache.hadoop.fs.Path;
import rootcause.io.OutputLayout;
import rootcause.io.Storage;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Writes one month's report files into {@code OUT/reports/YYYY-MM/} on the driver: {@code root-causes.csv},
 * {@code quotes.csv}, {@code segments.csv}, {@code report.html}, {@code report.pdf} and {@code alerts.json}, on any
 * Hadoop file system. Re-writing a month replaces its files.
 */
public final class ReportWriter {

    public static final String CAUSES_CSV = "root-causes.csv";
    public static final String QUOTES_CSV = "quotes.csv";
    public static final String HTML = "report.html";
    public static final String PDF = "report.pdf";
    public static final String ALERTS = "alerts.json";
    public static final String SEGMENTS_CSV = "segments.csv";

    private final LeadershipReport leadershipReport;
    private final Storage storage;
    private final String taxonomyFile;

    public ReportWriter(LeadershipReport leadershipReport, Storage storage) {
        this(leadershipReport, storage, null);
    }

    /** @param taxonomyFile the taxonomy file that classified the months written; null for the built-in taxonomy */
    public ReportWriter(LeadershipReport leadershipReport, Storage storage, String taxonomyFile) {
        this.leadershipReport = leadershipReport;
        this.storage = storage;
        this.taxonomyFile = taxonomyFile;
    }

    /** The rule changes, emerging causes and segment differences are called by. */
    public rootcause.metric.EmergingRule emergingRule() {
        return leadershipReport.emergingRule();
    }

    /** The directory of a month's report files under the output root. */
    public static Path monthDirectory(Path outputRoot, String month) {
        return new OutputLayout(outputRoot).report(month);
    }

    /** One file's content, written to a stream the writer closes. */
    private interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes the six files of the month and returns their paths. */
    public List<Path> write(MonthReport report, Path outputRoot, ZonedDateTime generatedAt) throws IOException {
        Path dir = monthDirectory(outputRoot, report.month());
        String page = leadershipReport.html(report, generatedAt, Storage.display(outputRoot), taxonomyFile);
        Path causes = write(dir, CAUSES_CSV, out -> RootCauseCsv.writeCauses(report, out));
        Path quotes = write(dir, QUOTES_CSV, out -> RootCauseCsv.writeQuotes(report, out));
        Path segments = write(dir, SEGMENTS_CSV, out -> RootCauseCsv.writeSegments(report, out));
        Path html = write(dir, HTML, out -> out.write(page.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        Path pdf = write(dir, PDF, out -> LeadershipReport.writePdf(page, out));
        Path alerts = write(dir, ALERTS, out -> Alerts.write(report, leadershipReport.emergingRule(), out));
        return List.of(causes, quotes, segments, html, pdf, alerts);
    }

    private Path write(Path dir, String name, Content content) throws IOException {
        Path file = Storage.child(dir, name);
        try (OutputStream out = storage.create(file)) {
            content.writeTo(out);
        }
        return file;
    }
}
