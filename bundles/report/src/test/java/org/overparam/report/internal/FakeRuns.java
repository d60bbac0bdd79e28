package org.overparam.report.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/** Runs in memory with known curves, for the reproduction checks' tests. */
final class FakeRuns {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FakeRuns() {
    }

    /**
     * @param name the spec's name (the check's id)
     * @param seed the seed
     * @param spec the spec as nested maps
     * @param steps the last step (a value is recorded at every step)
     * @param curves each metric as a function of the step
     * @return the run, COMPLETED
     */
    static RunData run(String name, long seed, Map<String, Object> spec, int steps, Map<String, DoubleUnaryOperator> curves) {
        Map<String, Object> s = new LinkedHashMap<>(spec);
        s.put("name", name);
        s.put("seed", seed);
        Map<String, Curve> metrics = new LinkedHashMap<>();
        curves.forEach((metric, f) -> {
            long[] t = new long[steps + 1];
            double[] v = new double[steps + 1];
            for (int i = 0; i <= steps; i++) {
                t[i] = i;
                v[i] = f.applyAsDouble(i);
            }
            metrics.put(metric, new Curve(metric, t, v));
        });
        JsonNode result = JSON.valueToTree(Map.of("id", name + "-" + seed + "-" + spec.hashCode(), "status", "COMPLETED",
                "steps", steps, "timings", Map.of("total_seconds", 2.0)));
        return new RunData(Path.of("runs", name + "-" + seed + "-" + Integer.toHexString(spec.hashCode())), "",
                JSON.valueToTree(s), result, JSON.missingNode(), List.of(), Metrics.of(metrics), List.of());
    }

    /**
     * @param name the spec's name
     * @param seed the seed
     * @param spec the spec
     * @param metric one metric
     * @param value its value at every one of 10 steps
     * @return the run
     */
    static RunData constant(String name, long seed, Map<String, Object> spec, String metric, double value) {
        return run(name, seed, spec, 10, Map.of(metric, t -> value));
    }

    /**
     * @param text a test line after {@code test:}
     * @return it parsed
     */
    static CheckTest test(String text) {
        return CheckTest.parse(text, "check.yaml:1");
    }
}
