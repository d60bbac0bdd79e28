package org.overparam.bench;

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
import org.overparam.api.Task;

/**
 * What an analyzer sees in a run, without the engine: a model, its training batch, the squared loss
 * {@code 1/2 sum (f - y)^2}, and a {@link GradientOracle} that (like the engine's, with every block
 * trained) evaluates the loss, its gradient by the model's backward pass and its Hessian-vector
 * product by {@link Model#hessianVector}, the fc plugin's exact R-operator. Lets the Hessian benchmark
 * time the real {@code hessian} analyzer on the real {@code fc} model.
 */
final class BenchSnapshot implements Snapshot {
    private final Model model;
    private final Data data;
    private final Params point;
    private final Config config;
    private final RandomStream random;

    /**
     * @param model the network
     * @param train its training batch
     * @param point the point analyzed (kept, not copied)
     * @param config the analyzer's parameters
     * @param seed the analyzer's stream's seed
     */
    BenchSnapshot(Model model, Batch train, Params point, Config config, long seed) {
        this.model = model;
        this.data = new Data(train, train.head(0), Task.REGRESSION, Map.of(), "benchmark");
        this.point = point;
        this.config = config;
        this.random = RandomStream.of(seed);
    }

    /**
     * @param batch samples
     * @return the squared loss on their targets
     */
    static OutputLoss squared(Batch batch) {
        return new OutputLoss() {
            @Override
            public double evaluate(double[] f, double[] d) {
                double s = 0;
                for (int i = 0; i < f.length; i++) {
                    double r = f[i] - batch.targets()[i];
                    s += 0.5 * r * r;
                    if (d != null) {
                        d[i] = r;
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
    public GradientOracle oracle() {
        Batch train = data.train();
        return new GradientOracle() {
            @Override
            public int sampleCount() {
                return train.n();
            }

            @Override
            public Layout layout() {
                return model.layout();
            }

            @Override
            public double loss(Params at, int[] rows) {
                Batch b = rows == null ? train : train.select(rows);
                return squared(b).evaluate(model.forward(at, b).output(), null);
            }

            @Override
            public double gradient(Params at, int[] rows, Params gradient) {
                Batch b = rows == null ? train : train.select(rows);
                Forward f = model.forward(at, b);
                double[] d = new double[f.output().length];
                double value = squared(b).evaluate(f.output(), d);
                model.backward(f, d, gradient);
                return value;
            }

            @Override
            public void hessianVector(Params at, int[] rows, Params direction, Params result) {
                Batch b = rows == null ? train : train.select(rows);
                model.hessianVector(at, b, squared(b), direction, result);
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
    public long step() {
        return 0;
    }

    @Override
    public boolean isFinal() {
        return false;
    }

    @Override
    public Params params() {
        return point.copy();
    }

    @Override
    public Params initial() {
        return point;
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
