package org.overparam.itest.hot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.overparam.api.Architecture;
import org.overparam.api.Batch;
import org.overparam.api.BlockRole;
import org.overparam.api.BlockSpec;
import org.overparam.api.Config;
import org.overparam.api.Forward;
import org.overparam.api.Layout;
import org.overparam.api.Model;
import org.overparam.api.Params;
import org.overparam.api.Param;
import org.overparam.api.Shape;

/**
 * A test plugin's architecture, packed into jars by the hot-swap tests (never registered from the
 * test bundle itself): the linear model {@code f(x) = W x} with W of shape {@code [k, d]}, and, when
 * {@link #withBias()} says so, a bias b of shape {@code [k]}: the same component name with another
 * layout is what an incompatible update looks like ({@link HotAffine}).
 */
public class HotLinear implements Architecture {
    /** Its parameters. */
    public @interface Settings {
        /** @return a factor on the outputs */
        @Param(value = "output scale", min = 0, minExclusive = true) double scale() default 1.0;
    }

    @Override
    public Class<Settings> configType() {
        return Settings.class;
    }

    /** @return whether the model has a bias block */
    protected boolean withBias() {
        return false;
    }

    @Override
    public Model build(Config config, Shape inputShape, int outputs) {
        double scale = config.as(Settings.class).scale();
        int d = inputShape.size();
        List<BlockSpec> blocks = new ArrayList<>();
        blocks.add(BlockSpec.of("W", Shape.of(outputs, d), BlockRole.OUTPUT, d));
        if (withBias()) {
            blocks.add(BlockSpec.of("b", Shape.of(outputs), BlockRole.BIAS, 1));
        }
        return new Linear(new Layout(blocks), inputShape, outputs, scale);
    }

    /** The model: outputs {@code scale * (W x + b)}. */
    private record Linear(Layout layout, Shape inputShape, int outputSize, double scale) implements Model {
        @Override
        public Forward forward(Params params, Batch batch) {
            int d = inputShape.size();
            int k = outputSize;
            double[] w = params.block(0);
            double[] out = new double[batch.n() * k];
            for (int i = 0; i < batch.n(); i++) {
                for (int o = 0; o < k; o++) {
                    double s = layout.count() > 1 ? params.block(1)[o] : 0;
                    for (int j = 0; j < d; j++) {
                        s += w[o * d + j] * batch.inputs()[i * d + j];
                    }
                    out[i * k + o] = scale * s;
                }
            }
            return new Pass(batch, out);
        }

        @Override
        public void backward(Forward forward, double[] dOutputs, Params gradient) {
            Batch batch = forward.batch();
            int d = inputShape.size();
            int k = outputSize;
            double[] gw = gradient.block(0);
            Arrays.fill(gw, 0);
            double[] gb = layout.count() > 1 ? gradient.block(1) : new double[k];
            Arrays.fill(gb, 0);
            for (int i = 0; i < batch.n(); i++) {
                for (int o = 0; o < k; o++) {
                    double g = scale * dOutputs[i * k + o];
                    gb[o] += g;
                    for (int j = 0; j < d; j++) {
                        gw[o * d + j] += g * batch.inputs()[i * d + j];
                    }
                }
            }
        }
    }

    /** A forward pass: the outputs are all backward needs. */
    private record Pass(Batch batch, double[] output) implements Forward {
    }
}
