package org.overparam.plugin.gated.internal;

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
import org.overparam.api.Task;

/**
 * A snapshot of a run of a given architecture with raw params, scaling and training data: what
 * {@code gated-convert} reads. Everything else is refused.
 */
final class ConvertSnapshot implements Snapshot {
    private final String architecture;
    private final Config architectureConfig;
    private final Params params;
    private final Scaling scaling;
    private final Batch train;
    private final Config config;

    ConvertSnapshot(String architecture, Config architectureConfig, Params params, Scaling scaling, Batch train,
                    Config config) {
        this.architecture = architecture;
        this.architectureConfig = architectureConfig;
        this.params = params;
        this.scaling = scaling;
        this.train = train;
        this.config = config;
    }

    @Override
    public long step() {
        return 40;
    }

    @Override
    public boolean isFinal() {
        return false;
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
        throw new UnsupportedOperationException();
    }

    @Override
    public Data data() {
        return new Data(train, train.head(0), Task.REGRESSION, Map.of(), "test data");
    }

    @Override
    public OutputLoss loss(Batch batch) {
        throw new UnsupportedOperationException();
    }

    @Override
    public GradientOracle oracle() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public Config componentConfig(ComponentKind kind) {
        return kind == ComponentKind.ARCHITECTURE ? architectureConfig : Config.empty();
    }

    @Override
    public String componentName(ComponentKind kind) {
        return kind == ComponentKind.ARCHITECTURE ? architecture : null;
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
