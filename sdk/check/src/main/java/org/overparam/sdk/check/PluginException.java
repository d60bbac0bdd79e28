package org.overparam.sdk.check;

/** A plugin could not be installed, started or checked; the message is one line for the user. */
public final class PluginException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong */
    public PluginException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong
     * @param cause the underlying error
     */
    public PluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
