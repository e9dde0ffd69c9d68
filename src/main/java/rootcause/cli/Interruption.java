package rootcause.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import rootcause.console.Console;
import rootcause.console.RunLog;
import rootcause.io.Storage;
import rootcause.job.lock.RunLock;
import rootcause.job.StepTimings;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * SIGTERM or SIGINT (a scheduler's timeout, Ctrl-C) while a verb rewrites an output folder: a JVM shutdown hook prints
 * one line saying where the run stopped and what the folder holds, writes a manifest that says {@code interrupted},
 * and releases the folder's lock. Spark's own hook stops its context at the same time; the errors that follow in
 * the driver go to the run log only.
 */
final class Interruption {
    /** Steps before which the run has written nothing but its caches. */
    private static final Set<String> BEFORE_WRITING = Set.of("start-up", "ingest", "clean", "count", "nlp", "classify");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Interruption() {}

    /** The hook for one verb's work; {@code lock} gives the folder's lock once it is held (null before). */
    static Thread hook(String verb, org.apache.hadoop.fs.Path out, String manifestFile, String runId,
                       Supplier<RunLock> lock, Supplier<Storage> storage) {
        String startedAt = Instant.now().toString();
        return new Thread(() -> {
            String step = StepTimings.running();
            RunLog.consoleOff();
            Console.last("rootcause " + verb + ": " + line(step, Storage.display(out)));
            try {
                Map<String, Object> manifest = new LinkedHashMap<>();
                manifest.put("run_id", runId);
                manifest.put("status", "interrupted");
                manifest.put("interrupted_during", step);
                manifest.put("started_at", startedAt);
                manifest.put("interrupted_at", Instant.now().toString());
                byte[] json = JSON.writeValueAsBytes(manifest);
                org.apache.hadoop.fs.Path file = Storage.child(out, manifestFile);
                if (Storage.isLocal(file)) {
                    // Plain java.nio: Hadoop's own shutdown hook may be closing its file systems right now.
                    java.nio.file.Path local = Storage.localFile(file);
                    java.nio.file.Path tmp = local.resolveSibling(local.getFileName() + ".tmp");
                    java.nio.file.Files.write(tmp, json);
                    java.nio.file.Files.move(tmp, local, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                } else if (storage.get() != null) {
                    storage.get().replace(file, json);
                }
            } catch (Exception | LinkageError e) {
                RunLog.fileOnly().warn("could not write the interrupted run's manifest", e);
            }
            RunLock held = lock.get();
            if (held != null) {
                held.close();
            }
        }, "rootcause-interrupted");
    }

    /** {@code interrupted during <step>; OUT keeps …; re-run to finish}. */
    static String line(String step, String out) {
        String keeps = BEFORE_WRITING.contains(step)
                ? out + " keeps every month as earlier runs left it (this run had not begun to write them)"
                // Months are swapped in by rename (MonthFolders) or committed (Delta, Iceberg tables): each reads whole, old or new.
                : out + " keeps each month whole, as earlier runs left it or as this run wrote it";
        return "interrupted during " + step + "; " + keeps + "; re-run to finish";
    }
}
