package org.overparam.linalg;

/**
 * A dense layer {@code y = W x} with weights {@code [out, in]} (PyTorch's layout), one
 * {@link Linalg#gemm} per operation over the whole batch: {@code Y = X W^T},
 * {@code dW = dY^T X}, {@code dX = dY W}.
 *
 * @param in input values per sample
 * @param out output values per sample
 */
public record DenseMap(int in, int out) implements LinearMap {
    @Override
    public int inSize() {
        return in;
    }

    @Override
    public int outSize() {
        return out;
    }

    @Override
    public void apply(int n, double[] w, double[] x, double[] y, boolean add) {
        Linalg.gemm(false, true, n, out, in, 1.0, x, 0, in, w, 0, in, add ? 1.0 : 0.0, y, 0, out);
    }

    @Override
    public void weightGradient(int n, double[] x, double[] dy, double[] gw, boolean add) {
        Linalg.gemm(true, false, out, in, n, 1.0, dy, 0, out, x, 0, in, add ? 1.0 : 0.0, gw, 0, in);
    }

    @Override
    public void inputGradient(int n, double[] w, double[] dy, double[] dx, boolean add) {
        Linalg.gemm(false, false, n, in, out, 1.0, dy, 0, out, w, 0, in, add ? 1.0 : 0.0, dx, 0, in);
    }
}
