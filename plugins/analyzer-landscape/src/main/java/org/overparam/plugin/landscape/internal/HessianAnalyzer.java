package org.overparam.plugin.landscape.internal;

import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.overparam.api.Analyzer;
import org.overparam.api.ComponentProperties;
import org.overparam.api.Config;
import org.overparam.api.DataSize;
import org.overparam.api.MetricSink;
import org.overparam.api.Model;
import org.overparam.api.Param;
import org.overparam.api.Params;
import org.overparam.api.RandomStream;
import org.overparam.api.Sizes;
import org.overparam.api.Snapshot;
import org.overparam.linalg.Lanczos;
import org.overparam.linalg.LanczosResult;

/**
 * The analyzer {@code hessian}: the spectrum of the Hessian of the training loss in the trained
 * parameters, from Hessian-vector products only (PyHessian, arXiv 1912.07145), for the whole net
 * and for each trained block's diagonal block {@code H_bb} (the Hessian restricted to one layer:
 * the direction is zero outside the block and only the block of the product is read).
 * <ul>
 *   <li>{@code top1 .. topK}: the largest eigenvalues, descending, by {@link Lanczos} with full
 *       reorthogonalization ({@code lanczos_iterations}, {@code lanczos_converged} = 1 or 0 for the
 *       whole net); {@code bottom1 .. bottomK}: the smallest, ascending (negative ones measure
 *       non-convexity);</li>
 *   <li>{@code trace}, {@code trace_stderr}: Hutchinson's estimate with Rademacher probes
 *       ({@link Hutchinson}), per block from the same probes;</li>
 *   <li>series {@code density}: the spectral density by stochastic Lanczos quadrature
 *       ({@link SpectralDensity}, arXiv 1901.10159), Gaussian-broadened on a grid (x = eigenvalue,
 *       y = density; it integrates to 1);</li>
 *   <li>{@code dimension}: the number of trained parameters P (the density's mean is trace / P);
 *       {@code hvps}: the Hessian-vector products spent.</li>
 * </ul>
 * Per-block metrics carry the block's name: {@code top1.W2}, {@code trace.W2}, {@code density.W2}.
 * With one trained block they equal the whole net's and are copied, not recomputed.
 *
 * <p>The loss is the run's, on a seeded subset of {@code points} training samples fixed for the run.
 * Cost in products: at most {@code iterations} per Lanczos call, {@code probes} for the traces,
 * {@code slqRuns x slqSteps} per density, for the whole net and again per block; memory
 * {@code (iterations + 1) x P} doubles for a Lanczos basis.
 */
@Component(service = Analyzer.class, property = {
    ComponentProperties.NAME + "=hessian",
    ComponentProperties.DESCRIPTION + "=Hessian top eigenvalues (Lanczos), trace (Hutchinson) and spectral "
        + "density (stochastic Lanczos quadrature), for the whole net and per layer"})
public final class HessianAnalyzer implements Analyzer {

    /** The parameters of {@code hessian}. */
    public @interface Settings {
        /** @return the sample count */
        @Param(value = "training samples in the loss (a seeded subset fixed for the run); 0 = all", min = 0)
        int points() default 256;

        /** @return k for the top */
        @Param(value = "number of largest eigenvalues (top1..topK); 0 = none", min = 0)
        int topK() default 3;

        /** @return k for the bottom */
        @Param(value = "number of smallest eigenvalues (bottom1..bottomK); 0 = none", min = 0)
        int bottomK() default 0;

        /** @return the Lanczos budget */
        @Param(value = "most Lanczos iterations (Hessian-vector products) per eigenvalue search; "
                + "memory is (iterations + 1) x P doubles", min = 1)
        int iterations() default 60;

        /** @return the Lanczos tolerance */
        @Param(value = "relative residual tolerance of the Lanczos eigenvalues", min = 0, minExclusive = true)
        double tolerance() default 1e-8;

        /** @return the probe count */
        @Param(value = "Rademacher probes for Hutchinson's trace; 0 = no trace", min = 0)
        int probes() default 20;

        /** @return the SLQ run count */
        @Param(value = "stochastic Lanczos quadrature runs (start vectors) for the density; 0 = no density", min = 0)
        int slqRuns() default 2;

        /** @return the SLQ step count */
        @Param(value = "Lanczos steps per quadrature run (memory slqSteps x P doubles)", min = 1)
        int slqSteps() default 40;

        /** @return the broadening */
        @Param(value = "Gaussian broadening of the density, relative to the spread of the Ritz values",
                min = 0, minExclusive = true)
        double sigma() default 0.01;

        /** @return the grid size */
        @Param(value = "points of the density's grid", min = 2)
        int densityPoints() default 401;

        /** @return whether to compute per block */
        @Param("also compute every metric for each trained block's diagonal Hessian block (name suffix .<block>)")
        boolean perBlock() default true;
    }

    @Override
    public Class<Settings> configType() {
        return Settings.class;
    }

    /**
     * The larger Krylov basis ({@code (min(iterations, P) + 1) x P} for the eigenvalues,
     * {@code min(slqSteps, P) x P} for the density), six vectors of P for the products and the
     * probes, and an R-operator pass (forward and backward) over the samples.
     */
    @Override
    public long workspaceBytes(Config config, Model model, DataSize data) {
        Settings c = config.as(Settings.class);
        long p = model.layout().size();
        long lanczos = c.topK() + c.bottomK() == 0 ? 0 : Sizes.product(Math.min(c.iterations(), p) + 1, p);
        long slq = c.slqRuns() == 0 ? 0 : Sizes.product(Math.min(c.slqSteps(), p), p);
        long pass = Sizes.product(2, model.forwardValues(Samples.count(c.points(), data.train())));
        return Sizes.doubles(Sizes.sum(Math.max(lanczos, slq), Sizes.product(6, p), pass));
    }

