package rootcause.console;

import java.util.Locale;

/**
 * One progress line of a long stage: done out of total, rate and time left. Pure; used on the driver.
 *
 * @param stage          stage name, e.g. {@code nlp}
 * @param unit           what is counted, e.g. {@code texts}
 * @param done           units finished so far
 * @param total          units to do
 * @param elapsedSeconds seconds since the stage started work
 */
public record ProgressLine(String stage, String unit, long done, long total, double elapsedSeconds) {

    /** Units per second so far; 0 before anything is done. */
    public double rate() {
        return elapsedSeconds <= 0 ? 0 : done / elapsedSeconds;
    }

    /** Seconds left at the current rate, or -1 when unknown (nothing done yet). */
    public long etaSeconds() {
        if (done >= total) return 0;
        double rate = rate();
        return rate <= 0 ? -1 : (long) Math.ceil((total - done) / rate);
    }

    /** e.g. {@code nlp: 1,200 / 5,000 texts (24.0 %), 12.5 texts/s, ETA 5m 04s}. */
    public String format() {
        double percent = total == 0 ? 100 : 100.0 * done / total;
        long eta = etaSeconds();
        String etaText = eta < 0 ? "unknown" : duration(eta);
        return String.format(Locale.ROOT, "%s: %,d / %,d %s (%.1f %%), %.1f %s/s, ETA %s",
                stage, done, total, unit, percent, rate(), unit, etaText);
    }

    /** {@link #format()} behind a bar, e.g. {@code [######--------------] nlp: 1,200 / 5,000 texts ...}, for a terminal. */
    public String withBar(int width) {
        int filled = total == 0 ? width : (int) Math.min(width, width * done / total);
        return "[" + "#".repeat(filled) + "-".repeat(width - filled) + "] " + format();
    }

    static String duration(long seconds) {
        return seconds < 60 ? seconds + "s" : StageLine.duration(seconds * 1000);
    }
}
