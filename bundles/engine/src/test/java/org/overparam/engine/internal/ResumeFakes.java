package org.overparam.engine.internal;

import org.overparam.api.Analyzer;
import org.overparam.api.ComponentKind;
import org.overparam.api.MetricSink;
import org.overparam.api.Optimizer;
import org.overparam.api.Param;
import org.overparam.api.Params;
import org.overparam.api.Schedule;
import org.overparam.api.Snapshot;
import org.overparam.api.StepContext;
import org.overparam.engine.internal.registry.ComponentTable;

/**
 * Components whose runs only resume exactly if every kind of run state comes back: a mini-batch
 * heavy-ball optimizer (random rows, a velocity buffer, a per-row count array and a call counter in
 * its State) and an analyzer with a random stream, a State of all three kinds and reads of the
 * metric history; and a constant schedule that the tests steer. Its switches are static because a
 * run's spec must not change between a run and its resume: {@link #failAt} makes it throw at that
 * step (a crash after the last checkpoint), {@link #interruptAt} makes it interrupt its thread there
 * (an in-process stop), {@link #sleepMillis} slows each step down (so a run is still going when a test
 * asks it to stop).
 */
final class ResumeFakes {
    /** The step at which the schedule throws; negative: never. */
    static volatile long failAt = -1;
    /** The step at which the schedule interrupts its thread; negative: never. */
    static volatile long interruptAt = -1;
    /** How long the schedule sleeps at each step. */
    static volatile long sleepMillis;

    private ResumeFakes() {
    }

    /** Puts the switches back to doing nothing. */
    static void reset() {
        failAt = -1;
        interruptAt = -1;
        sleepMillis = 0;
    }

    /**
     * @return the standard fake registry with the optimizers {@code sgd} and {@code nesterov}, the
     *     {@code steered} schedule and the {@code tracker} analyzer
     */
    static ComponentTable registry() {
        ComponentTable table = TestRegistry.standard();
        new TestRegistry(table).add(ComponentKind.OPTIMIZER, "sgd", new Sgd())
                .add(ComponentKind.OPTIMIZER, "nesterov", new ExtraFakes.Nesterov())
                .add(ComponentKind.SCHEDULE, "steered", new Steered())
                .add(ComponentKind.ANALYZER, "tracker", new Tracker());
        return table;
    }

    /** Heavy ball on {@code batch} rows drawn with replacement: v = beta v + g_B, x -= lr * schedule * v. */
    static final class Sgd implements Optimizer {
        public @interface Config {
            @Param(value = "learning rate", min = 0, minExclusive = true) double lr() default 0.05;

            @Param(value = "rows per step", min = 1) int batch() default 3;

            @Param(value = "momentum", min = 0, max = 1, maxExclusive = true) double momentum() default 0.5;
        }

        @Override
        public Class<Config> configType() {
            return Config.class;
        }

        @Override
        public double step(StepContext ctx) {
            Config c = ctx.config().as(Config.class);
            int n = ctx.oracle().sampleCount();
            int[] rows = new int[c.batch()];
            double[] counts = ctx.state().array("row_counts", n);
            for (int i = 0; i < rows.length; i++) {
                rows[i] = ctx.random().nextInt(n);
                counts[rows[i]]++;
            }
            Params g = ctx.params().zerosLike();
            double loss = ctx.oracle().gradient(ctx.params(), rows, g);
            Params v = ctx.state().params("velocity", ctx.params().layout());
            v.scale(c.momentum()).axpy(1, g);
            ctx.params().axpy(-c.lr() * ctx.schedule(), v);
            ctx.state().setScalar("calls", ctx.state().scalar("calls", 0) + 1);
            ctx.report("velocity_norm", v.norm());
            ctx.report("calls", ctx.state().scalar("calls", 0));
            return loss;
        }
    }

    /** Factor 1, with the test's crash, interrupt and sleep at the steps it names. */
    static final class Steered implements Schedule {
        public @interface Config {
        }

        @Override
        public Class<Config> configType() {
            return Config.class;
        }

        @Override
        public double factor(org.overparam.api.Config config, long step, long totalSteps) {
            if (step == failAt) {
                throw new IllegalStateException("crash at step " + step);
            }
            if (step == interruptAt) {
                Thread.currentThread().interrupt();
            }
            if (sleepMillis > 0) {
                try {
                    Thread.sleep(sleepMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return 1.0;
        }
    }

    /**
     * Records a random walk kept in its state ({@code walk}), the length of the {@code train.loss}
     * history and its latest value, its call count, and the distance from the point of its first call
     * (a buffer in its state).
     */
    static final class Tracker implements Analyzer {
        public @interface Config {
        }

        @Override
        public Class<Config> configType() {
            return Config.class;
        }

        @Override
        public void analyze(Snapshot s, MetricSink out) {
            double[] walk = s.state().array("walk", 1);
            walk[0] += s.random().nextGaussian();
            double calls = s.state().scalar("calls", 0) + 1;
            s.state().setScalar("calls", calls);
            Params anchor = s.state().params("anchor", s.initial().layout());
            Params p = s.params();
            if (calls == 1) {
                anchor.set(p);
            }
            out.scalar("walk", walk[0]);
            out.scalar("calls", calls);
            out.scalar("history", s.history("train.loss")[0].length);
            out.scalar("latest_loss", s.latestMetrics().getOrDefault("train.loss", Double.NaN));
            out.scalar("from_anchor", p.axpy(-1, anchor).norm());
        }
    }
}
