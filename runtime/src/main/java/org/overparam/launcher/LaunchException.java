package org.overparam.launcher;

/**
 * A failure the user can act on (missing distribution, no command line service, bad launcher
 * arguments). {@link Main} prints its message as one line on stderr, without a stack trace, and
 * exits with {@link #exitCode()}.
 */
public final class LaunchException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    /**
     * @param message one line, no trailing period needed
     * @param exitCode the process exit code to use
     */
    public LaunchException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    /**
     * @param message one line
     * @param exitCode the process exit code to use
     * @param cause the underlying failure, shown only with {@code --verbose}
     */
    public LaunchException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** @return the process exit code */
    public int exitCode() {
        return exitCode;
    }
}
