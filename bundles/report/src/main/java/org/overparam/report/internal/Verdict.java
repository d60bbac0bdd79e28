package org.overparam.report.internal;

/**
 * What a reproduction check concludes about a paper's claim, here: it holds, it does not (the
 * measured numbers say by how much), or it cannot be tested on this machine (the reason says why).
 */
enum Verdict {
    HOLDS("HOLDS"),
    DOES_NOT_HOLD("DOES NOT HOLD"),
    NOT_TESTABLE("NOT TESTABLE HERE");

    private final String text;

    Verdict(String text) {
        this.text = text;
    }

    /** @return the verdict as printed, e.g. {@code DOES NOT HOLD} */
    String text() {
        return text;
    }

    /**
     * @param a a verdict
     * @param b another
     * @return the verdict of both together: not testable if either is, else holds only if both do
     */
    static Verdict and(Verdict a, Verdict b) {
        if (a == NOT_TESTABLE || b == NOT_TESTABLE) {
            return NOT_TESTABLE;
        }
        return a == HOLDS && b == HOLDS ? HOLDS : DOES_NOT_HOLD;
    }
}
