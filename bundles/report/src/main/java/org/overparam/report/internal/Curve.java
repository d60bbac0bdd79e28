package org.overparam.report.internal;

/**
 * One scalar metric over a run: its values at the recorded steps, in recording order.
 *
 * @param name the metric, e.g. {@code train.loss} or {@code ntk.lambda_min}
 * @param steps the steps (iterations), non-decreasing
 * @param values the values, as many as {@code steps}; may hold NaN and infinities
 */
record Curve(String name, long[] steps, double[] values) {
    /** Checks the lengths. */
    Curve {
        if (steps.length != values.length) {
            throw new IllegalArgumentException(name + ": " + steps.length + " steps and " + values.length + " values");
        }
    }

    /** @return the number of points */
    int size() {
        return steps.length;
    }

    /** @return the last value, or NaN when empty */
    double last() {
        return values.length == 0 ? Double.NaN : values[values.length - 1];
    }

    /** @return the steps as doubles (chart abscissae) */
    double[] x() {
        double[] x = new double[steps.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = steps[i];
        }
        return x;
    }

    /** @return whether every value is finite and above zero (so it fits a log axis) */
    boolean allPositive() {
        for (double v : values) {
            if (!(v > 0) || Double.isInfinite(v)) {
                return false;
            }
        }
        return values.length > 0;
    }

    /** @return the points whose value is finite and above zero, for a log axis */
    Curve positive() {
        int n = 0;
        for (double v : values) {
            n += v > 0 && !Double.isInfinite(v) ? 1 : 0;
        }
        long[] s = new long[n];
        double[] y = new double[n];
        int k = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] > 0 && !Double.isInfinite(values[i])) {
                s[k] = steps[i];
                y[k++] = values[i];
            }
        }
        return new Curve(name, s, y);
    }

    /** @return the points whose value is finite */
    Curve finite() {
        int n = 0;
        for (double v : values) {
            n += Double.isFinite(v) ? 1 : 0;
        }
        long[] s = new long[n];
        double[] y = new double[n];
        int k = 0;
        for (int i = 0; i < values.length; i++) {
            if (Double.isFinite(values[i])) {
                s[k] = steps[i];
                y[k++] = values[i];
            }
        }
        return new Curve(name, s, y);
    }
}
