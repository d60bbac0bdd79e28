package org.overparam.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.overparam.api.Batch;
import org.overparam.api.BlockScale;
import org.overparam.api.Forward;
import org.overparam.api.Model;
import org.overparam.api.Params;
import org.overparam.api.RandomStream;
import org.overparam.api.Scaling;
import org.overparam.nn.Block;
import org.overparam.nn.Kernels;
import org.overparam.nn.Network;
import org.overparam.nn.Parameterization;

/**
 * A network's analytic infinite-width kernels against Monte Carlo over random initializations of
 * the finite net, as neural-tangents tests its own (Novak et al. 2020, arXiv 1912.02803): per draw,
 * the NNGP sample {@code f(x_i) f(x_j)} (averaged over the outputs) and the empirical NTK
 * {@code J_i . J_j} of output 0 (J from per-sample backward passes, in raw coordinates); their means
 * and standard errors over the draws. Initialization: each block's effective values have the
 * variance the kernel map assumes ({@code variance}); NTK parameterization as raw N(0, 1) times
 * the multiplier {@code sqrt(variance)} (a {@link Scaling} around the network), standard as raw
 * N(0, variance) and no multiplier.
 */
public final class KernelChecks {
    private KernelChecks() {
    }

    /**
     * Means and standard errors, {@code n x n} row-major.
     *
     * @param draws the number of initializations
     * @param nngp the mean NNGP sample
     * @param nngpError its standard error
     * @param ntk the mean empirical NTK
     * @param ntkError its standard error
     */
    public record MonteCarlo(int draws, double[] nngp, double[] nngpError, double[] ntk, double[] ntkError) {
    }

    /**
     * @param net the network
     * @param parameterization the convention
     * @param variance each block's effective variance at initialization
     * @param n samples
     * @param x {@code n x inputShape} inputs
     * @param draws initializations, at least 2
     * @param seed the draws' seed
     * @return the Monte Carlo estimates
     */
    public static MonteCarlo monteCarlo(Network net, Parameterization parameterization, ToDoubleFunction<Block> variance,
                                        int n, double[] x, int draws, long seed) {
        List<Block> blocks = net.root().blocks();
        List<BlockScale> scales = new ArrayList<>();
        for (Block b : blocks) {
            scales.add(BlockScale.of(parameterization == Parameterization.NTK ? Math.sqrt(variance.applyAsDouble(b)) : 1.0));
        }
        Model model = new Scaling(net.layout(), scales).wrap(net);
        int k = net.outputSize();
        Batch batch = new Batch(net.inputShape(), n, x, k, new double[n * k], new int[n]);
        double[][] sums = new double[4][n * n];
        RandomStream r = RandomStream.of(seed);
        int size = (int) net.layout().size();
        for (int d = 0; d < draws; d++) {
            Params p = Params.zeros(net.layout());
            for (int b = 0; b < blocks.size(); b++) {
                double sd = parameterization == Parameterization.NTK ? 1.0 : Math.sqrt(variance.applyAsDouble(blocks.get(b)));
                r.fillGaussian(p.block(b), sd);
            }
            Forward f = model.forward(p, batch);
            double[] jac = new double[n * size];
            for (int i = 0; i < n; i++) {
                double[] dOut = new double[n * k];
                dOut[i * k] = 1;
                Params g = Params.zeros(net.layout());
                model.backward(f, dOut, g);
                int at = i * size;
                for (int b = 0; b < blocks.size(); b++) {
                    System.arraycopy(g.block(b), 0, jac, at, g.block(b).length);
                    at += g.block(b).length;
                }
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double ff = 0;
                    for (int o = 0; o < k; o++) {
                        ff += f.output()[i * k + o] * f.output()[j * k + o];
                    }
                    ff /= k;
                    double jj = org.overparam.linalg.Linalg.dot(size, jac, i * size, jac, j * size);
                    sums[0][i * n + j] += ff;
                    sums[1][i * n + j] += ff * ff;
                    sums[2][i * n + j] += jj;
                    sums[3][i * n + j] += jj * jj;
                }
            }
        }
        double[][] out = new double[4][n * n];
        for (int e = 0; e < n * n; e++) {
            for (int q = 0; q < 2; q++) {
                double mean = sums[2 * q][e] / draws;
                double var = Math.max(0, (sums[2 * q + 1][e] / draws - mean * mean) * draws / (draws - 1.0));
                out[2 * q][e] = mean;
                out[2 * q + 1][e] = Math.sqrt(var / draws);
            }
        }
        return new MonteCarlo(draws, out[0], out[1], out[2], out[3]);
    }

    /**
     * The worst disagreement in units of the allowed error: {@code max |mc - analytic| /
     * (se + bias |analytic|)} over all entries of both kernels. At most k means agreement within k
     * standard errors (plus, for nets whose finite-width expectation is biased, a relative
     * allowance {@code bias}, e.g. a few times 1/width).
     *
     * @param analytic the analytic kernels ({@code n x n})
     * @param mc the Monte Carlo estimates
     * @param bias the relative allowance for the finite-width bias (0 when the expectation is exact)
     * @return the worst ratio
     */
    public static double worstRatio(Kernels analytic, MonteCarlo mc, double bias) {
        double worst = 0;
        for (int e = 0; e < mc.nngp().length; e++) {
            worst = Math.max(worst, Math.abs(mc.nngp()[e] - analytic.nngp()[e])
                    / (mc.nngpError()[e] + bias * Math.abs(analytic.nngp()[e])));
            worst = Math.max(worst, Math.abs(mc.ntk()[e] - analytic.ntk()[e])
                    / (mc.ntkError()[e] + bias * Math.abs(analytic.ntk()[e])));
        }
        return worst;
    }
}
