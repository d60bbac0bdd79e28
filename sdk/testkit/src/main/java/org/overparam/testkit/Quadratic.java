package org.overparam.testkit;

import java.util.List;
import org.overparam.api.BlockRole;
import org.overparam.api.BlockSpec;
import org.overparam.api.GradientOracle;
import org.overparam.api.Layout;
import org.overparam.api.Params;
import org.overparam.api.Shape;

/**
 * A fake oracle for {@code F(w) = 1/2 w^T A w - b^T w} in one block {@code w}: gradient
 * {@code A w - b}, Hessian A. Sums run in index order, so dyadic inputs give exact results.
 */
public final class Quadratic implements GradientOracle {
    private final double[][] a;
    private final double[] b;
    private final Layout layout;
    private long gradients;

    public Quadratic(double[][] a, double[] b) {
        this.a = a;
        this.b = b;
        this.layout = new Layout(List.of(BlockSpec.of("w", Shape.of(b.length), BlockRole.HIDDEN, b.length)));
    }

    public Params point(double... w) {
        return Params.wrap(layout, new double[][] {w.clone()});
    }

    @Override
    public int sampleCount() {
        return 1;
    }

    @Override
    public Layout layout() {
        return layout;
    }

    @Override
    public double loss(Params at, int[] rows) {
        double[] w = at.block(0);
        double[] aw = times(w);
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            s += 0.5 * w[i] * aw[i] - b[i] * w[i];
        }
        return s;
    }

    @Override
    public double gradient(Params at, int[] rows, Params gradient) {
        gradients++;
        double[] aw = times(at.block(0));
        for (int i = 0; i < aw.length; i++) {
            gradient.block(0)[i] = aw[i] - b[i];
        }
        return loss(at, rows);
    }

    @Override
    public void hessianVector(Params at, int[] rows, Params direction, Params result) {
        System.arraycopy(times(direction.block(0)), 0, result.block(0), 0, b.length);
    }

    @Override
    public boolean trainable(int block) {
        return true;
    }

    @Override
    public long sampleGradients() {
        return gradients;
    }

    private double[] times(double[] w) {
        double[] r = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j < w.length; j++) {
                r[i] += a[i][j] * w[j];
            }
        }
        return r;
    }
}
