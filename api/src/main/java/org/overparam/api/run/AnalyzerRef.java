package org.overparam.api.run;

import java.util.Objects;

/**
 * An analyzer in a run and its schedule: it runs at initialization, every {@code every} steps and
 * after the last step.
 *
 * @param component the analyzer
 * @param label the prefix of its metrics (its name unless the experiment gives one), e.g. {@code ntk}
 * @param every the interval in steps; 0 = at initialization and at the end only
 */
public record AnalyzerRef(ComponentRef component, String label, long every) {
    /** Checks the fields. */
    public AnalyzerRef {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(label, "label");
        if (every < 0) {
            throw new IllegalArgumentException("analyzer " + label + ": every " + every + " is negative");
        }
    }
}
