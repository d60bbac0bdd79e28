package org.overparam.plugin.safetensors.internal;

import org.overparam.api.Batch;
import org.overparam.api.Forward;
import org.overparam.api.GradientOracle;
import org.overparam.api.Layout;
import org.overparam.api.Model;
import org.overparam.api.OutputLoss;
import org.overparam.api.Params;
import org.overparam.api.RandomStream;
import org.overparam.api.Shape;

/**
 * A smooth non-quadratic training loss over all parameters of a layout, with closed-form
 * derivatives: {@code L(theta) = (1/n) sum_i log cosh(a_i . theta - y_i)} over the flattened
 * parameters, so {@code grad = (1/n) sum_i tanh(r_i) a_i} and
 * {@code H v = (1/n) sum_i sech^2(r_i) (a_i . v) a_i}. Frozen blocks get zero gradient and
 * {@code H v}, as the run's oracle gives. The same function is also offered as a model
 * ({@link #model}: outputs {@code a_i . theta}, one per sample) and a loss in the outputs
 * ({@link #outputLoss}), the way a snapshot exposes them. Tests hold the analyzers' files against
 * finite differences of {@link #loss} and {@link #gradient}.
 */
final class LogCoshOracle implements GradientOracle {
    private final Layout layout;
    private final boolean[] trainable;
    private final double[][] a;
    private final double[] y;
    private long count;

    /**
     * @param layout the parameters
     * @param n samples
     * @param seed for a and y
     * @param frozen block positions to freeze
     */
    LogCoshOracle(Layout layout, int n, long seed, int... frozen) {
        this.layout = layout;
        this.trainable = new boolean[layout.count()];
        java.util.Arrays.fill(trainable, true);
        for (int f : frozen) {
            trainable[f] = false;
        }
        RandomStream r = RandomStream.of(seed);
        a = new double[n][Math.toIntExact(layout.size())];
        y = new double[n];
        for (int i = 0; i < n; i++) {
            r.fillGaussian(a[i], 0.5);
        }
        r.fillGaussian(y, 1.0);
    }

    private double[] flat(Params p) {
        double[] out = new double[Math.toIntExact(layout.size())];
        int k = 0;
        for (int b = 0; b < layout.count(); b++) {
            for (double v : p.block(b)) {
                out[k++] = v;
            }
        }
        return out;
    }

    private void unflat(double[] x, Params out) {
        int k = 0;
        for (int b = 0; b < layout.count(); b++) {
            double[] block = out.block(b);
            for (int j = 0; j < block.length; j++) {
                block[j] = trainable[b] ? x[k] : 0;
                k++;
            }
        }
    }

    private static double dot(double[] u, double[] v) {
        double s = 0;
        for (int j = 0; j < u.length; j++) {
            s += u[j] * v[j];
        }
        return s;
    }

    /** @return the model {@code f_i = a_i . theta}, reading only how many samples a batch has */
    Model model() {
        return new Model() {
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
                return 1;
            }

            @Override
            public Forward forward(Params params, Batch batch) {
                double[] t = flat(params);
                double[] f = new double[batch.n()];
                for (int i = 0; i < f.length; i++) {
                    f[i] = dot(a[i], t);
                }
                return new Forward() {
                    @Override
                    public Batch batch() {
                        return batch;
                    }

                    @Override
                    public double[] output() {
                        return f;
                    }
                };
            }

            @Override
            public void backward(Forward forward, double[] dOutputs, Params gradient) {
                double[] g = new double[Math.toIntExact(layout.size())];
                for (int i = 0; i < dOutputs.length; i++) {
                    for (int j = 0; j < g.length; j++) {
                        g[j] += dOutputs[i] * a[i][j];
                    }
                }
                int k = 0;
                for (int b = 0; b < layout.count(); b++) {
                    double[] block = gradient.block(b);
                    for (int j = 0; j < block.length; j++) {
                        block[j] = g[k++];
                    }
                }
            }
        };
    }

    /** @return {@code (1/n) sum_i log cosh(f_i - y_i)} in the outputs */
    OutputLoss outputLoss() {
        return new OutputLoss() {
            @Override
            public double evaluate(double[] f, double[] dOutputs) {
                double s = 0;
                for (int i = 0; i < f.length; i++) {
                    s += Math.log(Math.cosh(f[i] - y[i]));
                    if (dOutputs != null) {
                        dOutputs[i] = Math.tanh(f[i] - y[i]) / y.length;
                    }
                }
                return s / y.length;
            }

            @Override
            public void hessianVector(double[] f, double[] direction, double[] result) {
                throw new UnsupportedOperationException();
            }
        };
    }

    /** @return a batch of the n samples (inputs unused by {@link #model}) */
    Batch batch() {
        return new Batch(Shape.of(1), y.length, new double[y.length], 1, y.clone(), null);
    }

    @Override
    public int sampleCount() {
        return y.length;
    }

    @Override
    public Layout layout() {
        return layout;
    }

    @Override
    public double loss(Params at, int[] rows) {
        double[] t = flat(at);
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s += Math.log(Math.cosh(dot(a[i], t) - y[i]));
        }
        return s / y.length;
    }

    @Override
    public double gradient(Params at, int[] rows, Params gradient) {
        count += y.length;
        double[] t = flat(at);
        double[] g = new double[t.length];
        for (int i = 0; i < y.length; i++) {
            double w = Math.tanh(dot(a[i], t) - y[i]) / y.length;
            for (int j = 0; j < g.length; j++) {
                g[j] += w * a[i][j];
            }
        }
        unflat(g, gradient);
        return loss(at, rows);
    }

    @Override
    public void hessianVector(Params at, int[] rows, Params direction, Params result) {
        double[] t = flat(at);
        double[] v = flat(direction);
        double[] h = new double[t.length];
        for (int i = 0; i < y.length; i++) {
            double c = Math.cosh(dot(a[i], t) - y[i]);
            double w = dot(a[i], v) / (c * c) / y.length;
            for (int j = 0; j < h.length; j++) {
                h[j] += w * a[i][j];
            }
        }
        unflat(h, result);
    }

    @Override
    public boolean trainable(int block) {
        return trainable[block];
    }

    @Override
    public long sampleGradients() {
        return count;
    }
}
