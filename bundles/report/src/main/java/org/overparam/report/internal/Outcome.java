package org.overparam.report.internal;

/**
 * One evaluated statement of a reproduction check: its verdict, the measured numbers behind it, and
 * the figure that shows them (or {@code null} when there was nothing to draw).
 *
 * @param verdict the verdict
 * @param numbers the key numbers and the threshold, one line of plain text
 * @param figure how to draw the evidence, or {@code null}
 */
record Outcome(Verdict verdict, String numbers, Figure figure) {

    /**
     * @param why why the statement cannot be evaluated on these runs
     * @return a not-testable outcome without a figure
     */
    static Outcome notTestable(String why) {
        return new Outcome(Verdict.NOT_TESTABLE, why, null);
    }
}
