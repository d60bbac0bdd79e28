package org.overparam.plugin.pruning.internal;

import java.util.Map;
import org.overparam.api.Batch;
import org.overparam.api.ComponentKind;
import org.overparam.api.Config;
import org.overparam.api.Data;
import org.overparam.api.GradientOracle;
import org.overparam.api.Model;
import org.overparam.api.OutputLoss;
import org.overparam.api.Params;
import org.overparam.api.RandomStream;
import org.overparam.api.Scaling;
import org.overparam.api.Snapshot;
import org.overparam.api.State;

/** A snapshot over a model, data, a scaling and the squared loss {@code 1/2 sum (f - y)^2}; no oracle. */
final class FakeSnapshot implements Snapshot {
    final Params current;
    final Model model;
    final Data data;
    final Scaling scaling;
    final Config config;

    FakeSnapshot(Params current, Model model, Data data, Scaling scaling, Config config) {
        this.current = current;
        this.model = model;
        this.data = data;
        this.scaling = scaling;
        this.config = config;
    }

    static double squared(double[] f, double[] y) {
        double s = 0;
        for (int i = 0; i < f.length; i++) {
            s += 0.5 * (f[i] - y[i]) * (f[i] - y[i]);
        }
        return s;
    }

    @Override
    public long step() {
        return 100;
    }

    @Override
    public boolean isFinal() {
        return true;
    }

    @Override
    public Params params() {
        return current.copy();
    }

    @Override
    public Params initial() {
        return current;
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
        return new OutputLoss() {
            @Override
            public double evaluate(double[] f, double[] g) {
                if (g != null) {
                    throw new AssertionError("the analyzer needs no gradient");
                }
                return squared(f, batch.targets());
            }

            @Override
            public void hessianVector(double[] f, double[] v, double[] out) {
                System.arraycopy(v, 0, out, 0, v.length);
            }
        };
    }

    @Override
    public GradientOracle oracle() {
        throw new AssertionError("pruning does not use the oracle");
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
        return RandomStream.of(1);
    }

    @Override
    public State state() {
        return new State();
    }

    @Override
    public Map<String, Double> latestMetrics() {
        return Map.of();
    }

    @Override
    public double[][] history(String metric) {
        return new double[][] {new double[0], new double[0]};
    }
}
