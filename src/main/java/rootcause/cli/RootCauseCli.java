package rootcause.cli;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code rootcause} command line: verbs for running the job and working with its outputs. */
@Command(name = "rootcause", mixinStandardHelpOptions = true, versionProvider = RootCauseCli.Version.class,
        description = "Mines customer complaints for the root causes of bad customer service, month by month.",
        subcommands = {RunCommand.class, ReclassifyCommand.class, ExplainCommand.class, ReportCommand.class, EvaluateCommand.class, EvaluateTaxonomyCommand.class, TrainCausesCommand.class, TrainSentimentCommand.class, CommandLine.HelpCommand.class})
public final class RootCauseCli {
    private static final Logger LOG = LogManager.getLogger(RootCauseCli.class);

    /*
     * Exit codes (docs/RUNNING.md): 0 success, 1 internal error (picocli's SOFTWARE), 2 usage or input error
     * (picocli's USAGE), and this one.
     */
    /** The run completed but a data check failed: nothing accepted, or a limit the user set was crossed. */
    public static final int DATA_CHECK_FAILED = 3;

    public static void main(String[] args) {
        System.exit(execute(args));
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
