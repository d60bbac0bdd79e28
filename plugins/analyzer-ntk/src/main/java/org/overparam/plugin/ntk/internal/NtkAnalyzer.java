package org.overparam.plugin.ntk.internal;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.overparam.api.Analyzer;
import org.overparam.api.Batch;
import org.overparam.api.ComponentProperties;
import org.overparam.api.Config;
import org.overparam.api.DataSize;
import org.overparam.api.InvalidInputException;
import org.overparam.api.MetricSink;
import org.overparam.api.Model;
import org.overparam.api.NtkMetrics;
import org.overparam.api.Param;
import org.overparam.api.Sizes;
import org.overparam.api.Snapshot;
import org.overparam.api.State;
import org.overparam.linalg.SymmetricEigen;
import org.overparam.linalg.io.Npy;

/**
 * The analyzer {@code ntk}: the empirical NTK Gram {@code K_ij = <grad_w f_o(x_i), grad_w f_o(x_j)>}
 * over the trainable blocks (raw coordinates), on {@code points} training samples, for one output or
 * summed over all outputs ({@code sum_o K_oo}). Metrics: {@code lambda_min}, {@code lambda_max},
 * {@code condition} (their ratio; infinite when {@code lambda_min <= 0}), {@code trace},
 * {@code movement = ||K_t - K_0||_F / ||K_0||_F}, {@code caron_change = sqrt(||K_t - K_0||_2)}
 * (the "NTK change" of arXiv 2302.01002), {@code alignment} (kernel-target alignment
 * {@code y^T K y / (||K||_F ||y||^2)}), {@code points} and {@code structured} (1 when the
 * structured path computed K). K_0 is the first analysis's Gram, kept in the state as {@code K0}.
 *
 * <p>Optionally saves K as {@code <filePrefix>-step<t>.npy} (float64, n x n) with the sample
 * indices in {@code <filePrefix>-step<t>-indices.npy} (int64).
 */
@Component(service = Analyzer.class, property = {
    ComponentProperties.NAME + "=ntk",
    ComponentProperties.DESCRIPTION + "=Empirical NTK Gram: extreme eigenvalues, condition, movement from init, target alignment"})
public final class NtkAnalyzer implements Analyzer {
    /** The state entry holding K_0. */
    static final String K0 = "K0";

    /** The parameters of {@code ntk}. */
    public @interface Settings {
        /** @return n_ntk */
        @Param(value = "training samples the Gram is computed on (n_ntk; at most n are used)", min = 1)
        int points() default 50;

        /** @return how to choose them */
        @Param(value = "which samples: the first n_ntk, or a random subset drawn once from the analyzer's stream",
                options = {"first", "random"})
        String sample() default "first";

        /** @return the output index */
        @Param(value = "the output o whose NTK is computed (with outputs: one)", min = 0)
        int output() default 0;

        /** @return one or sum */
        @Param(value = "one: the Gram of output o; sum: sum_o K_oo over all outputs", options = {"one", "sum"})
        String outputs() default "one";

        /** @return the path */
        @Param(value = "auto: structured (per-layer pieces) when the model gives them, else per-sample gradients",
                options = {"auto", "structured", "jacobian"})
        String path() default "auto";

        /** @return the Jacobian path's memory budget */
        @Param(value = "memory for the Jacobian path's two row blocks, MiB", min = 1, max = 16384)
        int jacobianMemoryMb() default 256;

        /** @return whether to save the Gram */
        @Param("save the Gram as .npy (with its sample indices) as a run artifact")
        boolean save() default false;

        /** @return when to save */
        @Param(value = "ends: at the first and the final analysis; every: at every analysis", options = {"ends", "every"})
        String saveAt() default "ends";

        /** @return the file name prefix */
        @Param("prefix of the saved files' names: <prefix>-step<t>.npy and <prefix>-step<t>-indices.npy")
        String filePrefix() default "ntk";
    }

    @Override
    public Class<Settings> configType() {
        return Settings.class;
    }

