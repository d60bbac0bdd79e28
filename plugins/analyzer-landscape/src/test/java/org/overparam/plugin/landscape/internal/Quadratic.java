package org.overparam.plugin.landscape.internal;

import org.overparam.api.Batch;
import org.overparam.api.Config;
import org.overparam.api.Forward;
import org.overparam.api.Layout;
import org.overparam.api.Model;
import org.overparam.api.OutputLoss;
import org.overparam.api.Params;
import org.overparam.api.RandomStream;
import org.overparam.api.Shape;
import org.overparam.testkit.FakeSnapshot;

/**
 * A test objective {@code F(w) = 1/2 (w - c)^T H (w - c)} for any symmetric {@code H} (P x P,
 * row-major) over a layout of P values: a "model" whose outputs are its parameters (one sample,
 * P outputs) and a loss in the outputs with gradient {@code H (f - c)} and Hessian H, exact. Its
 * Hessian in the parameters is H; H negative definite makes it concave.
 */
final class Quadratic implements Model {
    /** The seed of the analyzers' random stream in {@link #snapshot}. */
    static final long SEED = 42;
    final Layout layout;
    final int size;
    final double[] h;
    final double[] c;

    /**
     * @param layout the blocks
     * @param h P x P symmetric; kept
     * @param c the centre, P values; kept
     */
    Quadratic(Layout layout, double[] h, double[] c) {
        this.layout = layout;
        this.size = (int) layout.size();
        this.h = h;
        this.c = c;
    }

    record Pass(Batch batch, double[] output) implements Forward {
    }

    /** @return one dummy sample with P outputs */
    Batch batch() {
        return new Batch(Shape.of(1), 1, new double[1], size, new double[size], null);
    }

    /** @return F(w) evaluated directly */
    double value(Params w) {
        double[] r = flat(w);
        for (int i = 0; i < size; i++) {
            r[i] -= c[i];
        }
        double[] hr = times(r);
        double s = 0;
        for (int i = 0; i < size; i++) {
            s += r[i] * hr[i];
        }
        return 0.5 * s;
    }

    double[] times(double[] x) {
        double[] y = new double[size];
        for (int i = 0; i < size; i++) {
            double s = 0;
            for (int j = 0; j < size; j++) {
                s += h[i * size + j] * x[j];
            }
            y[i] = s;
        }
        return y;
    }

    double[] flat(Params p) {
        double[] x = new double[size];
        int k = 0;
        for (int b = 0; b < layout.count(); b++) {
            double[] v = p.block(b);
            System.arraycopy(v, 0, x, k, v.length);
            k += v.length;
        }
        return x;
    }

    void unflat(double[] x, Params into) {
        int k = 0;
        for (int b = 0; b < layout.count(); b++) {
            double[] v = into.block(b);
            System.arraycopy(x, k, v, 0, v.length);
            k += v.length;
        }
    }

    /**
     * @param trainable which blocks are trained, in order; the rest are
     * @return a snapshot of a run on this objective: its oracle gives exact Hessian-vector products
     *     (zero on frozen blocks, counted) and refuses losses and gradients, which the analyzers must
     *     not spend; the analyzer's random stream is seeded {@link #SEED}
     */
    FakeSnapshot snapshot(Params current, Params initial, Config config, boolean... trainable) {
        FakeSnapshot s = new FakeSnapshot(current, initial, this, FakeSnapshot.trainingOnly(batch()), config);
        s.loss = b -> loss();
        s.random = RandomStream.of(SEED);
        s.trainable = i -> i >= trainable.length || trainable[i];
        s.gradientsRefused = true;
        return s;
    }

    /** @return the loss in the outputs */
    OutputLoss loss() {
        return new OutputLoss() {
            @Override
            public double evaluate(double[] f, double[] d) {
                double[] r = new double[size];
                for (int i = 0; i < size; i++) {
                    r[i] = f[i] - c[i];
                }
                double[] hr = times(r);
                double s = 0;
                for (int i = 0; i < size; i++) {
                    s += r[i] * hr[i];
                }
                if (d != null) {
                    System.arraycopy(hr, 0, d, 0, size);
                }
                return 0.5 * s;
            }

            @Override
            public void hessianVector(double[] f, double[] v, double[] out) {
                System.arraycopy(times(v), 0, out, 0, size);
            }
        };
    }

    @Override
    public Layout layout() {
        return layout;
    }

    @Override
    public Shape inputShape() {
        return Shape.of(1);
    }

    @Override
    public int outputSize() {
        return size;
    }

    @Override
    public Forward forward(Params params, Batch batch) {
        double[] out = new double[batch.n() * size];
        double[] x = flat(params);
        for (int i = 0; i < batch.n(); i++) {
            System.arraycopy(x, 0, out, i * size, size);
        }
        return new Pass(batch, out);
    }

    @Override
    public void backward(Forward forward, double[] dOutputs, Params gradient) {
        double[] g = new double[size];
        for (int i = 0; i < forward.batch().n(); i++) {
            for (int j = 0; j < size; j++) {
                g[j] += dOutputs[i * size + j];
            }
        }
        unflat(g, gradient);
    }

    @Override
    public void hessianVector(Params params, Batch batch, OutputLoss loss, Params direction, Params result) {
        double[] hv = new double[size];
        loss.hessianVector(forward(params, batch).output(), flat(direction), hv);
        unflat(hv, result);
    }
}
