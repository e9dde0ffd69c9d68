package rootcause.job.lock;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Who holds an output folder's {@link RunLock}: the run's id, when it started, and the host and process it runs in.
 * Pure: the lock file's text and the staleness rule.
 */
public record LockHolder(@JsonProperty("run_id") String runId, @JsonProperty("started_at") String startedAt,
                         @JsonProperty("host") String host, @JsonProperty("pid") long pid) {
    /**
     * A process that started this long after the lock was written cannot be the one that wrote it: its pid was
     * reused. The margin absorbs the rounding of a process's start time (clock ticks, boot time).
     */
    static final Duration PID_REUSE_MARGIN = Duration.ofMinutes(1);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The lock file's text. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses a lock file's text; fails with IllegalArgumentException when it is not one (say, cut short). */
    public static LockHolder parse(String json) {
        LockHolder h;
        try {
            h = JSON.readValue(json, LockHolder.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a lock file: " + e.getOriginalMessage(), e);
        }
        if (h.runId == null || h.startedAt == null || h.host == null || h.pid <= 0) {
            throw new IllegalArgumentException("not a lock file: run_id, started_at, host and pid are required");
        }
        try {
            Instant.parse(h.startedAt);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a lock file: started_at '" + h.startedAt + "' is not a time", e);
        }
        return h;
    }

    /**
     * True when the holder is known to be gone: it ran on this host, and its pid is free or belongs to a process that
     * started after the lock was written. A lock from another host is never stale here: this host cannot see its
     * processes.
     *
     * @param processStartedAt when the process now holding the holder's pid on this host started; empty if none does
     */
    public boolean isStale(String thisHost, Optional<Instant> processStartedAt) {
        if (!host.equals(thisHost)) {
            return false;
        }
        return processStartedAt.isEmpty()
                || processStartedAt.get().isAfter(Instant.parse(startedAt).plus(PID_REUSE_MARGIN));
    }

    /** e.g. {@code run 3f2a… (started 2026-12-03T12:00:00Z on host vm, pid 4242)}. */
    public String describe() {
        return "run " + runId + " (started " + startedAt + " on host " + host + ", pid " + pid + ")";
    }
}
