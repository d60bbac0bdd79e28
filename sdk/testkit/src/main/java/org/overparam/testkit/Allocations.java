package org.overparam.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.overparam.api.Batch;
import org.overparam.api.Model;
import org.overparam.api.Params;
import org.overparam.api.RandomStream;

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

    /**
     * Asserts that {@code 8 model.forwardValues(n)} lies within {@code [low X, high X]}, X the bytes a
     * forward and a backward pass of n samples allocate (N(0, 0.01) weights and N(0, 1) inputs of
     * seed 5, a unit output signal).
     *
     * @param low the lowest ratio allowed
     * @param high the highest ratio allowed
     */
    public static void assertForwardValuesMatchAPass(Model model, int n, double low, double high) {
        Params p = Params.zeros(model.layout());
        RandomStream r = RandomStream.of(5);
        for (int b = 0; b < p.layout().count(); b++) {
            r.fillGaussian(p.block(b), 0.1);
        }
        int k = model.outputSize();
        double[] x = new double[Math.multiplyExact(n, model.inputShape().size())];
        r.fillGaussian(x, 1.0);
        Batch batch = new Batch(model.inputShape(), n, x, k, new double[n * k], null);
        Params g = Params.zeros(model.layout());
        double[] dOut = new double[n * k];
        Arrays.fill(dOut, 1.0);
        long allocated = bytes(() -> model.backward(model.forward(p, batch), dOut, g));
        double ratio = 8.0 * model.forwardValues(n) / allocated;
        assertTrue(ratio >= low && ratio <= high, "estimate " + 8 * model.forwardValues(n) + " vs allocated " + allocated);
    }
}
