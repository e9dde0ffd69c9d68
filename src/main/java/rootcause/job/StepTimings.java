package rootcause.job;

import rootcause.console.Console;
import rootcause.console.StageLine;

import java.util.Map;
import java.util.function.Supplier;

/** Wall time per step, summed into a manifest's {@code timings_ms}, and the console line of a stage from them. */
public final class StepTimings {
    /** The step the driver is in, for the one line a SIGTERM gets (a JVM runs one job at a time). */
    private static volatile String running = "start-up";

    private StepTimings() {}

    /** The step running now, or the last one begun. */
    public static String running() {
        return running;
    }

    static <T> T timed(Map<String, Long> timings, String step, Supplier<T> work) {
        long start = System.nanoTime();
        running = step;
        try {
            return work.get();
        } finally {
            timings.merge(step, (System.nanoTime() - start) / 1_000_000, Long::sum);
        }
    }

    static void timed(Map<String, Long> timings, String step, Runnable work) {
        timed(timings, step, () -> {
            work.run();
            return null;
        });
    }

    /** The console line of a stage, timed by the sum of its steps. */
    static void stageLine(Map<String, Long> timings, String stage, String detail, String... steps) {
        long millis = 0;
        for (String step : steps) {
            millis += timings.getOrDefault(step, 0L);
        }
        Console.line(new StageLine(stage, detail, millis).format());
    }
}
