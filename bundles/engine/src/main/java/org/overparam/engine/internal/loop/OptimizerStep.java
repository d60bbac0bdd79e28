package org.overparam.engine.internal.loop;

import java.util.Map;
import org.overparam.api.Optimizer;
import org.overparam.api.Params;
import org.overparam.api.Schedule;
import org.overparam.api.run.ComponentRef;
import org.overparam.engine.internal.folder.MetricStore;
import org.overparam.engine.internal.registry.Bindings;
import org.overparam.engine.internal.registry.ComponentFailure;
import org.overparam.engine.internal.registry.Guard;
import org.overparam.engine.internal.swap.InEffect;
import org.overparam.engine.internal.swap.StepGate;

/**
 * One optimizer step of a run: the schedule's factor for the step, the optimizer's
 * {@code step} call, frozen blocks reset to their initial values, and the rows it records:
 * {@code train.loss} at t (the loss the optimizer returned, or the loss at x_t when it returned
 * NaN) and {@code optimizer.<name>} for each of its reports (recorded even when it throws).
 * Components come from the run's {@link Bindings}, bound for the step by the {@link StepGate}.
 */
public final class OptimizerStep {
    private final Bindings bindings;
    private final InEffect effect;
    private final StepContextImpl ctx;
    private final Oracle oracle;
    private final Prepared run;
    private final MetricStore metrics;

    /**
     * @param bindings the step's components
     * @param effect which optimizer and schedule are in effect
     * @param ctx the optimizer's view of the run
     * @param oracle evaluates the loss
     * @param run the prepared run (parameters, initial values, trainable flags)
     * @param metrics where the rows go
     */
    OptimizerStep(Bindings bindings, InEffect effect, StepContextImpl ctx, Oracle oracle, Prepared run,
                  MetricStore metrics) {
        this.bindings = bindings;
        this.effect = effect;
        this.ctx = ctx;
        this.oracle = oracle;
        this.run = run;
        this.metrics = metrics;
    }

    /**
     * Takes step t from the point {@code before} (a copy of x_t).
     *
     * @param t the step's index
     * @param max the run's step budget (the schedule sees the steps left from its start)
     * @param before x_t, not modified
     * @return the loss recorded at t
     * @throws ComponentFailure when the schedule gives a factor that is not a finite number >= 0,
     *     or the schedule or optimizer throws
     */
    double take(long t, long max, Params before) {
        Schedule schedule = bindings.schedule();
        ComponentRef sched = effect.schedule();
        long from = effect.scheduleStart();
        double factor = Guard.call(sched, () -> schedule.factor(sched.config(), t - from, max - from));
        if (!(factor >= 0) || Double.isInfinite(factor)) {
            throw new ComponentFailure(sched.kind(), sched.name(),
                    new IllegalStateException("factor " + factor + " at step " + t + " is not a finite number >= 0"));
        }
        ComponentRef opt = effect.optimizer();
        ctx.begin(t, factor, opt.config(), sched.config());
        Optimizer optimizer = bindings.optimizer();
        double l;
        try {
            l = Guard.call(opt, () -> optimizer.step(ctx));
        } catch (RuntimeException e) {
            recordReports(t);
            throw e;
        }
        resetFrozen();
        if (Double.isNaN(l)) {
            l = oracle.loss(before, null);
        }
        metrics.record(t, Optimizer.TRAIN_LOSS, l);
        recordReports(t);
        return l;
    }

    private void recordReports(long t) {
        for (Map.Entry<String, Double> e : ctx.takeReports().entrySet()) {
            metrics.record(t, "optimizer." + e.getKey(), e.getValue());
        }
    }

    /**
     * Whether the point after the step just taken is finite: from the step's fused update
     * ({@link StepContextImpl#update}) for the trained blocks and a look at the frozen ones (reset to
     * their initial values after it), else by reading every value. The same answer either way.
     *
     * @return whether every parameter is finite
     */
    boolean finite() {
        Params p = run.params();
        boolean[] noted = ctx.updateFinite();
        if (noted == null) {
            return p.isFinite();
        }
        for (int i = 0; i < noted.length; i++) {
            if (run.trainable()[i] ? !noted[i] : !finite(p.block(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean finite(double[] values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    private void resetFrozen() {
        Params p = run.params();
        for (int i = 0; i < run.trainable().length; i++) {
            if (!run.trainable()[i]) {
                System.arraycopy(run.initial().block(i), 0, p.block(i), 0, p.block(i).length);
            }
        }
    }
}
