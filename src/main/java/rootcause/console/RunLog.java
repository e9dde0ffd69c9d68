package rootcause.console;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.FileAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;
import rootcause.io.OutputLayout;
import rootcause.io.Storage;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The log of one run, in {@code OUT/logs/} (a local file: with OUT on a remote file system, in
 * {@code <java.io.tmpdir>/rootcause-logs/} instead, named on the console): everything at INFO, Spark's included,
 * with stack traces. The console then keeps the job's warnings and everyone's errors (and {@link Console}'s lines);
 * {@code --verbose} also shows every INFO line on the console, as a plain Spark job would.
 *
 * <p>Works on the log4j 2 configuration the JVM started with (Spark's logging); under any other logging backend the
 * run log is skipped and the console stays as configured.
 */
public final class RunLog {
    private static final String APPENDER = "rootcause-run-log";
    /** The launcher's log4j2 file names its console appender so. */
    private static final String CONSOLE_APPENDER = "console";
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private static Path current;

    private RunLog() {}

    /** The local folder for the run logs of an output folder. */
    public static Path folder(org.apache.hadoop.fs.Path output) {
        // log4j writes local files only; a remote OUT gets its logs in the local temp folder.
        return Storage.isLocal(output) ? Storage.localFile(output).resolve(OutputLayout.LOGS)
                : Path.of(System.getProperty("java.io.tmpdir"), "rootcause-logs");
    }

    /** Starts the run log in {@link #folder}; returns its file, or empty under another logging backend. */
    public static synchronized Optional<Path> start(org.apache.hadoop.fs.Path output, boolean verbose) {
        if (!(LogManager.getContext(false) instanceof LoggerContext context)) {
            return Optional.empty();
        }
        Path file = folder(output).resolve("run-" + FILE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)) + ".log");
        Configuration config = context.getConfiguration();
        FileAppender appender = FileAppender.newBuilder()
                .setName(APPENDER)
                .withFileName(file.toString())
                .withCreateOnDemand(false)
                .setLayout(PatternLayout.newBuilder().withConfiguration(config)
                        .withPattern("%d{ISO8601}{UTC}Z %p [%t] %c: %m%n").build())
                .setConfiguration(config)
                .build();
        appender.start();
        config.addAppender(appender);
        Appender console = config.getAppender(CONSOLE_APPENDER);
        for (LoggerConfig logger : config.getLoggers().values()) {
            // Additive loggers reach the file through the root logger.
            if (logger.equals(config.getRootLogger()) || !logger.isAdditive()) {
                logger.addAppender(appender, Level.INFO, null);
            }
            if (console != null && logger.getAppenders().containsKey(CONSOLE_APPENDER)) {
                // Quiet: the job's own warnings, and errors; Spark's and the libraries' WARN lines (the UI port, task
                // sizes) go to the run log. Verbose: every INFO line, Spark's included.
                boolean ours = logger.getName().startsWith("rootcause");
                logger.removeAppender(CONSOLE_APPENDER);
                logger.addAppender(console, verbose ? Level.INFO : ours ? Level.WARN : Level.ERROR, null);
            }
        }
        LoggerConfig root = config.getRootLogger();
        if (!root.getLevel().isLessSpecificThan(Level.INFO)) {
            root.setLevel(Level.INFO);
        }
        context.updateLoggers();
        current = file;
        return Optional.of(file);
    }

    /**
     * Takes the console appender off every logger: after a SIGTERM, Spark's errors about its stopped context are
     * noise, and go to the run log only.
     */
    public static synchronized void consoleOff() {
        if (!(LogManager.getContext(false) instanceof LoggerContext context)) {
            return;
        }
        Configuration config = context.getConfiguration();
        for (LoggerConfig logger : config.getLoggers().values()) {
            logger.removeAppender(CONSOLE_APPENDER);
        }
        config.getRootLogger().removeAppender(CONSOLE_APPENDER);
        context.updateLoggers();
    }

    /** The run log of this JVM's run, if one was started. */
    public static synchronized Optional<Path> file() {
        return Optional.ofNullable(current);
    }

    /** A logger whose events go to the run log only (once started): for stack traces the console must not show. */
    public static Logger fileOnly() {
        return LogManager.getLogger(Console.LOGGER);
    }
}
