package org.overparam.report.internal;

import java.util.List;

/**
 * The runs of a sweep that share everything but the seed: one width (from {@code architecture.width})
 * on one line of the sweep (the values of the other keys that vary, e.g. {@code architecture.depth=3};
 * empty when only width and seed vary).
 *
 * @param line the other varying keys and values, e.g. {@code architecture.depth=3}; may be empty
 * @param width the architecture's width, NaN when the spec has none
 * @param runs the runs, by seed
 */
record SweepPoint(String line, double width, List<RunData> runs) {
    /** Copies the list. */
    SweepPoint {
        runs = List.copyOf(runs);
    }

    /** @return the runs that converged or completed: the ones aggregated */
    List<RunData> finished() {
        return runs.stream().filter(RunData::finished).toList();
    }

    /**
     * @param metric a scalar metric
     * @return its final value over the finished runs, aggregated
     */
    SeedStats stats(String metric) {
        List<RunData> done = finished();
        double[] v = new double[done.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = done.get(i).finals().getOrDefault(metric, Double.NaN);
        }
        return SeedStats.of(v);
    }

    /**
     * @param metric a scalar metric
     * @param transform applied to each run's final value, e.g. {@code r -> 1 - r}
     * @return the transformed final values of the finished runs, by seed
     */
    double[] finals(String metric, java.util.function.DoubleUnaryOperator transform) {
        List<RunData> done = finished();
        double[] v = new double[done.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = transform.applyAsDouble(done.get(i).finals().getOrDefault(metric, Double.NaN));
        }
        return v;
    }

    /** @return e.g. {@code width=256} or {@code architecture.depth=3, width=256} */
    String label() {
        String w = Double.isNaN(width) ? "" : "width=" + Format.number(width);
        return line.isEmpty() ? w : w.isEmpty() ? line : line + ", " + w;
    }
}
