package org.overparam.engine.internal;

import java.util.ArrayList;
import java.util.List;
import org.overparam.api.Architecture;
import org.overparam.api.Batch;
import org.overparam.api.BlockRole;
import org.overparam.api.BlockSpec;
import org.overparam.api.Forward;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Layout;
import org.overparam.api.Model;
import org.overparam.api.Param;
import org.overparam.api.Params;
import org.overparam.api.Shape;

/**
 * Test architecture: a linear model with one output, {@code f(x) = (1/m) sum_h W[h] . x + b}, W of
 * shape {@code [m, d]} (m = width), b of shape {@code [1]}; exact gradient
 * {@code dW[h, j] = sum_i g_i x_ij / m}, {@code db = sum_i g_i}. With {@code gate} it has a third
 * block G tied to W and not trained (read by nothing), to test tied blocks.
 */
final class LinearArchitecture implements Architecture {
    /** Parameters. */
    public @interface Config {
        /** @return the number of rows of W */
        @Param("rows of W (checked by build, not by the schema)") int width() default 1;

        /** @return whether to add the tied block G */
        @Param("add a block G tied to W") boolean gate() default false;
    }

    @Override
    public Class<Config> configType() {
        return Config.class;
    }

    @Override
    public Model build(org.overparam.api.Config config, Shape inputShape, int outputs) {
        Config c = config.as(Config.class);
        if (c.width() < 1) {
            throw new InvalidInputException("architecture.width", "width " + c.width() + " is below 1");
        }
        if (outputs != 1) {
            throw new InvalidInputException("architecture", "the linear model has 1 output, the data " + outputs);
        }
        int d = inputShape.size();
        List<BlockSpec> blocks = new ArrayList<>();
        blocks.add(BlockSpec.of("W", Shape.of(c.width(), d), BlockRole.OUTPUT, d));
        blocks.add(BlockSpec.of("b", Shape.of(1), BlockRole.BIAS, 1));
        if (c.gate()) {
            blocks.add(new BlockSpec("G", Shape.of(c.width(), d), BlockRole.HIDDEN, d, false, "W"));
        }
        return new LinearModel(new Layout(blocks), inputShape, c.width());
    }

    /** The model itself. */
    private record LinearModel(Layout layout, Shape inputShape, int width) implements Model {
        @Override
        public int outputSize() {
            return 1;
        }

        @Override
        public Forward forward(Params params, Batch batch) {
            int d = inputShape.size();
            double[] w = params.block(0);
            double b = params.block(1)[0];
            double[] out = new double[batch.n()];
            for (int i = 0; i < batch.n(); i++) {
                double s = 0;
                for (int h = 0; h < width; h++) {
                    for (int j = 0; j < d; j++) {
                        s += w[h * d + j] * batch.inputs()[i * d + j];
                    }
                }
                out[i] = s / width + b;
            }
            return new Pass(batch, out);
        }

        @Override
        public void backward(Forward forward, double[] dOutputs, Params gradient) {
            Batch batch = forward.batch();
            int d = inputShape.size();
            double[] gw = gradient.block(0);
            java.util.Arrays.fill(gw, 0);
            double gb = 0;
            for (int i = 0; i < batch.n(); i++) {
                for (int h = 0; h < width; h++) {
                    for (int j = 0; j < d; j++) {
                        gw[h * d + j] += dOutputs[i] * batch.inputs()[i * d + j] / width;
                    }
                }
                gb += dOutputs[i];
            }
            gradient.block(1)[0] = gb;
            if (gradient.layout().count() > 2) {
                java.util.Arrays.fill(gradient.block(2), 0);
            }
        }
    }

    /** A forward pass: only the outputs are needed. */
    private record Pass(Batch batch, double[] output) implements Forward {
    }
}
