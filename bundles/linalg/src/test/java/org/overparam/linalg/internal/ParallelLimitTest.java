package org.overparam.linalg.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The per-thread cap on the Java kernels' threads: it binds the calling thread only, and restores. */
class ParallelLimitTest {
    @Test
    void aCapBindsTheCallingThreadOnly() throws Exception {
        Parallel p = new Parallel(4);
        assertEquals(4, p.threads());
        int before = Parallel.limit(1);
        try {
            assertEquals(0, before, "no cap at first");
            assertEquals(1, p.threads());
            Set<String> ran = ConcurrentHashMap.newKeySet();
            p.run(4, part -> ran.add(Thread.currentThread().getName()));
            assertEquals(Set.of(Thread.currentThread().getName()), ran, "capped at 1: every part on the caller");
            int[] other = new int[1];
            Thread t = new Thread(() -> other[0] = p.threads());
            t.start();
            t.join(10_000);
            assertEquals(4, other[0], "another thread keeps the pool's count");
            assertEquals(1, Parallel.limit(8));
            assertEquals(4, p.threads(), "a cap above the pool's count changes nothing");
        } finally {
            Parallel.limit(before);
        }
        assertEquals(4, p.threads());
        assertThrows(IllegalArgumentException.class, () -> Parallel.limit(-1));
    }
}
