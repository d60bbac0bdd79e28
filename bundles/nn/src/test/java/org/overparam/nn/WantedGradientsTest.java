package org.overparam.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.overparam.api.Batch;
import org.overparam.api.Forward;
import org.overparam.api.Params;
import org.overparam.api.Shape;

/**
 * A backward pass for some blocks only ({@code Model.backward(forward, dOut, gradient, wanted)}, what
 * a run with frozen blocks calls): the wanted blocks get the very bits of the full pass, the others
 * zero whatever they held, for wanted sets that leave out whole layers (then skipped), part of a
 * layer (its bias), the first layer, the last, and layers inside residual, parallel and gated
 * combinators.
 */
class WantedGradientsTest {
    private static final Shape IN = Shape.of(6);

    static Stream<Arguments> cases() {
        Network plain = Network.of(IN, Layers.dense(7).withBias(0.1), Layers.tanh(), Layers.dense(5), Layers.relu(),
                Layers.dense(2).withBias(0.1));
        Network nested = Network.of(IN, Layers.dense(8), Layers.residual(0.5, Layers.dense(8).withBias(0.1),
                Layers.relu(), Layers.dense(8)), Layers.parallel(FanIn.CONCAT, Layers.dense(3), Layers.dense(4)),
                Layers.gated(Layers.dense(5).withBias(0.1), Layers.relu(), Layers.dense(2)));
        return Stream.of(
                Arguments.of("plain, output layer frozen", plain, mask(plain, "-", "2.weight", "4.weight", "4.bias")),
                Arguments.of("plain, first layer frozen", plain, mask(plain, "-", "0.weight", "0.bias")),
                Arguments.of("plain, one bias frozen", plain, mask(plain, "-", "4.bias")),
                Arguments.of("plain, only the first layer", plain, mask(plain, "+", "0.weight", "0.bias")),
                Arguments.of("plain, nothing", plain, new boolean[plain.layout().count()]),
                Arguments.of("nested, every other block", nested, alternate(nested.layout().count(), true)),
                Arguments.of("nested, the other blocks", nested, alternate(nested.layout().count(), false)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void wantedBlocksGetTheFullPassBitsAndTheOthersZero(String name, Network net, boolean[] wanted) {
        Params p = random(net, 1);
        Batch b = batch(9, 2, net.outputSize());
        double[] d = new SplittableRandom(3).doubles(9L * net.outputSize()).toArray();
        Forward f = net.forward(p, b);
        Params full = Params.zeros(net.layout());
        net.backward(f, d, full);
        Params some = random(net, 4);
        for (int i = 0; i < some.layout().count(); i++) {
            Arrays.fill(some.block(i), Double.NaN);
        }
        net.backward(net.forward(p, b), d, some, wanted);
        for (int i = 0; i < full.layout().count(); i++) {
            String block = full.layout().block(i).name();
            for (int j = 0; j < full.block(i).length; j++) {
                double want = wanted[i] ? full.block(i)[j] : 0.0;
                assertEquals(Double.doubleToRawLongBits(want), Double.doubleToRawLongBits(some.block(i)[j]),
                        block + "[" + j + "]" + (wanted[i] ? "" : " (not wanted: zero)"));
            }
        }
    }

    @org.junit.jupiter.api.Test
    void onlyLayersWithNoWantedBlockLoseTheirArrays() {
        BoundLayer root = Layers.serial(Layers.dense(7).withBias(0.1), Layers.tanh(), Layers.dense(5),
                Layers.residual(0.5, Layers.dense(5).withBias(0.1)), Layers.dense(2).withBias(0.1)).bind(IN, "");
        double[][] g = new double[7][];
        for (int i = 0; i < g.length; i++) {
            g[i] = new double[1];
        }
        boolean[] wanted = {true, false, false, false, false, true, false};
        double[][] kept = org.overparam.nn.internal.WantedGradients.of(root, g, wanted);
        // blocks: 0.weight 0.bias | 2.weight | 3's dense weight, bias | 4.weight 4.bias
        assertEquals(java.util.List.of(true, true, false, false, false, true, true),
                Arrays.stream(kept).map(a -> a != null).toList());
        assertEquals(java.util.List.of(true, true, true, true, true, true, true),
                Arrays.stream(g).map(a -> a != null).toList(), "the caller's arrays are left alone");
    }

    /** Blocks whose names end with one of the suffixes: wanted ("+") or the only ones not wanted ("-"). */
    private static boolean[] mask(Network net, String sign, String... suffixes) {
        boolean[] w = new boolean[net.layout().count()];
        for (int i = 0; i < w.length; i++) {
            String name = net.layout().block(i).name();
            boolean listed = Arrays.stream(suffixes).anyMatch(name::endsWith);
            w[i] = sign.equals("+") == listed;
        }
        return w;
    }

    private static boolean[] alternate(int count, boolean first) {
        boolean[] w = new boolean[count];
        for (int i = 0; i < count; i++) {
            w[i] = (i % 2 == 0) == first;
        }
        return w;
    }

    private static Params random(Network net, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Params p = Params.zeros(net.layout());
        for (int i = 0; i < p.layout().count(); i++) {
            double[] block = p.block(i);
            for (int j = 0; j < block.length; j++) {
                block[j] = r.nextGaussian() * 0.5;
            }
        }
        return p;
    }

    private static Batch batch(int n, long seed, int outputs) {
        double[] x = new SplittableRandom(seed).doubles(n * 6L, -1, 1).toArray();
        return new Batch(IN, n, x, outputs, new double[n * outputs], null);
    }
}
