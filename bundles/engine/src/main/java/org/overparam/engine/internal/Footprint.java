package org.overparam.engine.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.overparam.api.Analyzer;
import org.overparam.api.ComponentKind;
import org.overparam.api.DataSize;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Model;
import org.overparam.api.Optimizer;
import org.overparam.api.Sizes;
import org.overparam.api.run.AnalyzerRef;
import org.overparam.api.run.ComponentRef;
import org.overparam.api.run.RunSpec;
import org.overparam.api.run.Switch;
import org.overparam.engine.internal.registry.Bindings;
import org.overparam.engine.internal.registry.ComponentFailure;

/**
 * A run's memory estimate from its components' own sizes ({@link MemoryGuard} adds them up and
 * compares): the model's parameters and one forward and backward pass over the training samples
 * ({@code Model.forwardValues}), the largest optimizer state of the run's optimizers (those of its
 * switches included, {@code Optimizer.stateValues}), the data ({@code DataSize.bytes}) and each
 * analyzer's workspace ({@code Analyzer.workspaceBytes}). A size that overflows 64 bits is refused
 * as such, never wrapped.
 */
final class Footprint {
    private Footprint() {
    }

    /**
     * @param spec the run
     * @param bindings its lookups
     * @param raw its model (no multipliers: same sizes)
     * @param data the data's sizes
     * @param toLoad whether the data are still to be loaded (else they are in the heap already)
     * @param heap the heap to compare with
     * @throws InvalidInputException if the run would not fit, a size overflows, or an array would be
     *     longer than the JVM allocates
     */
    static void check(RunSpec spec, Bindings bindings, Model raw, DataSize data, boolean toLoad,
                      MemoryGuard.Heap heap) {
        String where = spec.source() == null || spec.source().isEmpty() ? spec.name() : spec.source();
        ComponentRef archRef = spec.component(ComponentKind.ARCHITECTURE);
        MemoryGuard guard = new MemoryGuard();
        try {
            long p = raw.layout().size();
            int copies = MemoryGuard.PARAMETER_COPIES + (spec.analyzers().isEmpty() ? 0 : 1);
            guard.add("parameters", Sizes.doubles(Sizes.product(p, copies)), true);
            long state = 0;
            for (ComponentRef ref : optimizers(spec)) {
                Optimizer o = bindings.resolve(ref, Optimizer.class);
                state = Math.max(state, estimate(ref, () -> o.stateValues(ref.config(), p)));
            }
            guard.add("optimizer state", Sizes.doubles(state), true);
            if (toLoad) {
                guard.add("data", data.bytes(), true);
            }
            guard.add("activations", Sizes.doubles(estimate(archRef, () -> raw.forwardValues(data.train()))), false);
            for (AnalyzerRef a : spec.analyzers()) {
                Analyzer an = bindings.resolve(a.component(), Analyzer.class);
                guard.add("analyzer " + a.label(),
                        estimate(a.component(), () -> an.workspaceBytes(a.component().config(), raw, data)), false);
            }
            guard.needed();
        } catch (ArithmeticException e) {
            throw new InvalidInputException(where, "the run's sizes overflow a 64-bit count (" + data.train()
                    + " training samples of shape " + data.inputShape() + ", " + raw.layout().size()
                    + " parameters); no machine holds such a run");
        }
        guard.check(where, heap);
        MemoryGuard.checkArrays(archRef.origin().isEmpty() ? archRef.kind().key() : archRef.origin(), raw, data);
    }

    private static List<ComponentRef> optimizers(RunSpec spec) {
        List<ComponentRef> out = new ArrayList<>();
        out.add(spec.component(ComponentKind.OPTIMIZER));
        for (Switch s : spec.switches()) {
            if (s.optimizer() != null) {
                out.add(s.optimizer());
            }
        }
        return out;
    }

    /** A component's estimate: its overflow stays an overflow, anything else is the component's failure. */
    private static long estimate(ComponentRef ref, LongSupplier body) {
        try {
            return body.getAsLong();
        } catch (ArithmeticException e) {
            throw e;
        } catch (InvalidInputException e) {
            throw RunSetup.locate(ref, e);
        } catch (RuntimeException | LinkageError e) {
            throw new ComponentFailure(ref.kind(), ref.name(), e);
        }
    }
}
