package org.overparam.engine.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.overparam.api.BlockSpec;
import org.overparam.api.DataSize;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Model;
import org.overparam.api.Sizes;

/**
 * Refuses a run that would not fit in the JVM's heap, before anything is allocated. The estimate
 * adds what lives for the whole run, the parameters ({@link #PARAMETER_COPIES} copies, one more
 * with analyzers: their snapshot's copy), the optimizer's state and the data (when not loaded yet),
 * to the largest transient part: one forward and backward pass over all training samples
 * ({@link Model#forwardValues}) or one analyzer's workspace ({@code Analyzer.workspaceBytes}); the
 * transient parts do not coexist. It is compared with the heap the JVM may still use
 * ({@code maxMemory - used}); a run over it is refused in one line:
 * {@code exp.yaml: the run needs about 74.5 GiB (parameters 44.7 GiB, ...); the JVM may use 7.8 GiB (set OVERPARAM_JAVA_OPTS=-Xmx90g)}.
 * A run that fits but has a block or a per-layer batch array beyond one Java array
 * ({@link Sizes#MAX_ARRAY}) is refused as well. Measured on fc: the estimate is within a factor of
 * 1.5 of what its passes allocate (fc's MemoryEstimateTest); the whole estimate within 5% of the
 * largest live heap of quickstart at width 4096 (docs/experiment-files.md).
 */
final class MemoryGuard {
    /**
     * The point, the initial point, the loop's copy of the point before a step, the gradient, the
     * multiplied copy a forward pass reads and one scratch vector of the optimizer or the loss.
     * Measured on quickstart at width 4096 (P = 16.8 M): the largest live heap after a collection was
     * 7.3 P doubles with the dynamics analyzer; this count plus the analyzers' one gives 7.
     */
    static final int PARAMETER_COPIES = 6;

    /** The heap the guard compares with. */
    interface Heap {
        /** The running JVM's heap. */
        Heap RUNTIME = new Heap() {
            @Override
            public long max() {
                return Runtime.getRuntime().maxMemory();
            }

            @Override
            public long used() {
                Runtime r = Runtime.getRuntime();
                return r.totalMemory() - r.freeMemory();
            }

            @Override
            public void collect() {
                System.gc();
            }

            @Override
            public long physical() {
                return PhysicalMemory.total();
            }
        };

        /** @return the most the heap may grow to, in bytes */
        long max();

        /** @return the bytes in use now (live objects and garbage not yet collected) */
        long used();

        /** Collects garbage, so {@link #used} counts live objects only. */
        void collect();

        /** @return the machine's memory in bytes, or -1 when unknown */
        default long physical() {
            return -1;
        }
    }

    /**
     * A named part of the estimate.
     *
     * @param name e.g. {@code parameters}, {@code analyzer ntk}
     * @param bytes its size
     * @param lasting whether it lives for the whole run (else it is transient)
     */
    record Part(String name, long bytes, boolean lasting) {
    }

    private final List<Part> parts = new ArrayList<>();

    /**
     * @param name the part's name
     * @param bytes its size in bytes
     * @param lasting whether it lives for the whole run
     * @return this
     */
    MemoryGuard add(String name, long bytes, boolean lasting) {
        if (bytes > 0) {
            parts.add(new Part(name, bytes, lasting));
        }
        return this;
    }

    /** @return the parts added so far */
    List<Part> parts() {
        return List.copyOf(parts);
    }

    /**
     * @return the lasting parts plus the largest transient one
     * @throws ArithmeticException if the sum exceeds {@code 2^63-1}
     */
    long needed() {
        long lasting = 0;
        long transientMax = 0;
        for (Part p : parts) {
            if (p.lasting()) {
                lasting = Sizes.sum(lasting, p.bytes());
            } else {
                transientMax = Math.max(transientMax, p.bytes());
            }
        }
        return Sizes.sum(lasting, transientMax);
    }

    /**
     * @param where the spec's file (or name), for the message
     * @param heap the heap to compare with
     * @throws InvalidInputException if the run needs more than the heap has left
     */
    void check(String where, Heap heap) {
        long needed = needed();
        long free = heap.max() - heap.used();
        if (needed <= free) {
            return;
        }
        heap.collect();
        long used = heap.used();
        free = heap.max() - used;
        if (needed <= free) {
            return;
        }
        StringBuilder b = new StringBuilder("the run needs about ").append(Sizes.format(needed)).append(" (");
        for (int i = 0; i < parts.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(parts.get(i).name()).append(' ').append(Sizes.format(parts.get(i).bytes()));
        }
        long gib = 1L << 30;
        long suggest = (long) Math.ceil((needed + (double) used) * 1.2 / gib);
        b.append("); the JVM may use ").append(Sizes.format(heap.max()));
        if (used > heap.max() / 10) {
            b.append(", ").append(Sizes.format(free)).append(" of it free");
        }
        b.append(String.format(Locale.ROOT, " (set OVERPARAM_JAVA_OPTS=-Xmx%dg", Math.max(1, suggest)));
        long physical = heap.physical();
        if (physical > 0 && suggest * gib > physical) {
            b.append("; this machine has ").append(Sizes.format(physical));
        }
        b.append(')');
        throw new InvalidInputException(where, b.toString());
    }

    /**
     * Refuses arrays longer than the JVM allocates: a parameter block, or one layer's values for the
     * whole training batch.
     *
     * @param where the architecture's place in the spec, e.g. {@code architecture}
     * @param model the model
     * @param data the data's sizes
     * @throws InvalidInputException naming the block
     */
    static void checkArrays(String where, Model model, DataSize data) {
        for (BlockSpec b : model.layout().blocks()) {
            long count = b.shape().count();
            if (count > Sizes.MAX_ARRAY) {
                throw new InvalidInputException(where, "block " + b.name() + " of shape " + b.shape() + " holds " + count
                        + " values; one array holds at most " + Sizes.MAX_ARRAY);
            }
            long batch = Sizes.product(data.train(), b.shape().dim(0));
            if (b.role() != org.overparam.api.BlockRole.BIAS && batch > Sizes.MAX_ARRAY) {
                throw new InvalidInputException(where, "the outputs of block " + b.name() + " for " + data.train()
                        + " training samples are " + batch + " values; one array holds at most " + Sizes.MAX_ARRAY
                        + " (use fewer samples or a smaller layer)");
            }
        }
        long inputs = Sizes.product(Sizes.sum(data.train(), data.test()), data.inputShape().count());
        if (inputs > Sizes.MAX_ARRAY) {
            throw new InvalidInputException("dataset", data.train() + data.test() + " samples of " + data.inputShape()
                    + " are " + inputs + " input values; one array holds at most " + Sizes.MAX_ARRAY);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: %d bytes", parts, needed());
    }
}
