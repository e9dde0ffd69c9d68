package rootcause.console;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * What a run tells the person who started it: a line per stage, a progress line during NLP, real warnings. Goes to
 * stderr (stdout carries the one result line scripts read) and, once {@link RunLog} is started, into the run log.
 * On a terminal the progress line updates in place; elsewhere (a file, CI, a notebook) it is printed as plain lines.
 */
public final class Console {
    /** Lines of the console, for the run log only; declared without appenders in the launcher's log4j2 file. */
    static final String LOGGER = "rootcause.runlog";
    private static final Logger LOG = LogManager.getLogger(LOGGER);
    /** Set by the launcher from {@code [[ -t 2 ]]}: whether stderr, where the console writes, is a terminal. */
    static final String STDERR_TERMINAL_PROPERTY = "rootcause.stderr.terminal";
    private static final boolean TERMINAL = stderrIsTerminal(System.getProperty(STDERR_TERMINAL_PROPERTY),
            System.console() != null, System.getenv("TERM"));

    private static int openProgressWidth;
    /** Set once the JVM is shutting down on a signal: its one line has been printed, nothing follows it. */
    private static volatile boolean silenced;

    private Console() {}

    /** True when stderr is a terminal, so a progress line can be redrawn with a carriage return. */
    public static boolean isTerminal() {
        return TERMINAL;
    }

    /**
     * The launcher's answer when it gave one; otherwise Java 17's test, which looks at stdin and stdout, not stderr.
     * Never on a dumb terminal.
     */
    static boolean stderrIsTerminal(String launcherSays, boolean consoleAttached, String term) {
        if ("dumb".equals(term)) {
            return false;
        }
        return launcherSays == null ? consoleAttached : Boolean.parseBoolean(launcherSays);
    }

    /** One line, ending any progress line in place first. */
    public static synchronized void line(String text) {
        if (!silenced) {
            endProgress();
            System.err.println(text);
        }
        LOG.info(text);
    }

    /** Prints {@code text} as the console's last line: later lines go to the run log only. */
    public static synchronized void last(String text) {
        line(text);
        silenced = true;
    }

    public static boolean silenced() {
        return silenced;
    }

    public static void warning(String text) {
        line("warning: " + text);
    }

    /**
     * A progress update: redrawn in place on a terminal ({@code inPlace}), a plain line elsewhere. The run log gets
     * the plain line either way.
     */
    public static synchronized void progress(String inPlace, String plain) {
        if (silenced) {
            LOG.info(plain);
            return;
        }
        if (TERMINAL) {
            System.err.print("\r" + inPlace + " ".repeat(Math.max(0, openProgressWidth - inPlace.length())));
            System.err.flush();
            openProgressWidth = inPlace.length();
        } else {
            System.err.println(plain);
        }
        LOG.info(plain);
    }

    /** Ends a progress line drawn in place, so the next line starts on a line of its own. */
    public static synchronized void endProgress() {
        if (openProgressWidth > 0) {
            System.err.println();
            openProgressWidth = 0;
        }
    }
}
