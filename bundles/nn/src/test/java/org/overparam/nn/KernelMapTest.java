package org.overparam.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.overparam.api.Shape;

/**
 * Analytic kernels against independent computations: a one-hidden-layer ReLU net's NNGP and NTK
 * written out from the arc-cosine formulas (Cho and Saul 2009; Jacot et al. 2018) for both
 * parameterizations; structural identities (a convolution whose kernel covers the whole signal is a
 * dense layer on the flattened input; global pooling of one position is flatten; residual kernels
 * add). Tolerance 1e-13 relative.
 */
class KernelMapTest {
    private static final double[] X = {0.3, -1.2, 0.8, 1.1, 0.4, -0.5, -0.7, 0.9, 0.2};

    private static void assertKernelsEqual(Kernels a, Kernels b) {
        for (int e = 0; e < a.nngp().length; e++) {
            assertEquals(a.nngp()[e], b.nngp()[e], 1e-13 * Math.abs(a.nngp()[e]) + 1e-15);
            assertEquals(a.ntk()[e], b.ntk()[e], 1e-13 * Math.abs(a.ntk()[e]) + 1e-15);
        }
    }

    @Test
    void oneHiddenReluLayerByHand() {
        double sw2 = 2;
        double sb2 = 0.1;
        Network net = Network.of(Shape.of(3), Layers.dense(100).weightVariance(sw2).withBias(sb2), Layers.relu(),
                Layers.dense(1).weightVariance(sw2).withBias(sb2));
        for (Parameterization p : Parameterization.values()) {
            Kernels k = net.kernels(3, X, p);
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    int[] ab = {i, j};
                    double[][] g = new double[2][2];
                    for (int a = 0; a < 2; a++) {
                        for (int b = 0; b < 2; b++) {
                            double dot = 0;
                            for (int t = 0; t < 3; t++) {
                                dot += X[ab[a] * 3 + t] * X[ab[b] * 3 + t];
                            }
                            g[a][b] = sw2 * dot / 3 + sb2;
                        }
                    }
                    double s = Math.sqrt(g[0][0] * g[1][1]);
                    double theta = Math.acos(Math.max(-1, Math.min(1, g[0][1] / s)));
                    double e0 = s * (Math.sin(theta) + (Math.PI - theta) * Math.cos(theta)) / (2 * Math.PI);
                    double e1 = (Math.PI - theta) / (2 * Math.PI);
                    double nngp = sw2 * e0 + sb2;
                    double dot = (g[0][1] - sb2) / sw2;
                    double ntk = p == Parameterization.NTK ? nngp + sw2 * e1 * g[0][1]
                            : 100 * e0 + 1 + sw2 * e1 * (3 * dot + 1);
                    assertEquals(nngp, k.nngp(i, j), 1e-13 * nngp, p + " nngp " + i + j);
                    assertEquals(ntk, k.ntk(i, j), 1e-13 * ntk, p + " ntk " + i + j);
                }
            }
        }
    }

    @Test
    void aConvolutionOverTheWholeSignalIsADenseLayer() {
        Shape in = Shape.of(3, 3);
        double[] x = new double[2 * 9];
        System.arraycopy(X, 0, x, 0, 9);
        System.arraycopy(X, 0, x, 9, 9);
        x[10] = 2.5;
        Network conv = Network.of(in, Layers.conv1d(7, 3).weightVariance(2).withBias(0.2), Layers.relu(), Layers.flatten(),
                Layers.dense(1));
        Network dense = Network.of(in, Layers.flatten(), Layers.dense(7).weightVariance(2).withBias(0.2), Layers.relu(),
                Layers.dense(1));
        for (Parameterization p : Parameterization.values()) {
            assertKernelsEqual(dense.kernels(2, x, p), conv.kernels(2, x, p));
        }
        Network pooled = Network.of(in, Layers.conv1d(7, 3).weightVariance(2), Layers.tanh(), Layers.globalAvgPool(),
                Layers.dense(1));
        Network flat = Network.of(in, Layers.conv1d(7, 3).weightVariance(2), Layers.tanh(), Layers.flatten(),
                Layers.dense(1));
        assertKernelsEqual(flat.kernels(2, x, Parameterization.NTK), pooled.kernels(2, x, Parameterization.NTK));
    }

    @Test
    void residualKernelsAdd() {
        double tau = 0.7;
        Network res = Network.of(Shape.of(3), Layers.dense(5), Layers.residual(tau, Layers.erf(), Layers.dense(5)));
        Network skip = Network.of(Shape.of(3), Layers.dense(5));
        Network branch = Network.of(Shape.of(3), Layers.dense(5), Layers.erf(), Layers.dense(5));
        Kernels r = res.kernels(3, X, Parameterization.NTK);
        Kernels s = skip.kernels(3, X, Parameterization.NTK);
        Kernels b = branch.kernels(3, X, Parameterization.NTK);
        double[] nngp = new double[9];
        double[] ntk = new double[9];
        for (int e = 0; e < 9; e++) {
            nngp[e] = s.nngp()[e] + tau * tau * b.nngp()[e];
            ntk[e] = s.ntk()[e] + tau * tau * b.ntk()[e];
        }
        assertKernelsEqual(new Kernels(3, Shape.of(), nngp, ntk), r);
    }

    @Test
    void aSumOfTwoBranchesWithNonZeroMeansHasNoKernelMap() {
        // h + tau relu(W h) with h a ReLU output: both summands have positive means, and the map would
        // miss their cross term, so the net refuses the analytic kernel and names the block.
        Network relus = Network.of(Shape.of(3), Layers.dense(5), Layers.relu(),
                Layers.residual(0.5, Layers.dense(5), Layers.relu()));
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> relus.kernels(3, X, Parameterization.NTK));
        assertTrue(e.getMessage().contains("non-zero mean"), e.getMessage());
        // A branch that ends with a fresh dense layer has mean zero: the map exists.
        Network dense = Network.of(Shape.of(3), Layers.dense(5), Layers.relu(),
                Layers.residual(0.5, Layers.dense(5), Layers.relu(), Layers.dense(5)));
        assertEquals(9, dense.kernels(3, X, Parameterization.NTK).nngp().length);
        // An odd activation of zero-mean inputs keeps mean zero: erf after a dense layer may be summed.
        Network erf = Network.of(Shape.of(3), Layers.dense(5), Layers.residual(0.5, Layers.erf(), Layers.dense(5)));
        assertEquals(9, erf.kernels(3, X, Parameterization.NTK).nngp().length);
    }
}
