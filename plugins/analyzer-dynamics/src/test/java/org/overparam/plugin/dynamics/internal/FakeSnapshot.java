package org.overparam.plugin.dynamics.internal;

import java.util.Map;
import org.overparam.api.Batch;
import org.overparam.api.ComponentKind;
import org.overparam.api.Config;
import org.overparam.api.Data;
import org.overparam.api.Forward;
import org.overparam.api.GradientOracle;
import org.overparam.api.Layout;
import org.overparam.api.Model;
import org.overparam.api.OutputLoss;
import org.overparam.api.Params;
import org.overparam.api.RandomStream;
import org.overparam.api.Scaling;
import org.overparam.api.Snapshot;
import org.overparam.api.State;

/**
 * A snapshot over a model, data and the squared loss {@code 1/2 sum (f - y)^2}; counts oracle calls.
 * Step, state, scaling and metric histories are fields a test sets.
 */
final class FakeSnapshot implements Snapshot {
    private final Params current;
    private final Params initial;
    private final Model model;
    private final Data data;
    private final Config config;
    int oracleLosses;
    long step = 10;
    State state = new State();
    Scaling scaling;
    final Map<String, double[][]> histories = new java.util.HashMap<>();
    double targetLoss;

    FakeSnapshot(Params current, Params initial, Model model, Data data, Config config) {
        this.current = current;
        this.initial = initial;
        this.model = model;
        this.data = data;
        this.config = config;
        this.scaling = Scaling.identity(model.layout());
    }

    static OutputLoss squared(Batch batch) {
        return new OutputLoss() {
            @Override
            public double evaluate(double[] f, double[] g) {
                double s = 0;
                for (int i = 0; i < f.length; i++) {
                    double r = f[i] - batch.targets()[i];
                    s += 0.5 * r * r;
                    if (g != null) {
                        g[i] = r;
                    }
                }
                return s;
            }

            @Override
            public void hessianVector(double[] f, double[] v, double[] out) {
                System.arraycopy(v, 0, out, 0, v.length);
            }
        };
    }

    @Override
    public long step() {
        return step;
    }

    @Override
    public boolean isFinal() {
        return false;
    }

    @Override
    public Params params() {
        return current.copy();
    }

    @Override
    public Params initial() {
        return initial;
    }

    @Override
    public Model model() {
        return model;
    }

    @Override
    public Data data() {
        return data;
    }

    @Override
    public OutputLoss loss(Batch batch) {
        return squared(batch);
    }

    @Override
    public GradientOracle oracle() {
        return new GradientOracle() {
            @Override
            public int sampleCount() {
                return data.train().n();
            }

            @Override
            public Layout layout() {
                return model.layout();
            }

            @Override
            public double loss(Params at, int[] rows) {
                oracleLosses++;
                Batch b = rows == null ? data.train() : data.train().select(rows);
                return squared(b).evaluate(model.forward(at, b).output(), null);
            }

            @Override
            public double gradient(Params at, int[] rows, Params gradient) {
                Batch b = rows == null ? data.train() : data.train().select(rows);
                Forward f = model.forward(at, b);
                double[] d = new double[f.output().length];
                double l = squared(b).evaluate(f.output(), d);
                model.backward(f, d, gradient);
                return l;
            }

            @Override
            public void hessianVector(Params at, int[] rows, Params direction, Params result) {
                model.hessianVector(at, rows == null ? data.train() : data.train().select(rows),
                        squared(data.train()), direction, result);
            }

            @Override
            public boolean trainable(int block) {
                return true;
            }

            @Override
            public long sampleGradients() {
                return 0;
            }
        };
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public Config componentConfig(ComponentKind kind) {
        return Config.empty();
    }

    @Override
    public String componentName(ComponentKind kind) {
        return null;
    }

    @Override
    public Scaling scaling() {
        return scaling;
    }

    @Override
    public RandomStream random() {
        return RandomStream.of(0);
    }

    @Override
    public State state() {
        return state;
    }

    @Override
    public Map<String, Double> latestMetrics() {
        return Map.of();
    }

    @Override
    public double[][] history(String metric) {
        return histories.getOrDefault(metric, new double[][] {new double[0], new double[0]});
    }

    @Override
    public double targetLoss() {
        return targetLoss;
    }
}
