package org.overparam.engine.internal;

import java.nio.charset.StandardCharsets;
import org.overparam.api.Analyzer;
import org.overparam.api.Constraint;
import org.overparam.api.DataSize;
import org.overparam.api.InvalidInputException;
import org.overparam.api.MetricSink;
import org.overparam.api.Model;
import org.overparam.api.Optimizer;
import org.overparam.api.Param;
import org.overparam.api.Params;
import org.overparam.api.Schedule;
import org.overparam.api.Snapshot;
import org.overparam.api.StepContext;

/** Engine-test components for switches, constraints and analyses (the basic ones are {@link FakeComponents}). */
final class ExtraFakes {
    private ExtraFakes() {
    }

    /**
     * Records the bias, the distance moved from the initial point, its call count (kept in its state)
     * and whether the call is final; at the end writes a series and an artifact.
     */
    static final class Probe implements Analyzer {
        public @interface Config {
            @Param("call at which to throw (negative: never)") int failAtCall() default -1;

            @Param(value = "refuse the run at setup when the data has more samples than this (0: never)", min = 0)
            int maxSamples() default 0;
        }

        @Override
        public Class<Config> configType() {
            return Config.class;
        }

        @Override
        public java.util.List<String> adjustments(org.overparam.api.Config config, Model model, DataSize data) {
            int max = config.as(Config.class).maxSamples();
            if (max > 0 && data.train() > max) {
                throw new InvalidInputException("maxSamples", data.train() + " samples are more than " + max
                        + " (" + model.layout().count() + " blocks)");
            }
            return java.util.List.of();
        }

        @Override
        public void analyze(Snapshot s, MetricSink out) {
            double calls = s.state().scalar("calls", 0) + 1;
            s.state().setScalar("calls", calls);
            if (calls - 1 == s.config().as(Config.class).failAtCall()) {
                throw new IllegalArgumentException("probe failed on call " + (int) calls);
            }
            Params p = s.params();
            out.scalar("b", p.block("b")[0]);
            out.scalar("moved", p.copy().axpy(-1, s.initial()).norm());
            out.scalar("calls", calls);
            out.scalar("final", s.isFinal() ? 1 : 0);
            if (s.isFinal()) {
                out.series("losses", s.history("train.loss")[0], s.history("train.loss")[1]);
                out.artifact("probe.txt", ("steps " + s.step() + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /** The ball of radius r around the reference point, in the trainable blocks. */
    static final class Ball implements Constraint {
        public @interface Config {
            @Param(value = "radius", min = 0) double radius() default 1.0;
        }

        @Override
        public Class<Config> configType() {
            return Config.class;
        }

        @Override
        public void project(org.overparam.api.Config config, Params reference, boolean[] trainable, Params point) {
            double r = config.as(Config.class).radius();
            double s = 0;
            for (int i = 0; i < trainable.length; i++) {
                if (trainable[i]) {
                    for (int j = 0; j < point.block(i).length; j++) {
                        double d = point.block(i)[j] - reference.block(i)[j];
                        s += d * d;
                    }
                }
            }
            double norm = Math.sqrt(s);
            if (norm > r) {
                for (int i = 0; i < trainable.length; i++) {
                    if (trainable[i]) {
                        for (int j = 0; j < point.block(i).length; j++) {
                            double ref = reference.block(i)[j];
                            point.block(i)[j] = ref + (point.block(i)[j] - ref) * r / norm;
                        }
                    }
                }
            }
        }
    }

    /** Factor {@code 1 - step / totalSteps}: tells which step count and budget a schedule is given. */
    static final class Ramp implements Schedule {
        public @interface Config {
        }

        @Override
        public Class<Config> configType() {
            return Config.class;
        }

        @Override
        public double factor(org.overparam.api.Config config, long step, long totalSteps) {
            return 1.0 - (double) step / totalSteps;
        }
    }

    /**
     * Nesterov's method with the switching rule of the momentum plugin: {@code y = w + beta v},
     * {@code w' = y - lr * schedule * grad F(y)}, {@code v' = w' - w}; the state's {@code velocity}
     * counts only if {@code velocity_step} says the previous step wrote it. Reports {@code velocity_in}
     * (the norm of the velocity it started from), {@code schedule}, {@code state_steps} (the
     * counter it shares with {@link FakeComponents.Gd}) and {@code own_momentum} (its momentum as
     * {@code componentConfig(OPTIMIZER)} gives it).
     */
    static final class Nesterov implements Optimizer {
        public @interface Config {
            @Param(value = "learning rate", min = 0, minExclusive = true) double lr() default 0.1;

            @Param(value = "momentum", min = 0, max = 1, maxExclusive = true) double momentum() default 0.5;
        }

        @Override
        public Class<Config> configType() {
            return Config.class;
        }

        @Override
        public double step(StepContext ctx) {
            Config c = ctx.config().as(Config.class);
            Params w = ctx.params();
            boolean fresh = ctx.state().scalar("velocity_step", -1) == ctx.step();
            Params v = ctx.state().params("velocity", w.layout());
            if (!fresh) {
                v.scale(0);
            }
            ctx.report("velocity_in", v.norm());
            Params y = w.copy().axpy(c.momentum(), v);
            Params g = w.zerosLike();
            double loss = ctx.oracle().gradient(y, null, g);
            y.axpy(-c.lr() * ctx.schedule(), g);
            v.set(y).axpy(-1, w);
            w.set(y);
            ctx.state().setScalar("velocity_step", ctx.step() + 1);
            ctx.state().setScalar("steps", ctx.state().scalar("steps", 0) + 1);
            ctx.report("state_steps", ctx.state().scalar("steps", 0));
            ctx.report("schedule", ctx.schedule());
            Object m = ctx.componentConfig(org.overparam.api.ComponentKind.OPTIMIZER).get("momentum");
            ctx.report("own_momentum", m instanceof Double d ? d : Double.NaN);
            return loss;
        }
    }
}
