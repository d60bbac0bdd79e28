package org.overparam.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.SplittableRandom;
import org.overparam.linalg.DenseMap;
import org.overparam.linalg.Linalg;
import org.overparam.linalg.internal.Kernels;

/**
 * The products of one full-batch GD step of Caron et al.'s synthetic net (arXiv 2302.01002: n = 100
 * samples, d = 50 inputs, p = 2000 hidden nodes, one output), each timed alone through
 * {@link DenseMap} on the kernels this JVM chose ({@code -Doverparam.linalg=native|java}, with
 * {@code OPENBLAS_NUM_THREADS=1} and {@code -Doverparam.linalg.threads=1} for one core). The
 * products take turns within each round, so a load that comes and goes touches all of them; the
 * result per product is the median over rounds of the mean CPU time of this thread over a batch of
 * calls (CPU time, not wall time: on a loaded machine the time the thread waits for a core is left
 * out; the one thread does all the work when the kernels have one thread). The last line
 * is the outer product on the general gemm of the kernels, the path {@link Linalg#gemm} took for it
 * before it had its own loop.
 *
 * <p>Usage: {@code CaronShapes [rounds] [calls per batch]}; prints one line per product, ms per call
 * and GFLOP/s.
 */
public final class CaronShapes {
    private static final int N = 100;
    private static final int D = 50;
    private static final int P = 2000;

    private CaronShapes() {
    }

    private record Product(String name, long flops, Runnable body) {
    }

    /**
     * @param args rounds (default 30) and calls per batch (default 50)
     */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        SplittableRandom r = new SplittableRandom(15);
        double[] x = fill(r, N * D);
        double[] w1 = fill(r, P * D);
        double[] h = fill(r, N * P);
        double[] w2 = fill(r, P);
        double[] dy = fill(r, N);
        double[] dh = fill(r, N * P);
        double[] z = new double[N * P];
        double[] y = new double[N];
        double[] gw1 = new double[P * D];
        double[] gw2 = new double[P];
        double[] dx = new double[N * D];
        DenseMap layer1 = new DenseMap(D, P);
        DenseMap layer2 = new DenseMap(P, 1);
        Product[] products = {
            new Product("layer 1 forward      Z = X W1^T    m=100  n=2000 k=50", 2L * N * P * D,
                    () -> layer1.apply(N, w1, x, z, false)),
            new Product("layer 1 weight grad  dW1 = dH^T X  m=2000 n=50   k=100", 2L * N * P * D,
                    () -> layer1.weightGradient(N, x, dh, gw1, false)),
            new Product("layer 1 input grad   dX = dH W1    m=100  n=50   k=2000", 2L * N * P * D,
                    () -> layer1.inputGradient(N, w1, dh, dx, false)),
            new Product("layer 2 forward      y = H w2^T    m=100  n=1    k=2000", 2L * N * P,
                    () -> layer2.apply(N, w2, h, y, false)),
            new Product("layer 2 weight grad  dw2 = dy^T H  m=1    n=2000 k=100", 2L * N * P,
                    () -> layer2.weightGradient(N, h, dy, gw2, false)),
            new Product("layer 2 input grad   dH = dy w2    m=100  n=2000 k=1", 2L * N * P,
                    () -> layer2.inputGradient(N, w2, dy, dh, false)),
            new Product("  the same as a general gemm (k=1 through the kernels, C zeroed first)", 2L * N * P,
                    () -> Kernels.get().dgemm(false, false, N, P, 1, 1.0, dy, 0, 1, w2, 0, P, 0.0, dh, 0, P)),
        };
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        double[][] ms = new double[products.length][rounds];
        for (int round = -5; round < rounds; round++) {
            for (int i = 0; i < products.length; i++) {
                long t = cpu.getCurrentThreadCpuTime();
                for (int c = 0; c < calls; c++) {
                    products[i].body().run();
                }
                if (round >= 0) {
                    ms[i][round] = (cpu.getCurrentThreadCpuTime() - t) / 1e6 / calls;
                }
            }
        }
        System.out.println("kernels: " + Linalg.implementation());
        for (int i = 0; i < products.length; i++) {
            java.util.Arrays.sort(ms[i]);
            double m = Timer.median(ms[i]);
            System.out.printf(Locale.ROOT, "%s  %8.4f ms  %6.1f GFLOP/s%n", products[i].name(), m,
                    products[i].flops() / (m * 1e6));
        }
    }

    private static double[] fill(SplittableRandom r, int size) {
        double[] a = new double[size];
        for (int i = 0; i < size; i++) {
            a[i] = r.nextDouble() - 0.5;
        }
        return a;
    }
}
