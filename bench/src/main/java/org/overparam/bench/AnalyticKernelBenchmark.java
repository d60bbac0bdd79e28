package org.overparam.bench;

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
import org.overparam.api.RandomStream;
import org.overparam.api.Shape;
import org.overparam.nn.Kernels;
import org.overparam.nn.Layers;
import org.overparam.nn.Network;
import org.overparam.nn.Parameterization;

/**
 * The analytic infinite-width NNGP and NTK (org.overparam.nn) of a ReLU net with {@code depth}
 * hidden dense layers on n = 2000 inputs in R^784 (the NTK benchmark's data size), NTK
 * parameterization: the input Gram (one gemm, O(n^2 d)) and O(n^2) work per layer (arc-cosine
 * closed form per pair). Run: {@code bench/run-jmh.sh AnalyticKernelBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
    "-Xmx2g"})
public class AnalyticKernelBenchmark {
    /** Hidden layers. */
    @Param({"3"})
    public int depth;

    /** Samples. */
    @Param({"2000"})
    public int n;

    private Network net;
    private double[] x;

    /** Builds the net and the inputs. */
    @Setup
    public void setUp() {
        int d = 784;
        org.overparam.nn.Layer[] layers = new org.overparam.nn.Layer[2 * depth + 1];
        for (int l = 0; l < depth; l++) {
            layers[2 * l] = Layers.dense(512).weightVariance(2).withBias(0.1);
            layers[2 * l + 1] = Layers.relu();
        }
        layers[2 * depth] = Layers.dense(1).withBias(0.1);
        net = Network.of(Shape.of(d), layers);
        x = new double[n * d];
        RandomStream.of(1).fillGaussian(x, 1.0);
    }

    /** @return the kernels (returned so the JIT keeps the work) */
    @Benchmark
    public Kernels kernels() {
        return net.kernels(n, x, Parameterization.NTK);
    }
}
