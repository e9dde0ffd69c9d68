package rootcause.report;

import org.apache.hadoop.fs.Path;
import rootcause.io.OutputLayout;
import rootcause.io.Storage;

import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.DigestUtils;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
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

    /** The month's report files, in the order they are written. */
    public static final List<String> FILES = List.of(CAUSES_CSV, QUOTES_CSV, SEGMENTS_CSV, HTML, PDF, ALERTS);
    /** The manifest's reason for a month whose report files were not rendered again. */
    public static final String UNCHANGED = "inputs identical to those the stored report files were rendered from "
            + "(same content fingerprint, same application build)";
    /** The generation time shown in the page the fingerprint is taken of: the page is the same whenever it is made. */
    private static final ZonedDateTime FINGERPRINT_TIME = ZonedDateTime.ofInstant(java.time.Instant.EPOCH, java.time.ZoneOffset.UTC);

    private final LeadershipReport leadershipReport;
    private final Storage storage;
    private final String taxonomyFile;
    /** The application build that renders (templates, charts, PDF); null: always render, store no fingerprints. */
    private final String build;

    public ReportWriter(LeadershipReport leadershipReport, Storage storage) {
        this(leadershipReport, storage, null);
    }

    /** @param taxonomyFile the taxonomy file that classified the months written; null for the built-in taxonomy */
    public ReportWriter(LeadershipReport leadershipReport, Storage storage, String taxonomyFile) {
        this(leadershipReport, storage, taxonomyFile, null);
    }

    /**
     * A writer that skips a month whose report files already show what they would show now: see {@link #write}.
     *
     * @param build identifies the application build that renders (e.g. the SHA-256 of its jar): another build may
     *              render the same inputs otherwise, so its reports are rendered again
     */
    public ReportWriter(LeadershipReport leadershipReport, Storage storage, String taxonomyFile, String build) {
        this.leadershipReport = leadershipReport;
        this.storage = storage;
        this.taxonomyFile = taxonomyFile;
        this.build = build;
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

    /**
     * Writes the six files of the month and returns their paths; returns an empty list, writing nothing, when this
     * writer has a build and the month's stored files were rendered by it from the same content: the same CSV, alerts
     * and page bytes (the page taken at a fixed generation time; the PDF is rendered from the page). Every write
     * deletes the month's stored fingerprint ({@link OutputLayout#reportFingerprint}) first and, with a build, stores
     * the new one after the last file, so a fingerprint never describes files it did not see written.
     */
    public List<Path> write(MonthReport report, Path outputRoot, ZonedDateTime generatedAt) throws IOException {
        Path dir = monthDirectory(outputRoot, report.month());
        Path stored = new OutputLayout(outputRoot).reportFingerprint(report.month());
        String output = Storage.display(outputRoot);
        byte[] causes = bytes(out -> RootCauseCsv.writeCauses(report, out));
        byte[] quotes = bytes(out -> RootCauseCsv.writeQuotes(report, out));
        byte[] segments = bytes(out -> RootCauseCsv.writeSegments(report, out));
        byte[] alerts = bytes(out -> Alerts.write(report, leadershipReport.emergingRule(), out));
        String fingerprint = null;
        if (build != null) {
            String timeless = leadershipReport.html(report, FINGERPRINT_TIME, output, taxonomyFile);
            fingerprint = fingerprint(causes, quotes, segments, alerts, timeless.getBytes(StandardCharsets.UTF_8));
            if (storage.isFile(stored) && fingerprint.equals(storage.readString(stored).trim())
                    && FILES.stream().allMatch(f -> storage.isFile(Storage.child(dir, f)))) {
                return List.of();
            }
        }
        storage.delete(stored);
        String page = leadershipReport.html(report, generatedAt, output, taxonomyFile);
        Path causesFile = write(dir, CAUSES_CSV, out -> out.write(causes));
        Path quotesFile = write(dir, QUOTES_CSV, out -> out.write(quotes));
        Path segmentsFile = write(dir, SEGMENTS_CSV, out -> out.write(segments));
        Path html = write(dir, HTML, out -> out.write(page.getBytes(StandardCharsets.UTF_8)));
        Path pdf = write(dir, PDF, out -> LeadershipReport.writePdf(page, out));
        Path alertsFile = write(dir, ALERTS, out -> out.write(alerts));
        if (fingerprint != null) {
            storage.replace(stored, (fingerprint + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return List.of(causesFile, quotesFile, segmentsFile, html, pdf, alertsFile);
    }

    private String fingerprint(byte[]... contents) {
        MessageDigest sha = DigestUtils.getSha256Digest();
        sha.update(build.getBytes(StandardCharsets.UTF_8));
        for (byte[] content : contents) {
            // Each content's length first, so no two different splits of the bytes give the same digest.
            sha.update(ByteBuffer.allocate(Long.BYTES).putLong(content.length).array());
            sha.update(content);
        }
        return Hex.encodeHexString(sha.digest());
    }

    private static byte[] bytes(Content content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        content.writeTo(out);
        return out.toByteArray();
    }

    private Path write(Path dir, String name, Content content) throws IOException {
        Path file = Storage.child(dir, name);
        try (OutputStream out = storage.create(file)) {
            content.writeTo(out);
        }
        return file;
    }
}
