package rootcause.console;

import org.apache.spark.util.LongAccumulator;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Shows a long stage's progress on the driver (the nlp stage's texts, the cause model's sentences), from a daemon
 * thread polling the accumulator executors add to: a bar redrawn every second on a terminal, a plain line every few
 * seconds elsewhere. The accumulator moves when tasks finish, which is why those stages cut their work into many
 * small partitions.
 */
public final class StageProgress implements AutoCloseable {
    /** Seconds between plain progress lines when stderr is not a terminal. */
    public static final long DEFAULT_INTERVAL_SECONDS = 10;
    private static final int BAR_WIDTH = 24;

    private final ScheduledExecutorService timer;
    private final LongAccumulator done;
    private final long total;
    private final String stage;
    private final String unit;
    private final long startNanos = System.nanoTime();

    /**
     * @param stage what the line is about, e.g. {@code nlp}
     * @param unit  what {@code done} counts, e.g. {@code texts}
     */
    public StageProgress(String stage, String unit, LongAccumulator done, long total, long intervalSeconds) {
        this.stage = stage;
        this.unit = unit;
        this.done = done;
        this.total = total;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rootcause-" + stage + "-progress");
            t.setDaemon(true);
            return t;
        });
        long period = Console.isTerminal() ? 1 : intervalSeconds;
        timer.scheduleAtFixedRate(this::show, period, period, TimeUnit.SECONDS);
    }

    ProgressLine line() {
        return new ProgressLine(stage, unit, done.value(), total, (System.nanoTime() - startNanos) / 1e9);
    }

    private void show() {
        ProgressLine line = line();
        Console.progress(line.withBar(BAR_WIDTH), line.format());
    }

    @Override
    public void close() {
        timer.shutdownNow();
        Console.endProgress();
    }
}
