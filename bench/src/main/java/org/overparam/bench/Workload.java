package org.overparam.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.overparam.linalg.Elementwise;
import org.overparam.linalg.Linalg;

/**
 * The shared inputs of the end-to-end benchmark, made once by the Java side and read by the Python
 * side: a fully connected ReLU net's data and weights (n samples of dimension d, L hidden layers of
 * width m, one output) and a 2000 x 2000 Gram matrix.
 *
 * <p>Inputs {@code X [n, d]} with N(0, 1/d) entries, targets {@code y [n, 1]} N(0, 1), weights in
 * PyTorch's {@code [out, in]} layout with He initialization N(0, 2/in) for hidden layers and
 * N(0, 1/m) for the output. The Gram matrix is the conjugate kernel of one random ReLU layer,
 * {@code K = relu(X_e W^T) relu(X_e W^T)^T / m} on {@code X_e [2000, d]}: symmetric PSD with a
 * dominant top eigenvalue and a decaying tail, like an NTK Gram.
 */
final class Workload {
    static final int N = 1024;
    static final int D = 784;
    static final int M = 2048;
    static final int L = 3;
    static final int GRAM = 2000;
    static final double LR = 1e-3;

    private Workload() {
    }

    /** @return the weight blocks' shapes, [out, in], in layer order (W1 .. WL, W_out) */
    static int[][] weightShapes() {
        int[][] s = new int[L + 1][];
        for (int l = 0; l <= L; l++) {
            s[l] = new int[] {l == L ? 1 : M, l == 0 ? D : M};
        }
        return s;
    }

    /** @return the flops of one GD step: forward, weight gradients, and input gradients of layers 2.. */
    static double stepFlops() {
        double sum = 0;
        for (int[] s : weightShapes()) {
            sum += (double) s[0] * s[1];
        }
        return 2.0 * N * (3 * sum - (double) M * D);
    }

    /** Writes X, y, W1..WL, W_out and K into {@code dir}. */
    static void write(Path dir, long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        Npy.write(dir.resolve("X.npy"), gaussian(r, N * D, 1.0 / Math.sqrt(D)), N, D);
        Npy.write(dir.resolve("y.npy"), gaussian(r, N, 1.0), N, 1);
        int[][] shapes = weightShapes();
        for (int l = 0; l <= L; l++) {
            double std = l == L ? 1.0 / Math.sqrt(M) : Math.sqrt(2.0 / shapes[l][1]);
            Npy.write(dir.resolve("W" + (l + 1) + ".npy"), gaussian(r, shapes[l][0] * shapes[l][1], std), shapes[l]);
        }
        double[] xe = gaussian(r, GRAM * D, 1.0 / Math.sqrt(D));
        double[] w = gaussian(r, M * D, Math.sqrt(2.0));
        double[] phi = new double[GRAM * M];
        Linalg.gemm(false, true, GRAM, M, D, 1.0, xe, w, 0.0, phi);
        Elementwise.relu(phi.length, phi, phi);
        double[] k = new double[GRAM * GRAM];
        Linalg.syrk(false, GRAM, M, 1.0 / M, phi, 0.0, k);
        Npy.write(dir.resolve("K.npy"), k, GRAM, GRAM);
    }

    private static double[] gaussian(SplittableRandom r, int n, double std) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = std * Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
        }
        return x;
    }
}
