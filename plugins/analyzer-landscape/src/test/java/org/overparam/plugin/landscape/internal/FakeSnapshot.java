package org.overparam.plugin.landscape.internal;

import java.util.Arrays;
import java.util.Map;
import org.overparam.api.Batch;
import org.overparam.api.ComponentKind;
import org.overparam.api.Config;
import org.overparam.api.Data;
import org.overparam.api.GradientOracle;
import org.overparam.api.Layout;
import org.overparam.api.Model;
import org.overparam.api.OutputLoss;
import org.overparam.api.Params;
import org.overparam.api.RandomStream;
import org.overparam.api.Scaling;
import org.overparam.api.Snapshot;
import org.overparam.api.State;
import org.overparam.api.Task;

/**
 * A snapshot of a run whose training loss is a {@link Quadratic}; its oracle zeroes frozen blocks
 * as the engine's does and counts Hessian-vector products. The random stream is kept across calls.
 */
final class FakeSnapshot implements Snapshot {
    static final long SEED = 42;
    private final Params current;
    private final Params initial;
    private final Quadratic model;
    private final Data data;
    private final Config config;
    private final boolean[] trainable;
    private final RandomStream random = RandomStream.of(SEED);
    int products;

    FakeSnapshot(Quadratic model, Params current, Params initial, Config config, boolean... trainable) {
        this.model = model;
        this.current = current;
        this.initial = initial;
        this.config = config;
        Batch b = model.batch();
        this.data = new Data(b, b.head(0), Task.REGRESSION, Map.of(), "quadratic");
        this.trainable = new boolean[model.layout().count()];
        Arrays.fill(this.trainable, true);
        for (int i = 0; i < trainable.length; i++) {
            this.trainable[i] = trainable[i];
        }
    }

    @Override
    public long step() {
        return 5;
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
        return model.loss();
    }

    @Override
    public GradientOracle oracle() {
        return new GradientOracle() {
            @Override
            public int sampleCount() {
                return 1;
            }

            @Override
            public Layout layout() {
                return model.layout();
            }

            @Override
            public double loss(Params at, int[] rows) {
                throw new AssertionError("the analyzers evaluate losses through the model");
            }

            @Override
            public double gradient(Params at, int[] rows, Params gradient) {
                throw new AssertionError("the analyzers must not spend the run's gradient evaluations");
            }

            @Override
            public void hessianVector(Params at, int[] rows, Params direction, Params result) {
                Params v = direction.copy();
                zeroFrozen(v);
                model.hessianVector(at, data.train(), model.loss(), v, result);
                zeroFrozen(result);
                products++;
            }

            @Override
            public boolean trainable(int block) {
                return trainable[block];
            }

            @Override
            public long sampleGradients() {
                return 0;
            }
        };
    }

    private void zeroFrozen(Params p) {
        for (int b = 0; b < trainable.length; b++) {
            if (!trainable[b]) {
                Arrays.fill(p.block(b), 0.0);
            }
        }
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
        return Scaling.identity(model.layout());
    }

    @Override
    public RandomStream random() {
        return random;
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
