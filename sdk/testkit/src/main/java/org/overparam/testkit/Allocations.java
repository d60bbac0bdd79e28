package org.overparam.testkit;

import java.lang.management.ManagementFactory;

/**
 * The bytes a piece of code allocates on the calling thread (everything, garbage included; the
 * peak of live arrays is at most this), to check a component's memory estimate
 * ({@code Model.forwardValues}, {@code Analyzer.workspaceBytes}) against what it really allocates.
 * Needs a HotSpot JVM ({@code com.sun.management.ThreadMXBean}).
 */
public final class Allocations {
    private Allocations() {
    }

    /**
     * @param body the code to measure
     * @return the bytes it allocated on this thread
     */
    public static long bytes(Runnable body) {
        com.sun.management.ThreadMXBean t = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = t.getThreadAllocatedBytes(id);
        body.run();
        return t.getThreadAllocatedBytes(id) - before;
    }
}
