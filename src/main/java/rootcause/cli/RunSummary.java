package rootcause.cli;

import rootcause.report.ReportWriter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The closing lines of a run on the console: where its reports, manifest and log are. */
final class RunSummary {
    /** Months listed by name; a longer run names the first ones and counts the rest. */
    static final int MONTHS_LISTED = 3;

    private RunSummary() {}

    static List<String> lines(Path output, List<String> months, Optional<Path> log) {
        return lines(output, months, log, "manifest.json");
    }

    /** The closing lines of a verb whose manifest is the given file of the output folder. */
    static List<String> lines(Path output, List<String> months, Optional<Path> log, String manifest) {
        List<String> lines = new ArrayList<>();
        Path reports = output.toAbsolutePath().resolve("reports");
        List<String> reported = months.stream()
                .filter(m -> Files.isRegularFile(reports.resolve(m).resolve(ReportWriter.HTML))).toList();
        for (String month : reported.subList(0, Math.min(MONTHS_LISTED, reported.size()))) {
            Path dir = reports.resolve(month);
            lines.add("report " + month + ": " + dir.resolve(ReportWriter.HTML) + " and " + ReportWriter.PDF
                    + " (tables: " + ReportWriter.CAUSES_CSV + ", " + ReportWriter.QUOTES_CSV + ")");
        }
        if (reported.size() > MONTHS_LISTED) {
            lines.add("... and " + (reported.size() - MONTHS_LISTED) + " more months in " + reports);
        }
        if (reported.isEmpty()) {
            lines.add("no report written (see the manifest)");
        }
        lines.add("manifest: " + output.toAbsolutePath().resolve(manifest)
                + log.map(l -> "; log: " + l).orElse(""));
        return lines;
    }
}
