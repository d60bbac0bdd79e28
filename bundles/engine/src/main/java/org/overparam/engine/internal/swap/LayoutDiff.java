package org.overparam.engine.internal.swap;

import org.overparam.api.BlockSpec;
import org.overparam.api.Layout;

/** Says where two parameter layouts first differ, for the message of a run paused by an architecture update. */
public final class LayoutDiff {
    private LayoutDiff() {
    }

    /**
     * @param run the run's layout
     * @param other a new model's layout
     * @return e.g. {@code block W1 is 64x10 in the run and 128x10 in the new model}
     */
    static String first(Layout run, Layout other) {
        for (int i = 0; i < Math.min(run.count(), other.count()); i++) {
            BlockSpec a = run.block(i);
            BlockSpec b = other.block(i);
            if (!a.name().equals(b.name())) {
                return "block " + (i + 1) + " is " + a.name() + " in the run and " + b.name() + " in the new model";
            }
            if (!a.shape().equals(b.shape())) {
                return "block " + a.name() + " is " + a.shape() + " in the run and " + b.shape() + " in the new model";
            }
            if (a.role() != b.role()) {
                return "block " + a.name() + " is a " + a.role() + " block in the run and a " + b.role() + " block in the new model";
            }
        }
        return "the run has " + run.count() + " blocks, the new model " + other.count();
    }
}
