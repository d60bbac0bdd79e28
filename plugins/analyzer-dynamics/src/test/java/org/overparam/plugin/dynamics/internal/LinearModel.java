package org.overparam.plugin.dynamics.internal;

import java.util.List;
import org.overparam.api.Batch;
import org.overparam.api.BlockRole;
import org.overparam.api.BlockSpec;
import org.overparam.api.Forward;
import org.overparam.api.Layout;
import org.overparam.api.Model;
import org.overparam.api.Params;
import org.overparam.api.Shape;

/** A test model {@code f = x W^T + b} with blocks {@code W [k, d]} and {@code b [k]}. */
final class LinearModel implements Model {
    private final int d;
    private final int k;
    private final Layout layout;

    LinearModel(int d, int k) {
        this.d = d;
        this.k = k;
        this.layout = new Layout(List.of(BlockSpec.of("W", Shape.of(k, d), BlockRole.OUTPUT, d),
                BlockSpec.of("b", Shape.of(k), BlockRole.BIAS, 1)));
    }

    record Pass(Batch batch, double[] output) implements Forward {
    }

    @Override
    public Layout layout() {
        return layout;
    }

    @Override
    public Shape inputShape() {
        return Shape.of(d);
    }

    @Override
    public int outputSize() {
        return k;
    }

    @Override
    public Forward forward(Params params, Batch batch) {
        double[] w = params.block(0);
        double[] b = params.block(1);
        double[] f = new double[batch.n() * k];
        for (int i = 0; i < batch.n(); i++) {
            for (int o = 0; o < k; o++) {
                double s = b[o];
                for (int j = 0; j < d; j++) {
                    s += w[o * d + j] * batch.inputs()[i * d + j];
                }
                f[i * k + o] = s;
            }
        }
        return new Pass(batch, f);
    }

    @Override
    public void backward(Forward forward, double[] dOutputs, Params gradient) {
        Batch batch = forward.batch();
        double[] gw = gradient.block(0);
        double[] gb = gradient.block(1);
        java.util.Arrays.fill(gw, 0);
        java.util.Arrays.fill(gb, 0);
        for (int i = 0; i < batch.n(); i++) {
            for (int o = 0; o < k; o++) {
                gb[o] += dOutputs[i * k + o];
                for (int j = 0; j < d; j++) {
                    gw[o * d + j] += dOutputs[i * k + o] * batch.inputs()[i * d + j];
                }
            }
        }
    }
}
