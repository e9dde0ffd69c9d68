package rootcause.job.lock;

/**
 * The output folder is locked by another run. Like a bad argument, it is the user's to resolve: the command line
 * prints the message as one line and exits with the usage code, without a stack trace.
 */
public final class OutputInUseException extends IllegalArgumentException {
    public OutputInUseException(String message) {
        super(message);
    }
}
