package rootcause.cli;

import org.apache.hadoop.fs.Path;
import rootcause.io.OutputLayout;
import rootcause.io.Storage;
import rootcause.report.ReportWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The closing lines of a run on the console: where its reports, manifest and log are. */
final class RunSummary {
    /** Months listed by name; a longer run names the first ones and counts the rest. */
    static final int MONTHS_LISTED = 3;

    private RunSummary() {}

    static List<String> lines(Storage storage, Path output, List<String> months, Optional<java.nio.file.Path> log) {
        return lines(storage, output, months, log, OutputLayout.MANIFEST);
    }

    /** The closing lines of a verb whose manifest is the given file of the output folder. */
    static List<String> lines(Storage storage, Path output, List<String> months, Optional<java.nio.file.Path> log,
                              String manifest) {
        List<String> lines = new ArrayList<>();
        Path reports = new OutputLayout(output).reports();
        List<String> reported = months.stream()
                .filter(m -> storage.isFile(Storage.child(reports, m, ReportWriter.HTML))).toList();
        for (String month : reported.subList(0, Math.min(MONTHS_LISTED, reported.size()))) {
            lines.add("report " + month + ": " + Storage.display(Storage.child(reports, month, ReportWriter.HTML))
                    + " and " + ReportWriter.PDF
                    + " (tables: " + ReportWriter.CAUSES_CSV + ", " + ReportWriter.QUOTES_CSV + ")");
        }
        if (reported.size() > MONTHS_LISTED) {
            int more = reported.size() - MONTHS_LISTED;
            lines.add("... and " + more + " more month" + (more == 1 ? "" : "s") + " in " + Storage.display(reports));
        }
        if (reported.isEmpty()) {
            lines.add("no report written (see the manifest)");
        }
        lines.add("manifest: " + Storage.display(Storage.child(output, manifest))
                + log.map(l -> "; log: " + l).orElse(""));
        return lines;
    }
}
