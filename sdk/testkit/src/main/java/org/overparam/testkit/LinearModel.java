package org.overparam.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.overparam.api.Batch;
import org.overparam.api.BlockRole;
import org.overparam.api.BlockSpec;
import org.overparam.api.DenseLayerPiece;
import org.overparam.api.Forward;
import org.overparam.api.Layout;
import org.overparam.api.Model;
import org.overparam.api.Params;
import org.overparam.api.Shape;

/**
 * A test model {@code f = x W^T (+ b)} with blocks {@code W [k, d]} (and {@code b [k]}): its NTK for
 * any output is {@code X X^T} (plus 1 with the bias). It gives dense-layer pieces unless built
 * without them, so both NTK paths can run on it.
 */
public final class LinearModel implements Model {
    private final int d;
    private final int k;
    private final boolean bias;
    private final boolean pieces;
    private final Layout layout;

    /**
     * @param d inputs
     * @param k outputs
     * @param bias whether the model has the bias block {@code b}
     * @param pieces whether it gives dense-layer pieces
     */
    public LinearModel(int d, int k, boolean bias, boolean pieces) {
        this.d = d;
        this.k = k;
        this.bias = bias;
        this.pieces = pieces;
        List<BlockSpec> b = new ArrayList<>();
        b.add(BlockSpec.of("W", Shape.of(k, d), BlockRole.OUTPUT, d));
        if (bias) {
            b.add(BlockSpec.of("b", Shape.of(k), BlockRole.BIAS, 1));
        }
        this.layout = new Layout(b);
    }

    private record Pass(Batch batch, double[] output) implements Forward {
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
        double[] f = new double[batch.n() * k];
        for (int i = 0; i < batch.n(); i++) {
            for (int o = 0; o < k; o++) {
                double s = bias ? params.block(1)[o] : 0;
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
        Arrays.fill(gw, 0);
        if (bias) {
            Arrays.fill(gradient.block(1), 0);
        }
        for (int i = 0; i < batch.n(); i++) {
            for (int o = 0; o < k; o++) {
                if (bias) {
                    gradient.block(1)[o] += dOutputs[i * k + o];
                }
                for (int j = 0; j < d; j++) {
                    gw[o * d + j] += dOutputs[i * k + o] * batch.inputs()[i * d + j];
                }
            }
        }
    }

    @Override
    public Optional<List<DenseLayerPiece>> denseLayerPieces(Params params, Batch batch, int output) {
        if (!pieces) {
            return Optional.empty();
        }
        double[] g = new double[batch.n() * k];
        for (int i = 0; i < batch.n(); i++) {
            g[i * k + output] = 1;
        }
        return Optional.of(List.of(new DenseLayerPiece("W", bias ? "b" : null, batch.n(), d, k, batch.inputs().clone(), g,
                bias ? 1 : 0)));
    }
}
