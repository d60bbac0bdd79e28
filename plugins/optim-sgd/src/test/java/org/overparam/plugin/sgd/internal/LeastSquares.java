package org.overparam.plugin.sgd.internal;

import java.util.ArrayList;
import java.util.List;
import org.overparam.api.BlockRole;
import org.overparam.api.BlockSpec;
import org.overparam.api.GradientOracle;
import org.overparam.api.Layout;
import org.overparam.api.Params;
import org.overparam.api.Shape;

/**
 * A fake oracle for least squares over rows, {@code F_B(w) = s sum_{i in B} (x_i . w - y_i)^2} with
 * {@code s = 1/2} (sum) or {@code 1 / (2 |B|)} (mean); B all n rows when {@code rows} is null. Sums
 * run in row order. Records the rows of every gradient call.
 */
final class LeastSquares implements GradientOracle {
    private final double[][] x;
    private final double[] y;
    private final boolean mean;
    private final Layout layout;
    private long gradients;
    final List<int[]> calls = new ArrayList<>();

    LeastSquares(double[][] x, double[] y, boolean mean) {
        this.x = x;
        this.y = y;
        this.mean = mean;
        this.layout = new Layout(List.of(BlockSpec.of("w", Shape.of(x[0].length), BlockRole.HIDDEN, x[0].length)));
    }

    Params point(double... w) {
        return Params.wrap(layout, new double[][] {w.clone()});
    }

    @Override
    public int sampleCount() {
        return y.length;
    }

    @Override
    public Layout layout() {
        return layout;
    }

    @Override
    public double loss(Params at, int[] rows) {
        return gradient(at, rows, null, false);
    }

    @Override
    public double gradient(Params at, int[] rows, Params gradient) {
        gradients += rows == null ? y.length : rows.length;
        calls.add(rows == null ? null : rows.clone());
        return gradient(at, rows, gradient, true);
    }

    private double gradient(Params at, int[] rows, Params gradient, boolean wantGradient) {
        double[] w = at.block(0);
        int count = rows == null ? y.length : rows.length;
        double s = mean ? 0.5 / count : 0.5;
        double[] g = new double[w.length];
        double value = 0;
        for (int r = 0; r < count; r++) {
            int i = rows == null ? r : rows[r];
            double res = -y[i];
            for (int j = 0; j < w.length; j++) {
                res += x[i][j] * w[j];
            }
            value += s * res * res;
            for (int j = 0; j < w.length; j++) {
                g[j] += 2 * s * res * x[i][j];
            }
        }
        if (wantGradient) {
            System.arraycopy(g, 0, gradient.block(0), 0, g.length);
        }
        return value;
    }

    @Override
    public void hessianVector(Params at, int[] rows, Params direction, Params result) {
        throw new UnsupportedOperationException("not needed");
    }

    @Override
    public boolean trainable(int block) {
        return true;
    }

    @Override
    public long sampleGradients() {
        return gradients;
    }
}
