package org.overparam.engine.internal.loop;

import java.util.Locale;
import org.overparam.api.Sizes;

/**
 * The one line a run that ran out of heap ends with (FAILED, its last checkpoint kept for
 * {@code resume}; the stack trace goes to run.log only), e.g.
 * {@code out of memory at step 120 (Java heap space); the JVM may use 1.00 GiB: set OVERPARAM_JAVA_OPTS=-Xmx2g and resume}.
 */
public final class OutOfMemory {
    private OutOfMemory() {
    }

    /**
     * @param step the step the run was at
     * @param e the error
     * @return the run's message
     */
    static String message(long step, OutOfMemoryError e) {
        long max = Runtime.getRuntime().maxMemory();
        long suggest = Math.max(1, (long) Math.ceil(2.0 * max / (1L << 30)));
        return String.format(Locale.ROOT, "out of memory at step %d (%s); the JVM may use %s: set "
                + "OVERPARAM_JAVA_OPTS=-Xmx%dg and resume", step, e.getMessage() == null ? "no detail" : e.getMessage(),
                Sizes.format(max), suggest);
    }
}
