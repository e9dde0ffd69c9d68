package rootcause.nlp;

import org.apache.spark.util.LongAccumulator;
import rootcause.console.Console;
import rootcause.console.ProgressLine;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Shows the nlp stage's progress on the driver, from a daemon thread polling the accumulator executors add to: a
 * bar redrawn every second on a terminal, a plain line every few seconds elsewhere. The accumulator moves when tasks
 * finish, which is why the stage cuts its texts into many small partitions.
 */
final class NlpProgress implements AutoCloseable {
    private static final int BAR_WIDTH = 24;

    private final ScheduledExecutorService timer;
    private final LongAccumulator done;
    private final long total;
    private final long startNanos = System.nanoTime();

    NlpProgress(LongAccumulator done, long total, long intervalSeconds) {
        this.done = done;
        this.total = total;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rootcause-nlp-progress");
            t.setDaemon(true);
            return t;
        });
        long period = Console.isTerminal() ? 1 : intervalSeconds;
        timer.scheduleAtFixedRate(this::show, period, period, TimeUnit.SECONDS);
    }

    ProgressLine line() {
        return new ProgressLine("nlp", "texts", done.value(), total, (System.nanoTime() - startNanos) / 1e9);
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
