package org.overparam.plugin.dynamics.internal;

import java.util.List;
import org.overparam.api.Activation;
import org.overparam.api.Batch;
import org.overparam.api.BlockRole;
import org.overparam.api.BlockSpec;
import org.overparam.api.Forward;
import org.overparam.api.Layout;
import org.overparam.api.Model;
import org.overparam.api.Params;
import org.overparam.api.Shape;

/**
 * A test network with two hidden ReLU layers and no biases: {@code z1 = x W1^T} ({@code W1 [m1, d]},
 * INPUT), {@code z2 = relu(z1) W2^T} ({@code W2 [m2, m1]}, HIDDEN), {@code f = relu(z2) W3^T}
 * ({@code W3 [1, m2]}, OUTPUT). Its forward pass exposes {@code h1 = z1} and {@code h2 = z2}; it has
 * no backward pass (the dynamics analyzer needs none).
 */
final class TinyReluNet implements Model {
    private final int d;
    private final int m1;
    private final int m2;
    private final Layout layout;

    TinyReluNet(int d, int m1, int m2) {
        this.d = d;
        this.m1 = m1;
        this.m2 = m2;
        layout = new Layout(List.of(BlockSpec.of("W1", Shape.of(m1, d), BlockRole.INPUT, d),
                BlockSpec.of("W2", Shape.of(m2, m1), BlockRole.HIDDEN, m1),
                BlockSpec.of("W3", Shape.of(1, m2), BlockRole.OUTPUT, m2)));
    }

    record Pass(Batch batch, double[] output, List<Activation> activations) implements Forward {
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
        return 1;
    }

    @Override
    public Forward forward(Params params, Batch batch) {
        int n = batch.n();
        double[] z1 = dense(batch.inputs(), n, d, params.block(0), m1);
        double[] z2 = dense(relu(z1), n, m1, params.block(1), m2);
        double[] f = dense(relu(z2), n, m2, params.block(2), 1);
        return new Pass(batch, f, List.of(new Activation("h1", m1, z1), new Activation("h2", m2, z2)));
    }

    @Override
    public void backward(Forward forward, double[] dOutputs, Params gradient) {
        throw new UnsupportedOperationException("not needed by these tests");
    }

    private static double[] dense(double[] a, int n, int in, double[] w, int out) {
        double[] z = new double[n * out];
        for (int i = 0; i < n; i++) {
            for (int o = 0; o < out; o++) {
                double s = 0;
                for (int j = 0; j < in; j++) {
                    s += a[i * in + j] * w[o * in + j];
                }
                z[i * out + o] = s;
            }
        }
        return z;
    }

    private static double[] relu(double[] z) {
        double[] a = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            a[i] = Math.max(z[i], 0);
        }
        return a;
    }
}