    /**
     * Clamps, with a notice, a Lanczos budget ({@code iterations}, {@code slqSteps}) or eigenvalue
     * count ({@code topK}, {@code bottomK}) above the model's P parameters (at P Lanczos is exact:
     * the same spectrum), and {@code points} above the training samples. Frozen blocks lower P
     * further at the analysis, without a notice.
     */
    @Override
    public List<String> adjustments(Config config, Model model, DataSize data) {
        Settings c = config.as(Settings.class);
        long p = model.layout().size();
        List<String> out = new ArrayList<>(Samples.notice(c.points(), data.train()));
        for (String name : List.of("iterations", "slqSteps", "topK", "bottomK")) {
            long value = switch (name) {
                case "iterations" -> c.iterations();
                case "slqSteps" -> c.slqSteps();
                case "topK" -> c.topK();
                default -> c.bottomK();
            };
            boolean used = switch (name) {
                case "iterations" -> c.topK() + c.bottomK() > 0;
                case "slqSteps" -> c.slqRuns() > 0;
                default -> true;
            };
            if (used && value > p) {
                out.add(name + " " + value + " is more than the model's " + p + " parameters; "
                        + (name.endsWith("K") ? "all " + p + " eigenvalues are reported" : "Lanczos stops at " + p
                        + " (the exact spectrum)"));
            }
        }
        return out;
    }

    @Override
    public void analyze(Snapshot snapshot, MetricSink out) {
        Settings c = snapshot.config().as(Settings.class);
        Objective f = new Objective(snapshot, c.points());
        BlockSet trained = BlockSet.trained(f);
        out.scalar("dimension", trained.size());
        if (trained.size() == 0) {
            return;
        }
        checkMemory(c, trained.size());
        Params at = snapshot.params();
        RandomStream random = snapshot.random();
        HessianOperator whole = new HessianOperator(f, at, trained);
        long products = 0;
        Spectrum all = Spectrum.measure(whole, c, random);
        all.write(out, "", true);
        if (c.probes() > 0) {
            double[][] trace = Hutchinson.estimate(whole, trained, c.probes(), random);
            out.scalar("trace", trace[0][0]);
            out.scalar("trace_stderr", trace[1][0]);
            for (int b = 0; c.perBlock() && b < trained.count(); b++) {
                out.scalar("trace." + trained.name(b), trace[0][b + 1]);
                out.scalar("trace_stderr." + trained.name(b), trace[1][b + 1]);
            }
        }
        products += whole.products();
        for (int b = 0; c.perBlock() && b < trained.count(); b++) {
            if (trained.count() == 1) {
                all.write(out, "." + trained.name(b), false);
                break;
            }
            HessianOperator block = new HessianOperator(f, at, BlockSet.single(f.layout(), trained.block(b)));
            Spectrum.measure(block, c, random).write(out, "." + trained.name(b), false);
            products += block.products();
        }
        out.scalar("hvps", products);
    }

    private static void checkMemory(Settings c, int n) {
        if (c.topK() > 0 || c.bottomK() > 0) {
            Memory.checkBasis("iterations", Math.min(c.iterations(), n) + 1L, n);
        }
        if (c.slqRuns() > 0) {
            Memory.checkBasis("slqSteps", Math.min(c.slqSteps(), n), n);
        }
    }

    /** What one operator's spectrum measurements found. */
    private record Spectrum(double[] top, double[] bottom, int iterations, boolean converged, double[][] density) {
        static Spectrum measure(HessianOperator op, Settings c, RandomStream random) {
            int n = op.order();
            LanczosResult top = extremes(op, n, c.topK(), Lanczos.Which.LARGEST, c, random);
            LanczosResult bottom = extremes(op, n, c.bottomK(), Lanczos.Which.SMALLEST, c, random);
            double[][] density = c.slqRuns() == 0 ? null
                    : SpectralDensity.estimate(op, n, c.slqRuns(), c.slqSteps(), random).broaden(c.sigma(), c.densityPoints());
            int iterations = (top == null ? 0 : top.iterations()) + (bottom == null ? 0 : bottom.iterations());
            boolean converged = (top == null || top.converged()) && (bottom == null || bottom.converged());
            return new Spectrum(top == null ? new double[0] : top.values(), bottom == null ? new double[0] : bottom.values(),
                    iterations, converged, density);
        }

        private static LanczosResult extremes(HessianOperator op, int n, int want, Lanczos.Which which, Settings c,
                                              RandomStream random) {
            if (want == 0) {
                return null;
            }
            int k = Math.min(want, n);
            int budget = Math.max(k, Math.min(c.iterations(), n));
            return Lanczos.extremes(op, n, k, which, random.nextLong(), c.tolerance(), budget, false);
        }

        void write(MetricSink out, String suffix, boolean whole) {
            for (int i = 0; i < top.length; i++) {
                out.scalar("top" + (i + 1) + suffix, top[i]);
            }
            for (int i = 0; i < bottom.length; i++) {
                out.scalar("bottom" + (i + 1) + suffix, bottom[i]);
            }
            if (whole && top.length + bottom.length > 0) {
                out.scalar("lanczos_iterations", iterations);
                out.scalar("lanczos_converged", converged ? 1 : 0);
            }
            if (density != null) {
                out.series("density" + suffix, density[0], density[1]);
            }
        }
    }
}
