package org.overparam.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Square n x n products through {@link org.overparam.linalg.Linalg}: dgemm, sgemm and the Gram
 * matrix syrk ({@code C = A A^T}, A n x n), on the path the JVM chose (pass
 * {@code -jvmArgsAppend -Doverparam.linalg=java} for the pure-Java kernels). GFLOP/s =
 * {@code 2 n^3 / time} for gemm, {@code n^3 / time} for syrk.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class GemmBenchmark {
    /** The order of the matrices. */
    @Param({"256", "1024", "2048"})
    public int n;

    private double[] a;
    private double[] b;
    private double[] c;
    private float[] af;
    private float[] bf;
    private float[] cf;

    /** Fills the operands from a fixed seed. */
    @Setup
    public void setup() {
        SplittableRandom r = new SplittableRandom(n);
        a = new double[n * n];
        b = new double[n * n];
        c = new double[n * n];
        af = new float[n * n];
        bf = new float[n * n];
        cf = new float[n * n];
        for (int i = 0; i < n * n; i++) {
            a[i] = r.nextDouble() - 0.5;
            b[i] = r.nextDouble() - 0.5;
            af[i] = (float) a[i];
            bf[i] = (float) b[i];
        }
    }

    /** @return C = A B in double */
    @Benchmark
    public double[] dgemm() {
        org.overparam.linalg.Linalg.gemm(false, false, n, n, n, 1.0, a, b, 0.0, c);
        return c;
    }

    /** @return C = A B^T in double (the layout of a dense layer's forward pass) */
    @Benchmark
    public double[] dgemmNT() {
        org.overparam.linalg.Linalg.gemm(false, true, n, n, n, 1.0, a, b, 0.0, c);
        return c;
    }

    /** @return C = A B in float32 */
    @Benchmark
    public float[] sgemm() {
        org.overparam.linalg.Linalg.sgemm(false, false, n, n, n, 1f, af, bf, 0f, cf);
        return cf;
    }

    /** @return the Gram matrix A A^T, both triangles */
    @Benchmark
    public double[] syrk() {
        org.overparam.linalg.Linalg.syrk(false, n, n, 1.0, a, 0.0, c);
        return c;
    }
}
