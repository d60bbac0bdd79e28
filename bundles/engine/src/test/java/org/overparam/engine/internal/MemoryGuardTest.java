package org.overparam.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.overparam.api.ComponentKind;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.RunSpec;
import org.overparam.engine.internal.loop.Prepared;
import org.overparam.engine.internal.registry.Bindings;
import org.overparam.engine.internal.registry.ComponentTable;

/**
 * The memory guard during setup: a run that cannot fit is refused in one line before its data are
 * loaded (the fake data set would allocate 24 GB for a billion samples), sizes that overflow 64 bits
 * are refused as such, and blocks beyond one Java array too.
 */
class MemoryGuardTest {
    /** A heap of {@code max} bytes with {@code used} in use, whose collection frees nothing. */
    record FixedHeap(long max, long used) implements MemoryGuard.Heap {
        @Override
        public void collect() {
        }
    }

    private static final long GIB = 1L << 30;

    private static Prepared prepare(RunSpec spec, MemoryGuard.Heap heap) {
        ComponentTable registry = TestRegistry.standard();
        return RunSetup.prepare(registry, new Bindings(registry, 0, null), spec, heap);
    }

    private static RunSpec spec(long n, long width) {
        return Specs.base().with(ComponentKind.DATASET, "tiny", Map.of("n", n))
                .with(ComponentKind.ARCHITECTURE, "linear", Map.of("width", width)).build();
    }

    @Test
    void aRunBeyondTheHeapIsRefusedBeforeItsDataAreLoaded() {
        // P = 4 (W 1x3, b): 6 copies x 4 x 8 = 192 bytes; data 1e9 x (3 + 1) x 8 = 32e9 bytes;
        // activations 1e9 x (2 x 1 + 3 x 1) x 8 = 40e9 bytes; total 72e9 + 192 = 67.1 GiB.
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> prepare(spec(1_000_000_000L, 1), new FixedHeap(GIB, 0)));
        assertEquals("test.yaml: the run needs about 67.1 GiB (parameters 192 bytes, data 29.8 GiB, activations"
                + " 37.3 GiB); the JVM may use 1.00 GiB (set OVERPARAM_JAVA_OPTS=-Xmx81g)", e.oneLine());
    }

    @Test
    void theHeapInUseCountsAgainstTheRun() {
        // n = 1e6: data 32e6, activations 40e6, parameters 192: 72000192 bytes = 68.7 MiB.
        assertEquals(1_000_000, prepare(spec(1_000_000L, 1), new FixedHeap(GIB, 0)).data().train().n());
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> prepare(spec(1_000_000L, 1), new FixedHeap(GIB, GIB - (60L << 20))));
        assertEquals("test.yaml: the run needs about 68.7 MiB (parameters 192 bytes, data 30.5 MiB, activations"
                + " 38.1 MiB); the JVM may use 1.00 GiB, 60.0 MiB of it free (set OVERPARAM_JAVA_OPTS=-Xmx2g)",
                e.oneLine());
    }

    @Test
    void sizesBeyondSixtyFourBitsAreRefusedNotWrapped() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> prepare(spec(Integer.MAX_VALUE, Integer.MAX_VALUE), new FixedHeap(Long.MAX_VALUE, 0)));
        assertEquals("test.yaml: the run's sizes overflow a 64-bit count (2147483647 training samples of shape 3,"
                + " 6442450942 parameters); no machine holds such a run", e.oneLine());
    }

    @Test
    void aBlockBeyondOneArrayIsRefusedEvenWhenTheHeapWouldHoldIt() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> prepare(spec(3, 1_000_000_000L), new FixedHeap(Long.MAX_VALUE, 0)));
        assertEquals("test.yaml:3: block W of shape 1000000000x3 holds 3000000000 values; one array holds at most"
                + " 2147483639", e.oneLine());
    }

    @Test
    void aRunBeyondTheMachineSaysSo() {
        MemoryGuard.Heap small = new MemoryGuard.Heap() {
            @Override
            public long max() {
                return GIB;
            }

            @Override
            public long used() {
                return 0;
            }

            @Override
            public void collect() {
            }

            @Override
            public long physical() {
                return 16 * GIB;
            }
        };
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> prepare(spec(1_000_000_000L, 1), small));
        assertTrue(e.getMessage().endsWith("(set OVERPARAM_JAVA_OPTS=-Xmx81g; this machine has 16.0 GiB)"), e.getMessage());
        assertTrue(PhysicalMemory.total() > 0, "HotSpot tells the machine's memory");
    }

    @Test
    void theLargestTransientPartCountsNotTheirSum() {
        MemoryGuard g = new MemoryGuard().add("parameters", 100, true).add("activations", 50, false)
                .add("analyzer ntk", 70, false).add("optimizer state", 0, true);
        assertEquals(170, g.needed());
        assertEquals(List.of("parameters", "activations", "analyzer ntk"),
                g.parts().stream().map(MemoryGuard.Part::name).toList(), "empty parts are left out");
        g.check("x.yaml", new FixedHeap(170, 0));
        assertThrows(InvalidInputException.class, () -> g.check("x.yaml", new FixedHeap(170, 1)));
    }
}
