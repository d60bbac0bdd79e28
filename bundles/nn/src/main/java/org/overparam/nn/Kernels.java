package org.overparam.nn;

import java.util.Objects;
import org.overparam.api.Shape;
import org.overparam.linalg.Linalg;

/**
 * The infinite-width kernels of one layer's activations on {@code n} samples: the NNGP covariance
 * {@code K} and the NTK {@code Theta} of one channel (channels are i.i.d. in the limit), for every
 * pair of samples and spatial positions. With {@code P = spatial.size()} positions (1 for
 * vectors), both are {@code nP x nP} row-major with row {@code i P + p} for sample i at position p
 * (Lee et al. 2018, arXiv 1711.00165; Novak et al. 2019, arXiv 1810.05148 for the positions).
 *
 * @param n the number of samples
 * @param spatial the spatial shape ({@code [h, w]}, {@code [l]}, or rank 0 for vectors)
 * @param nngp {@code nP x nP} NNGP covariance
 * @param ntk {@code nP x nP} neural tangent kernel
 */
public record Kernels(int n, Shape spatial, double[] nngp, double[] ntk) {
    /** Checks the sizes. */
    public Kernels {
        Objects.requireNonNull(spatial, "spatial");
        long side = (long) n * spatial.size();
        if (nngp.length != side * side || ntk.length != side * side) {
            throw new IllegalArgumentException("kernels of " + n + " samples at " + spatial.size()
                    + " positions need " + side * side + " values, got " + nngp.length + " and " + ntk.length);
        }
    }

    /**
     * The kernels of a network's inputs: {@code K = x . x' / c} (the mean over the {@code c}
     * channels of one position pair) and {@code Theta = 0} (inputs have no parameters).
     *
     * @param inputShape one sample's shape, {@code [c]} or {@code [c, spatial...]}
     * @param n the number of samples
     * @param x {@code n x inputShape} values; not modified
     * @return the input kernels
     */
    public static Kernels ofInputs(Shape inputShape, int n, double[] x) {
        int[] dims = inputShape.dims();
        int c = dims[0];
        Shape spatial = Shape.of(java.util.Arrays.copyOfRange(dims, 1, dims.length));
        int p = spatial.size();
        int side = n * p;
        double[] rows = new double[side * c];
        for (int i = 0; i < n; i++) {
            for (int ch = 0; ch < c; ch++) {
                for (int q = 0; q < p; q++) {
                    rows[(i * p + q) * c + ch] = x[(i * c + ch) * p + q];
                }
            }
        }
        double[] k = new double[side * side];
        Linalg.gemm(false, true, side, side, c, 1.0 / c, rows, 0, c, rows, 0, c, 0.0, k, 0, side);
        return new Kernels(n, spatial, k, new double[side * side]);
    }

    /** @return the number of positions P */
    public int positions() {
        return spatial.size();
    }

    /** @return {@code nP}, the side of the matrices */
    public int side() {
        return n * spatial.size();
    }

    /**
     * @param i a sample
     * @param j a sample
     * @return {@code K(x_i, x_j)} for vectors (P = 1)
     */
    public double nngp(int i, int j) {
        return nngp[i * side() + j];
    }

    /**
     * @param i a sample
     * @param j a sample
     * @return {@code Theta(x_i, x_j)} for vectors (P = 1)
     */
    public double ntk(int i, int j) {
        return ntk[i * side() + j];
    }
}