    /** The Gram of {@code min(points, n)} samples times the outputs covered ({@link Workspace}). */
    @Override
    public long workspaceBytes(Config config, Model model, DataSize data) {
        Settings c = config.as(Settings.class);
        long p = Math.min(c.points(), data.train());
        long rows = c.outputs().equals("sum") ? Sizes.product(p, model.outputSize()) : p;
        return Workspace.gram(model, p, rows, c.path(), c.jacobianMemoryMb());
    }

    /**
     * Clamps {@code points} to the training samples (with a notice); refuses an
     * {@code output} the model does not have.
     */
    @Override
    public List<String> adjustments(Config config, Model model, DataSize data) {
        Settings c = config.as(Settings.class);
        if (c.outputs().equals("one") && c.output() >= model.outputSize()) {
            throw new InvalidInputException("output", "output " + c.output() + " does not exist: the model has "
                    + model.outputSize() + " output" + (model.outputSize() == 1 ? "" : "s") + " (0 to "
                    + (model.outputSize() - 1) + ")");
        }
        if (c.points() > data.train()) {
            return List.of("points " + c.points() + " is more than the " + data.train()
                    + " training samples; the Gram uses all " + data.train());
        }
        return List.of();
    }

    @Override
    public void analyze(Snapshot snapshot, MetricSink out) {
        Settings c = snapshot.config().as(Settings.class);
        State state = snapshot.state();
        Model model = snapshot.model();
        Batch train = snapshot.data().train();
        int[] idx = Points.of(state, train.n(), c.points(), c.sample(), snapshot.random());
        Batch batch = train.select(idx);
        int[] outs = outputs(c, model.outputSize());
        NtkGram.Gram g = NtkGram.trace(model, snapshot.params(), batch, outs, snapshot.oracle()::trainable,
                NtkGram.Path.of(c.path()), (long) c.jacobianMemoryMb() << 20);
        int n = g.order();
        double[] k = g.values();
        double lo = SymmetricEigen.values(n, k, 0, 1)[0];
        double hi = SymmetricEigen.values(n, k, n - 1, n)[0];
        out.scalar("points", n);
        out.scalar("structured", g.structured() ? 1 : 0);
        out.scalar(NtkMetrics.LAMBDA_MIN, lo);
        out.scalar(NtkMetrics.LAMBDA_MAX, hi);
        out.scalar(NtkMetrics.CONDITION, lo > 0 ? hi / lo : Double.POSITIVE_INFINITY);
        out.scalar("trace", KernelStats.trace(n, k));
        boolean first = !state.hasArray(K0) || state.allArrays().get(K0).length != k.length;
        double[] k0 = state.array(K0, k.length);
        if (first) {
            System.arraycopy(k, 0, k0, 0, k.length);
        }
        out.scalar("movement", KernelStats.relativeMovement(k, k0));
        out.scalar("caron_change", KernelStats.caronChange(n, k, k0));
        out.scalar("alignment", KernelStats.alignment(n, k, targets(batch, outs), outs.length));
        if (c.save() && (c.saveAt().equals("every") || first || snapshot.isFinal())) {
            String name = c.filePrefix() + "-step" + snapshot.step();
            out.artifact(name + ".npy", Npy.float64(k, n, n));
            out.artifact(name + "-indices.npy", Npy.int64(idx));
        }
    }

    /** @return the output indices the Gram covers */
    static int[] outputs(Settings c, int k) {
        if (c.outputs().equals("sum")) {
            int[] all = new int[k];
            for (int o = 0; o < k; o++) {
                all[o] = o;
            }
            return all;
        }
        return new int[] {c.output()};
    }

    /** @return the {@code n x outs.length} targets of those outputs */
    static double[] targets(Batch batch, int[] outs) {
        int n = batch.n();
        int k = batch.outputSize();
        double[] y = new double[n * outs.length];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < outs.length; a++) {
                y[i * outs.length + a] = batch.targets()[i * k + outs[a]];
            }
        }
        return y;
    }
}
