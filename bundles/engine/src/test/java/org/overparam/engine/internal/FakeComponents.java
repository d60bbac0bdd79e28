package org.overparam.engine.internal;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.Set;
import org.overparam.api.Batch;
import org.overparam.api.BlockScale;
import org.overparam.api.Data;
import org.overparam.api.DataSize;
import org.overparam.api.Dataset;
import org.overparam.api.Initialization;
import org.overparam.api.Initializer;
import org.overparam.api.Layout;
import org.overparam.api.Loss;
import org.overparam.api.Optimizer;
import org.overparam.api.Param;
import org.overparam.api.Params;
import org.overparam.api.RandomStream;
import org.overparam.api.Scaling;
import org.overparam.api.Schedule;
import org.overparam.api.Shape;
import org.overparam.api.StepContext;
import org.overparam.api.Task;

/** Small, exact components for engine tests; each keeps nothing between calls. */
final class FakeComponents {
    private FakeComponents() {
    }

    /** n Gaussian inputs in R^3 with targets y = x . (1, -2, 0.5) + 0.25 (realizable by the linear model). */
    static final class Tiny implements Dataset {
        public @interface Config {
            @Param(value = "samples", min = 1) int n() default 3;

            @Param("a notice to report at load; empty: none") String notice() default "";
        }

        @Override
        public Class<Config> configType() {
            return Config.class;
        }

        @Override
        public Optional<DataSize> size(org.overparam.api.Config config) {
            return Optional.of(new DataSize(config.as(Config.class).n(), 0, Shape.of(3), 1, false));
        }

        @Override
        public Data load(org.overparam.api.Config config, RandomStream random) {
            int n = config.as(Config.class).n();
            double[] x = new double[n * 3];
            random.fillGaussian(x, 1.0);
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = x[3 * i] - 2 * x[3 * i + 1] + 0.5 * x[3 * i + 2] + 0.25;
            }
            Batch train = new Batch(Shape.of(3), n, x, 1, y, null);
            Batch test = new Batch(Shape.of(3), 0, new double[0], 1, new double[0], null);
            return new Data(train, test, Task.REGRESSION, Map.of(), "tiny linear data");
        }

        @Override
        public Data load(org.overparam.api.Config config, RandomStream random, Consumer<String> notices) {
            String notice = config.as(Config.class).notice();
            if (!notice.isEmpty()) {
                notices.accept(notice);
            }
            return load(config, random);
        }
    }

    /** W ~ N(0, sigma^2) with multiplier sqrt(1/fanIn), b = 0.5 with multiplier 1; optionally b frozen. */
    static final class Gauss implements Initializer {
        public @interface Config {
            @Param(value = "standard deviation", min = 0) double sigma() default 1.0;

            @Param("freeze the bias") boolean freezeBias() default false;

            @Param("a notice to give; empty: none") String notice() default "";
        }

        @Override
        public java.util.List<String> notices(org.overparam.api.Config config, Layout layout) {
            String n = config.as(Config.class).notice();
            return n.isEmpty() ? java.util.List.of() : java.util.List.of(n);
        }

        @Override
        public Class<Config> configType() {
            return Config.class;
        }

        @Override
        public Initialization initialize(org.overparam.api.Config config, Layout layout, RandomStream random) {
            Config c = config.as(Config.class);
            Params p = Params.zeros(layout);
            random.fillGaussian(p.block("W"), c.sigma());
            p.block("b")[0] = 0.5;
            java.util.List<BlockScale> scales = new java.util.ArrayList<>();
            for (int i = 0; i < layout.count(); i++) {
                scales.add(layout.block(i).name().equals("W") ? BlockScale.of(Math.sqrt(1.0 / layout.block(i).fanIn()))
                        : BlockScale.ONE);
            }
            return new Initialization(p, new Scaling(layout, scales), c.freezeBias() ? Set.of("b") : Set.of());
        }
    }

    /** L = 1/2 sum_i (f_i - y_i)^2. */
    static final class Squared implements Loss {
        public @interface Config {
        }

        @Override
        public Class<Config> configType() {
            return Config.class;
        }

        @Override
        public double evaluate(org.overparam.api.Config config, Batch batch, double[] outputs, double[] dOutputs) {
            double s = 0;
            for (int i = 0; i < outputs.length; i++) {
                double r = outputs[i] - batch.targets()[i];
                s += 0.5 * r * r;
                if (dOutputs != null) {
                    dOutputs[i] = r;
                }
            }
            return s;
        }

        @Override
        public void hessianVector(org.overparam.api.Config config, Batch batch, double[] outputs, double[] direction,
                                  double[] result) {
            System.arraycopy(direction, 0, result, 0, direction.length);
        }
    }

    /** Factor 1 at every step. */
    static final class Constant implements Schedule {
        public @interface Config {
        }

        @Override
        public Class<Config> configType() {
            return Config.class;
        }

        @Override
        public double factor(org.overparam.api.Config config, long step, long totalSteps) {
            return 1.0;
        }
    }

    /**
     * Gradient descent {@code x -= lr * schedule * grad}, projected when the run is constrained.
     * Reports {@code grad_norm} and {@code draw} (one value of its random stream per step); throws
     * at step {@code failAt} when that is not negative.
     */
    static class Gd implements Optimizer {
        public @interface Config {
            @Param(value = "learning rate", min = 0, minExclusive = true) double lr() default 0.5;

            @Param("step at which to throw (negative: never)") int failAt() default -1;
        }

        @Override
        public Class<Config> configType() {
            return Config.class;
        }

        @Override
        public double step(StepContext ctx) {
            Config c = ctx.config().as(Config.class);
            if (ctx.step() == c.failAt()) {
                throw new IllegalStateException("boom at step " + ctx.step());
            }
            Params g = ctx.params().zerosLike();
            double loss = ctx.oracle().gradient(ctx.params(), null, g);
            ctx.params().axpy(-c.lr() * ctx.schedule(), g);
            if (ctx.constrained()) {
                ctx.project(ctx.params());
            }
            ctx.report("grad_norm", g.norm());
            ctx.report("draw", ctx.random().nextDouble());
            ctx.state().setScalar("steps", ctx.state().scalar("steps", 0) + 1);
            ctx.report("state_steps", ctx.state().scalar("steps", 0));
            return loss;
        }
    }
}
