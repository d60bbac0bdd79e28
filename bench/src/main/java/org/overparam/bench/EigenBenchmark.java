package org.overparam.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.overparam.linalg.Elementwise;
import org.overparam.linalg.Lanczos;
import org.overparam.linalg.LanczosResult;
import org.overparam.linalg.Linalg;
import org.overparam.linalg.SymmetricEigen;
import org.overparam.linalg.SymmetricOperator;

/**
 * Symmetric eigenvalues of a 2000 x 2000 Gram matrix (the conjugate kernel of a random ReLU
 * layer, as in {@link Workload}): all of them by LAPACK dsyevd, and the top 5 by Lanczos on the
 * matrix as an operator.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class EigenBenchmark {
    private static final int N = 2000;
    private static final int D = 784;
    private static final int M = 2048;
    private double[] k;

    /** Builds the Gram matrix from a fixed seed. */
    @Setup
    public void setup() {
        SplittableRandom r = new SplittableRandom(1);
        double[] x = new double[N * D];
        double[] w = new double[M * D];
        for (int i = 0; i < x.length; i++) {
            x[i] = (r.nextDouble() - 0.5) / Math.sqrt(D);
        }
        for (int i = 0; i < w.length; i++) {
            w[i] = r.nextDouble() - 0.5;
        }
        double[] phi = new double[N * M];
        Linalg.gemm(false, true, N, M, D, 1.0, x, w, 0.0, phi);
        Elementwise.relu(phi.length, phi, phi);
        k = new double[N * N];
        Linalg.syrk(false, N, M, 1.0 / M, phi, 0.0, k);
    }

    /** @return all 2000 eigenvalues */
    @Benchmark
    public double[] eigenAll() {
        return SymmetricEigen.values(N, k);
    }

    /** @return the 5 largest eigenvalues by Lanczos */
    @Benchmark
    public LanczosResult lanczosTop5() {
        return Lanczos.extremes(SymmetricOperator.of(k, N), N, 5, Lanczos.Which.LARGEST, 1);
    }
}
