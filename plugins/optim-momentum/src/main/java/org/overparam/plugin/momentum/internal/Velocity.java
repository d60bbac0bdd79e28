package org.overparam.plugin.momentum.internal;

import org.overparam.api.Params;
import org.overparam.api.State;
import org.overparam.api.StepContext;

/**
 * The momentum buffer both methods keep in the run's {@link State}: {@code velocity}, the last
 * displacement {@code v_t = w_t - w_{t-1}} (Params of the model's layout), and {@code velocity_step},
 * the step count after the update that wrote it. The buffer counts only when the step just before
 * wrote it ({@code velocity_step == t} at step t); otherwise the method starts from zero velocity.
 * So a run that switches GD -> Nesterov starts Nesterov with {@code v = 0} (previous point = current
 * point), Nesterov -> heavy ball (or back) keeps the velocity, and heavy ball -> GD -> Nesterov does
 * not revive a stale buffer. Checkpointing the State and the step index restores it exactly.
 */
final class Velocity {
    /** The buffer's name in the state. */
    static final String NAME = "velocity";
    /** The scalar holding the step count after the update that wrote the buffer. */
    static final String WRITTEN = "velocity_step";

    private Velocity() {
    }

    /**
     * @param ctx the step
     * @return {@code v_t}: the buffer in the state (live), set to zero unless the previous step wrote it
     */
    static Params current(StepContext ctx) {
        State s = ctx.state();
        boolean fresh = s.hasParams(NAME) && s.scalar(WRITTEN, -1) == ctx.step();
        Params v = s.params(NAME, ctx.params().layout());
        if (!fresh) {
            v.scale(0);
        }
        return v;
    }

    /**
     * Turns the buffer into {@code v_{t+1} = w_{t+1} - w_t} and marks it written by this step.
     *
     * @param ctx the step
     * @param v the buffer, holding {@code w_t} on entry
     * @param next {@code w_{t+1}}; not modified
     */
    static void store(StepContext ctx, Params v, Params next) {
        v.scale(-1).axpy(1, next);
        ctx.state().setScalar(WRITTEN, ctx.step() + 1);
    }
}
