package rootcause.job.lock;

import rootcause.console.Console;
import rootcause.io.OutputLayout;
import rootcause.io.Storage;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * One run per output folder at a time: {@code OUT/}{@value OutputLayout#LOCK} names the run that holds the folder (its id, start
 * time, host and pid). A second run fails at once, before it writes anything, naming the holder.
 *
 * <p>A lock left by a killed run is stale when it names this host and a process that is gone (or whose pid now
 * belongs to a younger process): the new run says so and takes the lock over, then rewrites the months it processes
 * (the killed run's partial output of other months stays as it was). A lock from another host cannot be checked
 * from here; the message says to delete the file once that run is known to be gone. The lock is released by
 * {@link #close}, in a {@code finally}; close deletes only this run's own lock.
 */
public final class RunLock implements AutoCloseable {

    private final LockFile file;
    private final LockHolder holder;
    private final LockHolder replaced;

    private RunLock(LockFile file, LockHolder holder, LockHolder replaced) {
        this.file = file;
        this.holder = holder;
        this.replaced = replaced;
    }

    /** Takes the lock of {@code output} for this process, saying on the console when it takes over a stale one. */
    public static RunLock forRun(Storage storage, org.apache.hadoop.fs.Path output, String runId) {
        org.apache.hadoop.fs.Path file = new OutputLayout(output).lock();
        RunLock lock = acquire(Storage.isLocal(file) ? LockFile.local(Storage.localFile(file)) : LockFile.of(storage, file),
                new LockHolder(runId, Instant.now().toString(), thisHost(), ProcessHandle.current().pid()),
                pid -> ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                        .map(p -> p.info().startInstant().orElse(Instant.MIN)));
        lock.replaced().ifPresent(old -> Console.warning("took over " + lock.file.location() + " from " + old.describe()
                + ": that process is gone (killed?), so its output may be partial; this run rewrites the months it processes"));
        return lock;
    }

    /**
     * @param processStart when the process with this pid on this host started; empty when there is none
     * @throws OutputInUseException when another live run holds the lock, or the lock cannot be read
     */
    static RunLock acquire(LockFile file, LockHolder me, LongFunction<Optional<Instant>> processStart) {
        LockHolder replaced = null;
        // Twice at most: a stale lock is deleted once, and a second create that fails means another run just took it.
        for (int attempt = 0; attempt < 2; attempt++) {
            if (file.createNew(me.toJson())) {
                return new RunLock(file, me, replaced);
            }
            Optional<String> text = file.read();
            if (text.isEmpty()) {
                continue;
            }
            LockHolder other;
            try {
                other = LockHolder.parse(text.get());
            } catch (IllegalArgumentException e) {
                throw new OutputInUseException("the output folder is locked by " + file.location() + ", which names no run ("
                        + e.getMessage() + "); if no run is writing there, delete that file and start again");
            }
            if (!other.isStale(me.host(), processStart.apply(other.pid()))) {
                throw new OutputInUseException("the output folder is in use by " + other.describe() + " (lock "
                        + file.location() + "); wait for it to end"
                        + (other.host().equals(me.host()) ? "" : ", or if that run is gone, delete the lock"));
            }
            if (file.read().equals(text)) {
                file.delete();
            }
            replaced = other;
        }
        throw new OutputInUseException("the output folder's lock " + file.location() + " was taken by another run just now: "
                + file.read().orElse("(released again)"));
    }

    public LockHolder holder() {
        return holder;
    }

    /** The stale holder this lock was taken over from, if any. */
    public Optional<LockHolder> replaced() {
        return Optional.ofNullable(replaced);
    }

    /** Deletes the lock file if it is still this run's. */
    @Override
    public void close() {
        if (file.read().map(holder.toJson()::equals).orElse(false)) {
            file.delete();
        }
    }

    static String thisHost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
