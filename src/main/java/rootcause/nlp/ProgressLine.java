package rootcause.nlp;

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

    static String duration(long seconds) {
        long h = seconds / 3600, m = (seconds % 3600) / 60, s = seconds % 60;
        if (h > 0) return String.format(Locale.ROOT, "%dh %02dm %02ds", h, m, s);
        if (m > 0) return String.format(Locale.ROOT, "%dm %02ds", m, s);
        return s + "s";
    }
}
