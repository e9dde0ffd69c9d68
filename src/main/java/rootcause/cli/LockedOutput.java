package rootcause.cli;

import org.apache.spark.sql.SparkSession;
import rootcause.console.Console;
import rootcause.console.RunLog;
import rootcause.io.Storage;
import rootcause.job.lock.RunLock;
import rootcause.job.tables.TableFormat;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How a verb that rewrites an output folder (run, reclassify) starts: it takes the folder's lock, starts the run log
 * and Spark, and prints its header line; the lock is released however the work ends.
 */
final class LockedOutput {
    private LockedOutput() {}

    /** The verb's work, once it holds the folder; {@code lock} says whether it was taken over from a dead run. */
    interface Work {
        int run(SparkSession spark, Optional<Path> log, RunLock lock);
    }

    /**
     * @param manifestFile the manifest the verb writes under {@code out}; on SIGTERM it says {@code interrupted}
     * @param tableFormat  the output's table format: the session starts with the settings it needs
     */
    static int run(String verb, org.apache.hadoop.fs.Path out, String manifestFile, String runId, boolean verbose,
                   TableFormat tableFormat, Work work) {
        AtomicReference<RunLock> held = new AtomicReference<>();
        AtomicReference<Storage> storage = new AtomicReference<>();
        Thread onSignal = Interruption.hook(verb, out, manifestFile, runId, held::get, storage::get);
        // A local output is locked before anything touches it, even the run log. A remote one (its run log is local)
        // is locked once Spark is up, since Spark's Hadoop configuration holds the store's credentials.
        try (RunLock localLock = Storage.isLocal(out) ? RunLock.forRun(Storage.local(), out, runId) : null) {
            held.set(localLock);
            Runtime.getRuntime().addShutdownHook(onSignal);
            Optional<Path> log = RunLog.start(out, verbose);
            SparkSession spark = SparkSessions.forJob("rootcause " + verb, tableFormat);
            storage.set(Storage.of(spark));
            Console.line(String.format("rootcause %s %s on %s (application %s), log %s%s", verb,
                    RootCauseCli.version(), spark.sparkContext().master(), spark.sparkContext().applicationId(),
                    log.map(Path::toString).orElse("not written (no log4j 2 backend)"),
                    log.isPresent() && !Storage.isLocal(out) ? " (on this machine: the output folder is remote)" : ""));
            try (RunLock remoteLock = localLock == null ? RunLock.forRun(Storage.of(spark), out, runId) : null) {
                if (remoteLock != null) {
                    held.set(remoteLock);
                }
                return work.run(spark, log, localLock != null ? localLock : remoteLock);
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onSignal);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running or has run: it speaks for this run.
            }
        }
    }
}
