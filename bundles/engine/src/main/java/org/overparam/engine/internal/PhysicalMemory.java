package org.overparam.engine.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * The machine's memory, from the JDK's {@code com.sun.management.OperatingSystemMXBean} (looked up
 * by reflection: the engine's bundle does not import {@code com.sun.management}), for the memory
 * guard's message when a run needs more than the machine has.
 */
final class PhysicalMemory {
    private PhysicalMemory() {
    }

    /** @return the machine's memory in bytes, or -1 when the JVM does not tell */
    static long total() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        try {
            Class<?> type = Class.forName("com.sun.management.OperatingSystemMXBean", false, os.getClass().getClassLoader());
            Object bytes = type.getMethod("getTotalMemorySize").invoke(os);
            return bytes instanceof Long l ? l : -1;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return -1;
        }
    }
}
