package org.overparam.testkit;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
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
import org.overparam.api.Task;

/**
 * What an analyzer sees, without the engine: a snapshot over a model, its data and a loss (by default
 * the squared loss {@code 1/2 sum (f - y)^2}), whose fields a test sets. Like the engine's, the state
 * and the random stream persist across calls, {@link #params()} is a copy, and the oracle works on
 * the training batch through the model's backward pass and Hessian-vector product, giving zeros on
 * the blocks {@link #trainable} freezes; it counts its calls. A component the test leaves out
 * ({@code null}: model, data, loss, oracle) fails the analyzer that asks for it.
 */
public final class FakeSnapshot implements Snapshot {
    /** The current point; {@link #params()} returns a copy. */
    public Params current;
    /** The initial point. */
    public Params initial;
    /** The network; null when the analyzer must not need it. */
    public Model model;
    /** The run's data; null when the analyzer must not need it. */
    public Data data;
    /** The analyzer's parameters. */
    public Config config;
    /** The run's parameterization; the identity of the current point's layout by default. */
    public Scaling scaling;
    /** The step index. */
    public long step;
    /** Whether this is the run's last analysis. */
    public boolean isFinal;
    /** The run's stop target ({@code stop.targetLoss}), 0 for none. */
    public double targetLoss;
    /** The analyzer's state, kept across calls. */
    public State state = new State();
    /** The analyzer's random stream, kept across calls. */
    public RandomStream random = RandomStream.of(0);
    /** The run's loss for a batch: by default the squared loss on the batch's targets. */
    public Function<Batch, OutputLoss> loss = batch -> TestLosses.squared(batch.targets());
    /** Which blocks the oracle trains. */
    public IntPredicate trainable = block -> true;
    /** Whether the oracle's loss and gradient fail the test: the analyzer must not spend the run's evaluations. */
    public boolean gradientsRefused;
    /** The oracle; by default {@link #modelOracle()}, null when the analyzer must not use it. */
    public GradientOracle oracle;
    /** Other components' names, by kind; null when absent. */
    public final Map<ComponentKind, String> names = new EnumMap<>(ComponentKind.class);
    /** Other components' configs, by kind; empty when absent. */
    public final Map<ComponentKind, Config> configs = new EnumMap<>(ComponentKind.class);
    /** Metric histories {@code [steps, values]} by full name; {@link #latestMetrics()} gives their last values. */
    public final Map<String, double[][]> histories = new HashMap<>();
    /** How often the oracle evaluated the loss. */
    public int losses;
    /** How often the oracle evaluated the gradient. */
    public int gradients;
    /** How many Hessian-vector products the oracle computed. */
    public int products;

    /**
     * A snapshot at its own initial point (a copy of {@code current}).
     *
     * @param current the current point
     * @param model the network, or null
     * @param data the data, or null
     * @param config the analyzer's parameters
     */
    public FakeSnapshot(Params current, Model model, Data data, Config config) {
        this(current, current.copy(), model, data, config);
    }

    /**
     * @param current the current point
     * @param initial the initial point
     * @param model the network, or null
     * @param data the data, or null
     * @param config the analyzer's parameters
     */
    public FakeSnapshot(Params current, Params initial, Model model, Data data, Config config) {
        this.current = current;
        this.initial = initial;
        this.model = model;
        this.data = data;
        this.config = config;
        this.scaling = Scaling.identity(current.layout());
        this.oracle = model == null || data == null ? null : modelOracle();
    }

    /**
     * @param train a training batch
     * @return data of that batch and an empty test set, for regression
     */
    public static Data trainingOnly(Batch train) {
        return new Data(train, train.head(0), Task.REGRESSION, Map.of(), "test data");
    }

    /**
     * @return the oracle of {@link #loss} on the training batch (or the selected rows): the model's
     *     forward and backward pass, its Hessian-vector product; frozen blocks get zeros
     */
    public GradientOracle modelOracle() {
        return new GradientOracle() {
            @Override
            public int sampleCount() {
                return data().train().n();
            }

            @Override
            public Layout layout() {
                return model().layout();
            }

            @Override
            public double loss(Params at, int[] rows) {
                refuseIfAsked();
                losses++;
                Batch b = rows(rows);
                return FakeSnapshot.this.loss(b).evaluate(model().forward(at, b).output(), null);
            }

            @Override
            public double gradient(Params at, int[] rows, Params gradient) {
                refuseIfAsked();
                gradients++;
                Batch b = rows(rows);
                Forward f = model().forward(at, b);
                double[] d = new double[f.output().length];
                double l = FakeSnapshot.this.loss(b).evaluate(f.output(), d);
                model().backward(f, d, gradient);
                zeroFrozen(gradient);
                return l;
            }

            @Override
            public void hessianVector(Params at, int[] rows, Params direction, Params result) {
                products++;
                Params v = direction;
                if (anyFrozen(direction)) {
                    v = direction.copy();
                    zeroFrozen(v);
                }
                Batch b = rows(rows);
                model().hessianVector(at, b, FakeSnapshot.this.loss(b), v, result);
                zeroFrozen(result);
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

    private void refuseIfAsked() {
        if (gradientsRefused) {
            throw new AssertionError("the analyzer must not spend the run's loss and gradient evaluations");
        }
    }

    private Batch rows(int[] rows) {
        return rows == null ? data().train() : data().train().select(rows);
    }

    private boolean anyFrozen(Params p) {
        for (int b = 0; b < p.layout().count(); b++) {
            if (!trainable.test(b)) {
                return true;
            }
        }
        return false;
    }

    private void zeroFrozen(Params p) {
        for (int b = 0; b < p.layout().count(); b++) {
            if (!trainable.test(b)) {
                Arrays.fill(p.block(b), 0.0);
            }
        }
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
        return Objects.requireNonNull(model, "the test gave the snapshot no model");
    }

    @Override
    public Data data() {
        return Objects.requireNonNull(data, "the test gave the snapshot no data");
    }

    @Override
    public OutputLoss loss(Batch batch) {
        return Objects.requireNonNull(loss, "the test gave the snapshot no loss").apply(batch);
    }

    @Override
    public GradientOracle oracle() {
        return Objects.requireNonNull(oracle, "the test gave the snapshot no oracle");
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
        return random;
    }

    @Override
    public State state() {
        return state;
    }

    @Override
    public Map<String, Double> latestMetrics() {
        Map<String, Double> m = new HashMap<>();
        histories.forEach((name, h) -> {
            if (h[1].length > 0) {
                m.put(name, h[1][h[1].length - 1]);
            }
        });
        return m;
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
