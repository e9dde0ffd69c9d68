package rootcause.nlp;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.util.LongAccumulator;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Logs the nlp stage's progress on the driver every few seconds, from a daemon thread polling the
 * accumulator executors add to. The accumulator moves when tasks finish, which is why the stage cuts
 * its texts into many small partitions.
 */
final class NlpProgress implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(NlpProgress.class);

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
        timer.scheduleAtFixedRate(() -> LOG.info(line().format()), intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
    }

    ProgressLine line() {
        return new ProgressLine("nlp", "texts", done.value(), total, (System.nanoTime() - startNanos) / 1e9);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        LOG.info(line().format());
    }
}
