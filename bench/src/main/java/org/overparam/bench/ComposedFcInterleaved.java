package org.overparam.bench;

import java.util.Arrays;
import java.util.Map;
import org.overparam.api.Batch;
import org.overparam.api.Config;
import org.overparam.api.Forward;
import org.overparam.api.Model;
import org.overparam.api.Params;
import org.overparam.api.RandomStream;
import org.overparam.api.Shape;
import org.overparam.nn.Layer;
import org.overparam.nn.Layers;
import org.overparam.nn.Network;
import org.overparam.plugin.fc.internal.FullyConnected;

/**
 * {@link ComposedFcBenchmark}'s comparison made robust to a machine whose load drifts: the
 * architecture {@code fc} (a composition since issue 14; the hand-written fc it replaced measured
 * 77.6 ms here, docs/benchmarks.md) and a network composed directly run alternately in one JVM (forward + backward, n = 512,
 * d = 784, 3 hidden ReLU layers of 1024), 5 warm-up rounds then 30 timed rounds, and the medians
 * and quartiles are printed. Run after {@code mvn -q -B package -pl bench -am -DskipTests}:
 * {@code java --add-modules jdk.incubator.vector -cp "bench/target/classes:bench/target/lib/*"
 * org.overparam.bench.ComposedFcInterleaved}.
 */
public final class ComposedFcInterleaved {
    private ComposedFcInterleaved() {
    }

    /** @param args none */
    public static void main(String[] args) {
        int n = 512;
        int d = 784;
        int m = 1024;
        int depth = 3;
        Shape in = Shape.of(d);
        Model fc = new FullyConnected().build(Config.of(Map.of("width", (long) m, "depth", (long) depth)), in, 1);
        Layer[] layers = new Layer[2 * depth + 1];
        for (int l = 0; l < depth; l++) {
            layers[2 * l] = Layers.dense(m).named("W" + (l + 1), null);
            layers[2 * l + 1] = Layers.relu();
        }
        layers[2 * depth] = Layers.dense(1).named("W_out", null);
        Model[] models = {fc, Network.of(in, layers)};
        RandomStream r = RandomStream.of(1);
        double[] x = new double[n * d];
        r.fillGaussian(x, 1.0);
        Batch batch = new Batch(in, n, x, 1, new double[n], null);
        Params p = Params.zeros(fc.layout());
        for (int b = 0; b < p.layout().count(); b++) {
            r.fillGaussian(p.block(b), Math.sqrt(2.0 / p.layout().block(b).fanIn()));
        }
        Params g = p.zerosLike();
        double[] dOut = new double[n];
        r.fillGaussian(dOut, 1.0);
        int rounds = 30;
        double[][] ms = new double[2][rounds];
        for (int round = -5; round < rounds; round++) {
            for (int k = 0; k < 2; k++) {
                int which = (round & 1) == 0 ? k : 1 - k;
                long start = System.nanoTime();
                Forward f = models[which].forward(p, batch);
                models[which].backward(f, dOut, g);
                if (round >= 0) {
                    ms[which][round] = (System.nanoTime() - start) / 1e6;
                }
            }
        }
        String[] names = {"fc (architecture)", "composed"};
        for (int k = 0; k < 2; k++) {
            Arrays.sort(ms[k]);
            System.out.printf("%-18s median %.1f ms, quartiles %.1f to %.1f ms%n", names[k], ms[k][rounds / 2],
                    ms[k][rounds / 4], ms[k][3 * rounds / 4]);
        }
    }
}
