package org.overparam.plugin.landscape.internal;

import java.util.Locale;
import org.overparam.api.InvalidInputException;

/**
 * Refuses a Krylov basis that would not fit: Lanczos with full reorthogonalization keeps every basis
 * vector, {@code vectors x n} doubles. A basis over half the JVM's maximum heap is refused with a
 * message naming the parameter to lower, before anything is allocated.
 */
final class Memory {
    private Memory() {
    }

    /**
     * @param parameter the parameter that sets the number of vectors, e.g. {@code iterations}
     * @param vectors the number of vectors kept
     * @param n their length
     * @throws InvalidInputException if they need more than half the maximum heap
     */
    static void checkBasis(String parameter, long vectors, long n) {
        long bytes = vectors * n * Double.BYTES;
        long limit = Runtime.getRuntime().maxMemory() / 2;
        if (bytes > limit) {
            throw new InvalidInputException(parameter, String.format(Locale.ROOT,
                    "%d Lanczos vectors of %d parameters need %.2f GB, more than half the heap (%.2f GB); "
                    + "lower %s or raise -Xmx", vectors, n, bytes / 1e9, 2 * limit / 1e9, parameter));
        }
    }
}
