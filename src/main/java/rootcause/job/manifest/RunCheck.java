package rootcause.job.manifest;

import com.fasterxml.jackson.annotation.JsonProperty;
import rootcause.model.RowCounts;

import java.util.ArrayList;
import java.util.List;

/**
 * A check on the run's own numbers (as deequ's constraints judge metrics, not data): an {@code error} fails the
 * run, a {@code warning} is reported.
 */
public record RunCheck(@JsonProperty("level") String level, @JsonProperty("check") String check,
                       @JsonProperty("passed") boolean passed, @JsonProperty("detail") String detail) {
    public static final String ERROR = "error";
    public static final String WARNING = "warning";
    /** The check on the share of rejected rows: a warning, never a failure (exit code 3 needs the user's limit). */
    public static final String REJECTED_SHARE = "rejected share at most 5%";

    /** The checks every run makes on its counts. */
    public static List<RunCheck> onCounts(List<FileCounts> files) {
        List<RunCheck> checks = new ArrayList<>();
        for (FileCounts f : files) {
            checks.add(new RunCheck(ERROR, RowCounts.RULE + " for " + f.file(), f.reconciles(), f.counts().equation()));
            if (f.physical() != null) {
                // What the parser returned against what the file's lines hold: a quote that ran on would show here.
                checks.add(new RunCheck(ERROR, "lines = header + record + blank lines for " + f.file(),
                        f.physical().reconciles(), f.physical().equation()));
                checks.add(new RunCheck(ERROR, "one row per record in the lines of " + f.file(),
                        f.physical().records() == f.rowsRead(),
                        f.physical().records() + " records in the lines, " + f.rowsRead() + " rows read"));
            }
            long monthly = f.acceptedByMonth().values().stream().mapToLong(Long::longValue).sum();
            checks.add(new RunCheck(ERROR, "accepted rows all have a month for " + f.file(),
                    monthly == f.rowsAccepted(), monthly + " of " + f.rowsAccepted()));
            if (f.rowsRead() > 0) {
                double rejectedShare = (double) f.rowsRejected() / f.rowsRead();
                checks.add(new RunCheck(WARNING, REJECTED_SHARE + " for " + f.file(), rejectedShare <= 0.05,
                        String.format(java.util.Locale.ROOT, "%.1f%% rejected (%,d of %,d rows: %s)", 100 * rejectedShare,
                                f.rowsRejected(), f.rowsRead(), reasons(f.rejectedByReason()))));
            }
        }
        return checks;
    }

    /** {@code malformed_record 1, missing_id 2}. */
    private static String reasons(java.util.Map<String, Long> byReason) {
        return byReason.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    public static List<RunCheck> failedErrors(List<RunCheck> checks) {
        return checks.stream().filter(c -> ERROR.equals(c.level()) && !c.passed()).toList();
    }
}
