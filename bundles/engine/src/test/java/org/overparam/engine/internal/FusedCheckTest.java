package org.overparam.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.api.ComponentKind;
import org.overparam.api.Optimizer;
import org.overparam.api.Param;
import org.overparam.api.Params;
import org.overparam.api.StepContext;
import org.overparam.api.run.RunListener;
import org.overparam.api.run.RunResult;
import org.overparam.api.run.RunStatus;
import org.overparam.engine.internal.registry.ComponentTable;

/**
 * The divergence check of x_{t+1} folded into the step's update ({@code StepContext.update}) decides
 * as reading the point does: an update that overflows ends the run DIVERGED after the step with the
 * parameters' message, and a non-finite value the update leaves in a frozen block does not count,
 * since the run resets frozen blocks to their initial values after the step.
 */
class FusedCheckTest {
    @TempDir
    Path runs;

    /** Moves the point by {@code Double.MAX_VALUE} along ones twice (overflow), or writes NaN into frozen blocks. */
    static final class Leap implements Optimizer {
        public @interface Config {
            @Param(value = "overflow or frozen-nan", options = {"overflow", "frozen-nan"}) String mode() default "overflow";
        }

        @Override
        public Class<Config> configType() {
            return Config.class;
        }

        @Override
        public double step(StepContext ctx) {
            Params g = ctx.workspace("gradient");
            double loss = ctx.oracle().gradient(ctx.params(), null, g);
            Params d = ctx.params().zerosLike();
            boolean overflow = ctx.config().as(Config.class).mode().equals("overflow");
            for (int i = 0; i < d.layout().count(); i++) {
                boolean frozen = !d.layout().block(i).trainable();
                Arrays.fill(d.block(i), overflow ? 1.0 : frozen ? Double.NaN : 0.0);
            }
            ctx.update(overflow ? Double.MAX_VALUE : 1.0, d);
            if (overflow) {
                ctx.update(Double.MAX_VALUE, d);
            }
            return loss;
        }
    }

    private RunResult run(String mode) {
        ComponentTable table = TestRegistry.standard();
        new TestRegistry(table).add(ComponentKind.OPTIMIZER, "leap", new Leap());
        return new Run(table, Specs.base().with(ComponentKind.ARCHITECTURE, "linear", Map.of("gate", true))
                .with(ComponentKind.OPTIMIZER, "leap", Map.of("mode", mode)).stop(4, 0).build(), runs,
                RunListener.NONE, 0).execute();
    }

    @Test
    void anUpdateThatOverflowsEndsTheRunAfterTheStep() {
        RunResult r = run("overflow");
        assertEquals(RunStatus.DIVERGED, r.status(), r.message());
        assertEquals(1, r.steps());
        assertEquals("diverged: the parameters are not finite after step 0", r.message());
    }

    @Test
    void nanInAFrozenBlockIsResetNotCounted() {
        RunResult r = run("frozen-nan");
        assertEquals(RunStatus.COMPLETED, r.status(), r.message());
        assertEquals(4, r.steps());
    }
}
