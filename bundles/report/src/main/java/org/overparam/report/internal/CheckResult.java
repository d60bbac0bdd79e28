package org.overparam.report.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A reproduction check evaluated on its runs: the verdict (every statement must hold), the key
 * numbers of each statement, its figures, and what the runs cost.
 *
 * @param check the check
 * @param verdict the verdict
 * @param numbers one line per statement: its label, verdict and numbers
 * @param plots the figures written, one per statement that had something to draw
 * @param runs the number of the check's runs
 * @param seconds the sum of its runs' total seconds (the runs may have run side by side)
 */
record CheckResult(CheckSpec check, Verdict verdict, List<String> numbers, List<Plot> plots, int runs, double seconds) {
    /** Copies the lists. */
    CheckResult {
        numbers = List.copyOf(numbers);
        plots = List.copyOf(plots);
    }

    /**
     * @param check a check
     * @param all every run of the suite (the check's are those whose spec's name is its id)
     * @param plots where figures go
     * @return the result
     */
    static CheckResult evaluate(CheckSpec check, List<RunData> all, PlotWriter plots) {
        List<RunData> mine = all.stream().filter(r -> check.id().equals(r.spec().path("name").asText())).toList();
        double seconds = mine.stream().mapToDouble(r -> r.result().path("timings").path("total_seconds").asDouble(0)).sum();
        if (check.notTestable() != null) {
            return new CheckResult(check, Verdict.NOT_TESTABLE, List.of(check.notTestable()), List.of(), 0, 0);
        }
        List<RunData> finished = mine.stream().filter(RunData::finished).toList();
        if (finished.size() < mine.size() || mine.isEmpty()) {
            List<String> bad = mine.stream().filter(r -> !r.finished()).map(r -> r.id() + " " + r.status()).toList();
            return new CheckResult(check, Verdict.NOT_TESTABLE, List.of(mine.isEmpty() ? "no run of this check finished"
                    + " (see the command's errors)" : "runs that did not finish: " + String.join(", ", bad)),
                    List.of(), mine.size(), seconds);
        }
        Verdict verdict = Verdict.HOLDS;
        List<String> numbers = new ArrayList<>();
        List<Plot> written = new ArrayList<>();
        for (CheckTest t : check.tests()) {
            Outcome o = t.evaluate(finished);
            verdict = Verdict.and(verdict, o.verdict());
            numbers.add(t.label() + ": " + o.verdict().text() + ": " + o.numbers());
            if (o.figure() != null) {
                Plot p = plots.write(check.id() + "-" + (written.size() + 1), check.id() + ": " + t.label(),
                        o.numbers(), o.figure());
                if (p != null) {
                    written.add(p);
                }
            }
        }
        return new CheckResult(check, verdict, numbers, written, mine.size(), seconds);
    }
}
