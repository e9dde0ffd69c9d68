package rootcause.console;

import java.util.Locale;

/**
 * The console line a stage prints when it is done, e.g. {@code nlp       124 distinct texts analysed, 1.4 texts/s  (1m 27s)}.
 * Pure.
 *
 * @param stage  the stage, as the manifest's timings name it
 * @param detail what the stage did, with its counts
 * @param millis wall time of the stage
 */
public record StageLine(String stage, String detail, long millis) {
    private static final int STAGE_WIDTH = 16;

    public String format() {
        return String.format(Locale.ROOT, "%-" + STAGE_WIDTH + "s %s  (%s)", stage, detail, duration(millis));
    }

    /** e.g. {@code 850 ms}, {@code 4.2 s}, {@code 1m 27s}, {@code 1h 02m 05s}. */
    public static String duration(long millis) {
        if (millis < 1_000) return millis + " ms";
        if (millis < 60_000) return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        long seconds = Math.round(millis / 1000.0);
        long h = seconds / 3600, m = (seconds % 3600) / 60, s = seconds % 60;
        if (h > 0) return String.format(Locale.ROOT, "%dh %02dm %02ds", h, m, s);
        return String.format(Locale.ROOT, "%dm %02ds", m, s);
    }
}
