package ${package}.internal;

import java.util.HashMap;
import java.util.Map;
import org.overparam.api.Config;
import org.overparam.api.GradientOracle;
import org.overparam.api.Params;
import org.overparam.api.RandomStream;
import org.overparam.api.State;
import org.overparam.api.StepContext;

/** What the engine hands an optimizer for one step, over a fake oracle; records what the step reports. */
final class FakeStepContext implements StepContext {
    private final Params params;
    private final Params initial;
    private final GradientOracle oracle;
    private final Config config;
    private final State state = new State();
    private final RandomStream random = RandomStream.of(1);
    private final Map<String, Double> reports = new HashMap<>();
    long step;
    double schedule = 1.0;

    FakeStepContext(Params params, GradientOracle oracle, Config config) {
        this.params = params;
        this.initial = params.copy();
        this.oracle = oracle;
        this.config = config;
    }

    Map<String, Double> reports() {
        return reports;
    }

    @Override
    public long step() {
        return step;
    }

    @Override
    public long totalSteps() {
        return 1000;
    }

    @Override
    public Params params() {
        return params;
    }

    @Override
    public Params initial() {
        return initial;
    }

    @Override
    public GradientOracle oracle() {
        return oracle;
    }

    @Override
    public State state() {
        return state;
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public double schedule() {
        return schedule;
    }

    @Override
    public RandomStream random() {
        return random;
    }

    @Override
    public Map<String, Double> latestMetrics() {
        return Map.of();
    }

    @Override
    public void project(Params point) {
    }

    @Override
    public boolean constrained() {
        return false;
    }

    @Override
    public void report(String metric, double value) {
        reports.put(metric, value);
    }
}
