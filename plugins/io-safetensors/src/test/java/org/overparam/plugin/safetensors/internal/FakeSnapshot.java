package org.overparam.plugin.safetensors.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.overparam.api.Batch;
import org.overparam.api.ComponentKind;
import org.overparam.api.Config;
import org.overparam.api.Data;
import org.overparam.api.GradientOracle;
import org.overparam.api.MetricSink;
import org.overparam.api.Model;
import org.overparam.api.OutputLoss;
import org.overparam.api.Params;
import org.overparam.api.RandomStream;
import org.overparam.api.Scaling;
import org.overparam.api.Snapshot;
import org.overparam.api.State;

/** A snapshot with what save-weights, hvp and save-data read, and a sink that keeps artifacts and scalars. */
final class FakeSnapshot implements Snapshot {
    private final long step;
    private final boolean last;
    private final Params params;
    private final Scaling scaling;
    private final Config config;
    /** The oracle {@link #oracle()} gives, or {@code null}. */
    GradientOracle oracle;
    /** The data {@link #data()} gives, or {@code null}. */
    Data data;
    /** The stream {@link #random()} gives, or {@code null}. */
    RandomStream random;
    /** The model {@link #model()} gives, or {@code null}. */
    Model model;
    /** The loss {@link #loss} gives for any batch, or {@code null}. */
    OutputLoss loss;

    FakeSnapshot(long step, boolean last, Params params, Scaling scaling, Config config) {
        this.step = step;
        this.last = last;
        this.params = params;
        this.scaling = scaling;
        this.config = config;
    }

    /** Collects what an analyzer writes. */
    static final class Sink implements MetricSink {
        final Map<String, byte[]> artifacts = new LinkedHashMap<>();
        final Map<String, Double> scalars = new LinkedHashMap<>();

        @Override
        public void scalar(String name, double value) {
            scalars.put(name, value);
        }

        @Override
        public void series(String name, double[] x, double[] y) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void matrix(String name, int rows, int cols, double[] values) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void artifact(String fileName, byte[] content) {
            artifacts.put(fileName, content);
        }
    }

    @Override
    public long step() {
        return step;
    }

    @Override
    public boolean isFinal() {
        return last;
    }

    @Override
    public Params params() {
        return params.copy();
    }

    @Override
    public Params initial() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Model model() {
        return java.util.Objects.requireNonNull(model, "model");
    }

    @Override
    public Data data() {
        return java.util.Objects.requireNonNull(data, "data");
    }

    @Override
    public OutputLoss loss(Batch batch) {
        return java.util.Objects.requireNonNull(loss, "loss");
    }

    @Override
    public GradientOracle oracle() {
        return java.util.Objects.requireNonNull(oracle, "oracle");
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public Config componentConfig(ComponentKind kind) {
        return kind == ComponentKind.ARCHITECTURE ? Config.of(Map.of("width", 8L, "bias", true)) : Config.empty();
    }

    @Override
    public String componentName(ComponentKind kind) {
        return switch (kind) {
            case ARCHITECTURE -> "fc";
            case INITIALIZER -> "ntk";
            default -> null;
        };
    }

    @Override
    public Scaling scaling() {
        return scaling;
    }

    @Override
    public RandomStream random() {
        return java.util.Objects.requireNonNull(random, "random");
    }

    @Override
    public State state() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Map<String, Double> latestMetrics() {
        throw new UnsupportedOperationException();
    }

    @Override
    public double[][] history(String metric) {
        throw new UnsupportedOperationException();
    }
}
