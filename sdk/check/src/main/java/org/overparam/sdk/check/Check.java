package org.overparam.sdk.check;

import java.util.Objects;

/**
 * The outcome of one check of a plugin, printed as one line by {@link #line()}, e.g.
 * {@code ok   imports    org.overparam.api [1.1,2) accepts 1.1.0}.
 *
 * @param name the check's short name, e.g. {@code imports}, {@code unload}
 * @param outcome passed, failed or skipped
 * @param detail what was found, or what is wrong and how to put it right; one line
 */
public record Check(String name, Outcome outcome, String detail) {
    /** How a check ended. */
    public enum Outcome {
        /** The plugin does what the check asks. */
        PASS("ok"),
        /** It does not; the detail says why. */
        FAIL("FAIL"),
        /** The check could not apply (e.g. a component with a required parameter cannot run alone). */
        SKIP("skip");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        /** @return how the outcome is printed: {@code ok}, {@code FAIL} or {@code skip} */
        public String label() {
            return label;
        }
    }

    /** Checks the fields and folds the detail onto one line. */
    public Check {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(outcome, "outcome");
        detail = detail == null ? "" : detail.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /**
     * @param name the check
     * @param detail what was found
     * @return a passed check
     */
    public static Check pass(String name, String detail) {
        return new Check(name, Outcome.PASS, detail);
    }

    /**
     * @param name the check
     * @param detail what is wrong
     * @return a failed check
     */
    public static Check fail(String name, String detail) {
        return new Check(name, Outcome.FAIL, detail);
    }

    /**
     * @param name the check
     * @param detail why it does not apply
     * @return a skipped check
     */
    public static Check skip(String name, String detail) {
        return new Check(name, Outcome.SKIP, detail);
    }

    /** @return whether the check failed */
    public boolean failed() {
        return outcome == Outcome.FAIL;
    }

    /**
     * For tests: {@code harness.unload(plugin).assertPassed()}.
     *
     * @return this check
     * @throws AssertionError with {@link #line()} if it failed
     */
    public Check assertPassed() {
        if (failed()) {
            throw new AssertionError(line());
        }
        return this;
    }

    /** @return e.g. {@code FAIL unload     class loader still reachable ...} */
    public String line() {
        return String.format("%-4s %-10s %s", outcome.label(), name, detail);
    }
}
