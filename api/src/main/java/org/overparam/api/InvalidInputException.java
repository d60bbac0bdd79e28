package org.overparam.api;

/**
 * Bad input from a user: a parameter out of range, shapes that do not fit, a file that cannot be
 * read. Front ends print {@code where: message} on one line, without a stack trace, and exit with
 * code 2. Components throw it from any call; {@code where} names the parameter (e.g.
 * {@code architecture.width}) or the file and line (e.g. {@code run.yaml:7}).
 */
public class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String where;

    /**
     * @param where the parameter path or {@code file:line}; may be empty when unknown
     * @param message what is wrong and, where possible, what would be right
     */
    public InvalidInputException(String where, String message) {
        super(message);
        this.where = where == null ? "" : where;
    }

    /** @return the parameter path or {@code file:line}, or an empty string */
    public String where() {
        return where;
    }

    /**
     * @param prefix a location to put in front, e.g. the file and line of the component's entry
     * @return a copy of this error located under {@code prefix}
     */
    public InvalidInputException locatedAt(String prefix) {
        String w = where.isEmpty() ? prefix : prefix.isEmpty() ? where : prefix + ": " + where;
        InvalidInputException e = new InvalidInputException(w, getMessage());
        e.setStackTrace(getStackTrace());
        return e;
    }

    /** @return {@code where: message}, or the message alone */
    public String oneLine() {
        return where.isEmpty() ? getMessage() : where + ": " + getMessage();
    }
}
