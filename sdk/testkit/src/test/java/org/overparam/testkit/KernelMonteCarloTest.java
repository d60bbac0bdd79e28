package org.overparam.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.overparam.api.Shape;
import org.overparam.nn.Block;
import org.overparam.nn.FanIn;
import org.overparam.nn.Kernels;
import org.overparam.nn.Layer;
import org.overparam.nn.Layers;
import org.overparam.nn.Network;
import org.overparam.nn.Parameterization;

/**
 * The analytic NNGP and NTK of org.overparam.nn against Monte Carlo over 200 random initializations
 * ({@link KernelChecks}) on 4 inputs: every entry of both kernels within 4 standard errors. Nets
 * with one hidden level (dense or conv, width or channels 2048) have finite-width expectations equal
 * to the limit, so the allowance is the Monte Carlo error alone; nets with two levels (width 256,
 * to stay within a few seconds) are biased by O(1/width) and get a relative allowance of 3/256
 * besides. Weights have effective
 * variance {@code 2 / fanIn}, biases 0.1.
 */
class KernelMonteCarloTest {
    private static final int DRAWS = 200;
    private static final double K = 4;

    private static double variance(Block b) {
        return b.bias() ? 0.1 : 2.0 / b.fanIn();
    }

    private static double worst(Shape input, Parameterization p, double bias, long seed, Layer... layers) {
        Network net = Network.of(input, layers);
        int n = 4;
        double[] x = LayerChecks.gaussian(n * input.size(), seed);
        Kernels analytic = net.kernels(n, x, p);
        KernelChecks.MonteCarlo mc = KernelChecks.monteCarlo(net, p, KernelMonteCarloTest::variance, n, x, DRAWS, seed + 1);
        return KernelChecks.worstRatio(analytic, mc, bias);
    }

    private static Layer dense(int width) {
        return Layers.dense(width).weightVariance(2).withBias(0.1);
    }

    @Test
    void oneHiddenLayerReluErfAtWidth2048() {
        Shape in = Shape.of(6);
        assertTrue(worst(in, Parameterization.NTK, 0, 1, dense(2048), Layers.relu(), dense(1)) <= K);
        assertTrue(worst(in, Parameterization.STANDARD, 0, 2, dense(2048), Layers.relu(), dense(1)) <= K);
        assertTrue(worst(in, Parameterization.NTK, 0, 3, dense(2048), Layers.erf(), dense(1)) <= K);
    }

    @Test
    void oneHiddenLayerTanhSoftplusByQuadratureAtWidth2048() {
        Shape in = Shape.of(6);
        assertTrue(worst(in, Parameterization.STANDARD, 0, 4, dense(2048), Layers.tanh(), dense(1)) <= K);
        assertTrue(worst(in, Parameterization.NTK, 0, 5, dense(2048), Layers.softplus(), dense(1)) <= K);
    }

    @Test
    void convolutionsPoolingAndFlattenAtWidth2048() {
        Shape signal = Shape.of(2, 5);
        Layer conv = Layers.conv1d(2048, 3).padding(1).weightVariance(2).withBias(0.1);
        assertTrue(worst(signal, Parameterization.NTK, 0, 11, conv, Layers.relu(), Layers.globalAvgPool(), dense(1)) <= K);
        assertTrue(worst(signal, Parameterization.STANDARD, 0, 12, conv, Layers.relu(), Layers.flatten(), dense(1)) <= K);
        Layer narrow = Layers.conv1d(2048, 2).weightVariance(2);
        assertTrue(worst(Shape.of(2, 6), Parameterization.NTK, 0, 13, narrow, Layers.erf(), Layers.avgPool(2),
                Layers.flatten(), dense(1)) <= K);
    }

    @Test
    void stridedConvolutionsAtWidth2048() {
        Layer strided = Layers.conv1d(2048, 3).stride(2).padding(1).weightVariance(2).withBias(0.1);
        assertTrue(worst(Shape.of(2, 7), Parameterization.NTK, 0, 16, strided, Layers.relu(), Layers.flatten(),
                dense(1)) <= K);
        Layer strided2 = Layers.conv2d(2048, 2, 2).stride(2, 1).weightVariance(2);
        assertTrue(worst(Shape.of(1, 4, 3), Parameterization.STANDARD, 0, 17, strided2, Layers.tanh(),
                Layers.globalAvgPool(), dense(1)) <= K);
    }

    @Test
    void twoDimensionalConvolutionAndConcatAtWidth2048() {
        Layer two = Layers.conv2d(2048, 2, 2).padding(1, 0).weightVariance(2);
        assertTrue(worst(Shape.of(1, 2, 3), Parameterization.NTK, 0, 14, two, Layers.relu(), Layers.globalAvgPool(),
                dense(1)) <= K);
        Layer concat = Layers.parallel(FanIn.CONCAT, dense(1536), dense(512));
        assertTrue(worst(Shape.of(6), Parameterization.NTK, 0, 15, concat, Layers.relu(), dense(1)) <= K);
    }

    @Test
    void deeperAndResidualNetsAtWidth256WithTheFiniteWidthAllowance() {
        Shape in = Shape.of(6);
        double bias = 3.0 / 256;
        assertTrue(worst(in, Parameterization.NTK, bias, 21, dense(256), Layers.relu(), dense(256), Layers.relu(),
                dense(1)) <= K);
        assertTrue(worst(in, Parameterization.NTK, bias, 22, dense(256), Layers.residual(0.5, Layers.relu(), dense(256)),
                Layers.relu(), dense(1)) <= K);
    }

    @Test
    void aWrongKernelIsRejected() {
        Network net = Network.of(Shape.of(6), dense(2048), Layers.relu(), dense(1));
        double[] x = LayerChecks.gaussian(4 * 6, 31);
        KernelChecks.MonteCarlo mc = KernelChecks.monteCarlo(net, Parameterization.NTK, KernelMonteCarloTest::variance, 4,
                x, DRAWS, 32);
        Kernels right = net.kernels(4, x, Parameterization.NTK);
        Kernels tanh = Network.of(Shape.of(6), dense(2048), Layers.tanh(), dense(1)).kernels(4, x, Parameterization.NTK);
        assertTrue(KernelChecks.worstRatio(right, mc, 0) <= K);
        assertTrue(KernelChecks.worstRatio(tanh, mc, 0) > 10 * K);
    }
}
