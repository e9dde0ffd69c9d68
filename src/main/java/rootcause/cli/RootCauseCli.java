package rootcause.cli;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code rootcause} command line: verbs for running the job and working with its outputs. */
@Command(name = "rootcause", mixinStandardHelpOptions = true, versionProvider = RootCauseCli.Version.class,
        description = "Mines customer complaints for the root causes of bad customer service, month by month.",
        footer = RootCauseCli.LAUNCHER_OPTIONS,
        subcommands = {RunCommand.class, ReclassifyCommand.class, ExplainCommand.class, ReportCommand.class, EvaluateCommand.class, EvaluateTaxonomyCommand.class, TrainCausesCommand.class, TrainSentimentCommand.class, CommandLine.HelpCommand.class})
public final class RootCauseCli {
    private static final Logger LOG = LogManager.getLogger(RootCauseCli.class);

    /** The options jobs/rootcause takes itself (before or after the verb), for the help of the verbs that run Spark. */
    static final String LAUNCHER_OPTIONS = "%nLauncher options (jobs/rootcause, before or after the verb):%n"
            + "      --master URL          Spark master (default: local[*])%n"
            + "      --deploy-mode M       client or cluster: where the driver runs (default: client)%n"
            + "      --driver-memory M     driver heap (default: 3g; the parser needs 2 GB)%n"
            + "      --executor-memory M   each cluster executor's heap (default: 2g)%n"
            + "      --conf K=V            any Spark setting, repeatable%n"
            + "      --jars A,B            more jars to ship with the job (e.g. S3A's: README, \"On S3\")";

    /*
     * Exit codes (docs/RUNNING.md): 0 success, 1 internal error (picocli's SOFTWARE), 2 usage or input error
     * (picocli's USAGE), and the two below.
     */
    /** The run completed but a data check failed: nothing accepted, or a limit the user set was crossed. */
    public static final int DATA_CHECK_FAILED = 3;
    /** Stopped by SIGTERM or SIGINT: 128 + 15, as a shell reports a process that SIGTERM ended. */
    public static final int INTERRUPTED = 143;

    public static void main(String[] args) {
        int code = execute(args);
        // In YARN's cluster deploy mode this main runs inside the application master, which reports success only when
        // main returns: any System.exit, 0 included, fails the application ("Shutdown hook called before final
        // status was reported"). The application master sets spark.yarn.app.id there, and only there.
        if (code == CommandLine.ExitCode.OK && System.getProperty("spark.yarn.app.id") != null) {
            return;
        }
        System.exit(code);
    }

    /** Runs a command line and returns its exit code; used by tests without exiting the JVM. */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        return new CommandLine(new RootCauseCli()).setExecutionExceptionHandler(RootCauseCli::onFailure);
    }

    /** One clear line for the user; the stack trace goes to the log. */
    private static int onFailure(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        if (rootcause.console.Console.silenced()) {
            // A signal stopped the run and its line is printed; this failure is Spark's context stopping under it.
            rootcause.console.RunLog.fileOnly().info("after the interruption: rootcause {} failed", cmd.getCommandName(), e);
            return INTERRUPTED;
        }
        java.util.Optional<String> io = osReason(e);
        if (io.isPresent()) {
            // A file system that refuses (read-only, full, no permission) is the user's to fix, not a bug: one line.
            cmd.getErr().println("rootcause " + cmd.getCommandName() + ": " + io.get());
            rootcause.console.RunLog.fileOnly().error("rootcause {} failed", cmd.getCommandName(), e);
            return CommandLine.ExitCode.USAGE;
        }
        boolean expected = e instanceof IllegalArgumentException || e instanceof rootcause.model.ConfigException;
        String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        cmd.getErr().println("rootcause " + cmd.getCommandName() + ": " + message);
        if (expected) {
            LOG.debug("rootcause {} failed", cmd.getCommandName(), e);
            return CommandLine.ExitCode.USAGE;
        }
        java.util.Optional<java.nio.file.Path> runLog = rootcause.console.RunLog.file();
        if (runLog.isPresent()) {
            cmd.getErr().println("(" + e.getClass().getSimpleName() + "; the stack trace is in " + runLog.get() + ")");
            rootcause.console.RunLog.fileOnly().error("rootcause {} failed", cmd.getCommandName(), e);
        } else {
            cmd.getErr().println("(" + e.getClass().getSimpleName() + "; the stack trace is in the log)");
            LOG.error("rootcause {} failed", cmd.getCommandName(), e);
        }
        return CommandLine.ExitCode.SOFTWARE;
    }

    /** What the operating system said, in the messages of I/O errors that carry no file of their own. */
    private static final java.util.regex.Pattern OS_REASON = java.util.regex.Pattern.compile(
            "Read-only file system|No space left on device|Disk quota exceeded|Permission denied|Operation not permitted");

    /**
     * {@code <what failed>: <path>: <the OS's reason>} when an I/O error the operating system refused lies under
     * {@code e}; empty for every other failure.
     */
    static java.util.Optional<String> osReason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.nio.file.FileSystemException f) {
                String reason = f.getReason() != null ? f.getReason()
                        : f instanceof java.nio.file.AccessDeniedException ? "Permission denied" : f.getClass().getSimpleName();
                return java.util.Optional.of(context(e, t) + f.getFile() + ": " + reason);
            }
            if (t instanceof java.io.IOException && t.getMessage() != null && OS_REASON.matcher(t.getMessage()).find()) {
                return java.util.Optional.of(context(e, t) + t.getMessage());
            }
        }
        return java.util.Optional.empty();
    }

    /** The outermost message above the I/O error ({@code cannot create OUT/_rootcause.lock: }), when there is one. */
    private static String context(Throwable outer, Throwable io) {
        return outer != io && outer.getMessage() != null && !outer.getMessage().contains(String.valueOf(io.getMessage()))
                ? outer.getMessage() + ": " : "";
    }

    /** The application's version from its jar manifest. */
    static String version() {
        String v = RootCauseCli.class.getPackage().getImplementationVersion();
        return v == null ? "(development build)" : v;
    }

    /** The version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"rootcause " + version()};
        }
    }
}
