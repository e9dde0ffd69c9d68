package rootcause.job.lock;

import rootcause.io.OutputLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.function.LongFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunLockTest {
    private static final Instant START = Instant.parse("2026-12-03T12:00:00Z");
    private static final LockHolder FIRST = new LockHolder("run-1", START.toString(), "hostA", 4242);
    private static final LockHolder SECOND = new LockHolder("run-2", START.plusSeconds(600).toString(), "hostA", 5151);
    /** Pid 4242 is alive and started just before its lock; no other pid is. */
    private static final LongFunction<Optional<Instant>> FIRST_ALIVE =
            pid -> pid == 4242 ? Optional.of(START.minusSeconds(3)) : Optional.empty();
    private static final LongFunction<Optional<Instant>> NONE_ALIVE = pid -> Optional.empty();

    @Test
    void aSecondRunFailsNamingTheFirstAndLeavesItsLock(@TempDir Path out) throws Exception {
        LockFile file = LockFile.local(out.resolve(OutputLayout.LOCK));
        try (RunLock first = RunLock.acquire(file, FIRST, FIRST_ALIVE)) {
            assertThat(first.replaced()).isEmpty();
            assertThat(LockHolder.parse(Files.readString(out.resolve(OutputLayout.LOCK)))).isEqualTo(FIRST);
            assertThatThrownBy(() -> RunLock.acquire(file, SECOND, FIRST_ALIVE))
                    .isInstanceOf(OutputInUseException.class)
                    .hasMessage("the output folder is in use by run run-1 (started 2026-12-03T12:00:00Z on host hostA, pid 4242)"
                            + " (lock " + out.resolve(OutputLayout.LOCK) + "); wait for it to end");
            assertThat(LockHolder.parse(Files.readString(out.resolve(OutputLayout.LOCK)))).isEqualTo(FIRST);
        }
        assertThat(out.resolve(OutputLayout.LOCK)).as("released on close").doesNotExist();
        try (RunLock second = RunLock.acquire(file, SECOND, FIRST_ALIVE)) {
            assertThat(second.holder()).isEqualTo(SECOND);
        }
    }

    @Test
    void aLockOfAGoneProcessOnThisHostIsTakenOver(@TempDir Path out) {
        LockFile file = LockFile.local(out.resolve(OutputLayout.LOCK));
        assertThat(file.createNew(FIRST.toJson())).isTrue();
        try (RunLock second = RunLock.acquire(file, SECOND, NONE_ALIVE)) {
            assertThat(second.replaced()).contains(FIRST);
            assertThat(LockHolder.parse(file.read().orElseThrow())).isEqualTo(SECOND);
        }
        assertThat(file.read()).isEmpty();
    }

    @Test
    void aReusedPidDoesNotKeepAStaleLockAlive() {
        assertThat(FIRST.isStale("hostA", Optional.of(START.plusSeconds(3600)))).as("a younger process has the pid").isTrue();
        assertThat(FIRST.isStale("hostA", Optional.of(START.minusSeconds(1)))).isFalse();
        assertThat(FIRST.isStale("hostA", Optional.empty())).isTrue();
        assertThat(FIRST.isStale("hostB", Optional.empty())).as("another host's processes are not visible").isFalse();
    }

    @Test
    void aLockFromAnotherHostIsNeverTakenOverAndTheMessageSaysWhatToDelete(@TempDir Path out) {
        LockFile file = LockFile.local(out.resolve(OutputLayout.LOCK));
        LockHolder elsewhere = new LockHolder("run-0", START.toString(), "hostB", 4242);
        file.createNew(elsewhere.toJson());
        assertThatThrownBy(() -> RunLock.acquire(file, SECOND, NONE_ALIVE))
                .isInstanceOf(OutputInUseException.class)
                .hasMessageContaining("in use by run run-0 (started 2026-12-03T12:00:00Z on host hostB, pid 4242)")
                .hasMessageEndingWith("(lock " + out.resolve(OutputLayout.LOCK) + "); wait for it to end, or if that run is gone, delete the lock");
        assertThat(file.read()).contains(elsewhere.toJson());
    }

    @Test
    void anUnreadableLockIsExplainedAndKept(@TempDir Path out) {
        LockFile file = LockFile.local(out.resolve(OutputLayout.LOCK));
        file.createNew("{\"run_id\": \"run-0\"");
        assertThatThrownBy(() -> RunLock.acquire(file, SECOND, NONE_ALIVE))
                .isInstanceOf(OutputInUseException.class)
                .hasMessageStartingWith("the output folder is locked by " + out.resolve(OutputLayout.LOCK) + ", which names no run")
                .hasMessageEndingWith("if no run is writing there, delete that file and start again");
        assertThat(file.read()).contains("{\"run_id\": \"run-0\"");
    }

    @Test
    void closeLeavesALockThatIsNoLongerItsOwn(@TempDir Path out) {
        LockFile file = LockFile.local(out.resolve(OutputLayout.LOCK));
        RunLock first = RunLock.acquire(file, FIRST, FIRST_ALIVE);
        file.delete();
        file.createNew(SECOND.toJson());
        first.close();
        assertThat(file.read()).contains(SECOND.toJson());
    }

    /** The Hadoop FileSystem version a remote output uses, here on the local file system through Hadoop. */
    @Test
    void aLockFileThroughTheHadoopFileSystemIsCreatedOnceReadAndDeleted(@TempDir Path out) {
        LockFile file = LockFile.of(rootcause.io.Storage.local(),
                rootcause.io.Storage.path(out.resolve("sub").resolve(OutputLayout.LOCK).toString()));
        assertThat(file.read()).isEmpty();
        assertThat(file.createNew("first")).isTrue();
        assertThat(file.createNew("second")).as("exists already").isFalse();
        assertThat(file.read()).contains("first");
        file.delete();
        assertThat(file.read()).isEmpty();
        assertThat(file.location()).endsWith("sub/" + OutputLayout.LOCK);
    }

    @Test
    void forRunHoldsThisProcessAndAFinishedProcessLeavesAStaleLock(@TempDir Path out) throws Exception {
        try (RunLock lock = RunLock.forRun(rootcause.io.Storage.local(), rootcause.io.Storage.path(out.toString()), "this-run")) {
            assertThat(lock.holder().pid()).isEqualTo(ProcessHandle.current().pid());
            assertThatThrownBy(() -> RunLock.forRun(rootcause.io.Storage.local(), rootcause.io.Storage.path(out.toString()), "another-run")).isInstanceOf(OutputInUseException.class)
                    .hasMessageContaining("run this-run");
        }
        // A real process that has ended: its lock is stale on this host.
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        String host = RunLock.thisHost();
        LockFile.local(out.resolve(OutputLayout.LOCK)).createNew(
                new LockHolder("killed-run", Instant.now().toString(), host, gone.pid()).toJson());
        try (RunLock lock = RunLock.forRun(rootcause.io.Storage.local(), rootcause.io.Storage.path(out.toString()), "next-run")) {
            assertThat(lock.replaced()).map(LockHolder::runId).contains("killed-run");
        }
    }
}
