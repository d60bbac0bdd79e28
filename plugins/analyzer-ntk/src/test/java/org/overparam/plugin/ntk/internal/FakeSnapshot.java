package org.overparam.plugin.ntk.internal;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntPredicate;
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
 * A snapshot the tests drive by hand: the current point, step and final flag are fields; the state
 * persists across calls as the engine's does; the loss is the squared loss
 * {@code s sum (f - y)^2} with s from the LOSS config ({@code half}, {@code reduction}); the oracle
 * zeroes the gradient of frozen blocks.
 */
final class FakeSnapshot implements Snapshot {
    Params current;
    final Params initial;
    final Model model;
    final Data data;
    Config config;
    Scaling scaling;
    long step;
    boolean isFinal;
    IntPredicate trainable = i -> true;
    final State state = new State();
    final Map<ComponentKind, String> names = new EnumMap<>(ComponentKind.class);
    final Map<ComponentKind, Config> configs = new EnumMap<>(ComponentKind.class);
    final Map<String, double[][]> histories = new HashMap<>();

    FakeSnapshot(Params initial, Model model, Data data, Config config) {
        this.current = initial.copy();
        this.initial = initial;
        this.model = model;
        this.data = data;
        this.config = config;
        this.scaling = Scaling.identity(model.layout());
    }

    /** @return s of the configured squared loss */
    double lossScale(int n) {
        Config c = configs.getOrDefault(ComponentKind.LOSS, Config.empty());
        boolean half = !Boolean.FALSE.equals(c.get("half"));
        return (half ? 0.5 : 1.0) * ("mean".equals(c.get("reduction")) ? 1.0 / n : 1.0);
    }

    @Override
    public long step() {
        return step;
    }

    @Override
    public boolean isFinal() {
        return isFinal;
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
        double s = lossScale(batch.n());
        return new OutputLoss() {
            @Override
            public double evaluate(double[] f, double[] g) {
                double sum = 0;
                for (int i = 0; i < f.length; i++) {
                    double r = f[i] - batch.targets()[i];
                    sum += s * r * r;
                    if (g != null) {
                        g[i] = 2 * s * r;
                    }
                }
                return sum;
            }

            @Override
            public void hessianVector(double[] f, double[] v, double[] out) {
                for (int i = 0; i < v.length; i++) {
                    out[i] = 2 * s * v[i];
                }
            }
        };
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
                Batch b = rows == null ? data.train() : data.train().select(rows);
                return FakeSnapshot.this.loss(b).evaluate(model.forward(at, b).output(), null);
            }

            @Override
            public double gradient(Params at, int[] rows, Params gradient) {
                Batch b = rows == null ? data.train() : data.train().select(rows);
                Forward f = model.forward(at, b);
                double[] d = new double[f.output().length];
                double l = FakeSnapshot.this.loss(b).evaluate(f.output(), d);
                model.backward(f, d, gradient);
                for (int i = 0; i < gradient.layout().count(); i++) {
                    if (!trainable.test(i)) {
                        java.util.Arrays.fill(gradient.block(i), 0.0);
                    }
                }
                return l;
            }

            @Override
            public void hessianVector(Params at, int[] rows, Params direction, Params result) {
                throw new UnsupportedOperationException("not needed by these tests");
            }

            @Override
            public boolean trainable(int block) {
                return trainable.test(block);
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
        return configs.getOrDefault(kind, Config.empty());
    }

    @Override
    public String componentName(ComponentKind kind) {
        return names.get(kind);
    }

    @Override
    public Scaling scaling() {
        return scaling;
    }

    @Override
    public RandomStream random() {
        return RandomStream.of(42).derive("analyzer.test");
    }

    @Override
    public State state() {
        return state;
    }

    @Override
    public Map<String, Double> latestMetrics() {
        Map<String, Double> m = new HashMap<>();
        histories.forEach((k, v) -> {
            if (v[1].length > 0) {
                m.put(k, v[1][v[1].length - 1]);
            }
        });
        return m;
    }

    @Override
    public double[][] history(String metric) {
        return histories.getOrDefault(metric, new double[][] {new double[0], new double[0]});
    }
}
