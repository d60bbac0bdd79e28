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
import org.overparam.api.Params;
import org.overparam.api.Sizes;
import org.overparam.api.Snapshot;

/**
 * The analyzer {@code linearized}: the NTK-regime prediction of the training curve,
 * {@code f_t - y = (I - etaEff K_0)^t (f_0 - y)} ({@link LinearizedCurve}), to overlay on the real
 * one. At its first analysis it computes K_0 at the initial point on ALL N = n k training outputs
 * (with cross-output terms), decomposes it, and keeps the spectrum in its state. At every analysis
 * it records {@code predicted_loss} at the current step and
 * {@code prediction_gap = |log(actual) - log(predicted)|} with the actual training loss from the
 * run's oracle; at the final analysis the series {@code predicted_loss} for steps 0 .. t
 * (and, with {@code horizon > 0}, a series up to {@code horizon} at the first analysis).
 *
 * <p>Assumptions, also in the docs: the squared loss ({@link GdConvention}), full-batch gradient
 * descent with the optimizer's {@code lr} (or this analyzer's), and a constant schedule.
 */
@Component(service = Analyzer.class, property = {
    ComponentProperties.NAME + "=linearized",
    ComponentProperties.DESCRIPTION + "=NTK-regime prediction: the GD loss curve of the net linearized at init"})
public final class LinearizedAnalyzer implements Analyzer {

    /** The parameters of {@code linearized}. */
    public @interface Settings {
        /** @return the cap on N = n k */
        @Param(value = "largest N = n k (training samples x outputs) for the N x N kernel and its eigendecomposition", min = 1)
        int maxPoints() default 2000;

        /** @return the learning rate, or 0 */
        @Param(value = "learning rate eta of the prediction; 0: the optimizer's lr", min = 0)
        double lr() default 0.0;

        /** @return the horizon of the series written at the first analysis */
        @Param(value = "also write the predicted series for steps 0..horizon at the first analysis; 0: only at the end", min = 0)
        long horizon() default 0;

        /** @return the stride of the series */
        @Param(value = "stride in steps between the series' points (the last step is always included)", min = 1)
        long seriesEvery() default 1;

        /** @return the path */
        @Param(value = "how K_0 is computed: structured pieces when available, or per-sample gradients",
                options = {"auto", "structured", "jacobian"})
        String path() default "auto";

        /** @return the Jacobian path's memory budget */
        @Param(value = "memory for the Jacobian path's two row blocks, MiB", min = 1, max = 16384)
        int jacobianMemoryMb() default 256;
    }

    @Override
    public Class<Settings> configType() {
        return Settings.class;
    }

    /** The full kernel on all {@code N = n k} training outputs ({@link Workspace}). */
    @Override
    public long workspaceBytes(Config config, Model model, DataSize data) {
        Settings c = config.as(Settings.class);
        return Workspace.gram(model, data.train(), Sizes.product(data.train(), model.outputSize()), c.path(),
                c.jacobianMemoryMb());
    }

    /**
     * Refuses, before the run starts, a kernel larger than {@code maxPoints}: a prediction on fewer
     * outputs than the run trains on would predict another run, so nothing is clamped.
     */
    @Override
    public List<String> adjustments(Config config, Model model, DataSize data) {
        checkOrder(data.train(), model.outputSize(), config.as(Settings.class).maxPoints());
        return List.of();
    }

    private static void checkOrder(long n, int outputs, int maxPoints) {
        long order = Sizes.product(n, outputs);
        if (order > maxPoints) {
            throw new InvalidInputException("maxPoints", "the prediction needs the N x N kernel on all training outputs,"
                    + " N = " + n + " samples x " + outputs + (outputs == 1 ? " output = " : " outputs = ") + order
                    + " exceeds maxPoints " + maxPoints + "; raise maxPoints or use fewer samples");
        }
    }

    @Override
    public void analyze(Snapshot snapshot, MetricSink out) {
        Settings c = snapshot.config().as(Settings.class);
        LinearizedCurve curve = LinearizedCurve.restore(snapshot.state());
        if (curve == null) {
            curve = start(snapshot, c, out);
            if (c.horizon() > 0) {
                series(curve, c.horizon(), c.seriesEvery(), out);
            }
        }
        double predicted = curve.loss(snapshot.step());
        double actual = snapshot.oracle().loss(snapshot.params(), null);
        out.scalar("predicted_loss", predicted);
        out.scalar("prediction_gap", Math.abs(Math.log(actual) - Math.log(predicted)));
        if (snapshot.isFinal()) {
            series(curve, snapshot.step(), c.seriesEvery(), out);
        }
    }

    /** Computes K_0 at the initial point on all training outputs and records its summary. */
    private static LinearizedCurve start(Snapshot snapshot, Settings c, MetricSink out) {
        Batch train = snapshot.data().train();
        Model model = snapshot.model();
        checkOrder(train.n(), model.outputSize(), c.maxPoints());
        int order = train.n() * model.outputSize();
        GdConvention gd = GdConvention.of(snapshot, train.n(), c.lr());
        Params w0 = snapshot.initial();
        NtkGram.Gram k0 = NtkGram.full(model, w0, train, snapshot.oracle()::trainable, NtkGram.Path.of(c.path()),
                (long) c.jacobianMemoryMb() << 20);
        double[] residual = model.forward(w0, train).output().clone();
        for (int i = 0; i < residual.length; i++) {
            residual[i] -= train.targets()[i];
        }
        LinearizedCurve curve = LinearizedCurve.create(order, k0.values(), residual, gd, snapshot.state());
        out.scalar("points", order);
        out.scalar("eta_eff", curve.etaEff());
        out.scalar(NtkMetrics.LAMBDA_MIN, curve.lambdaMin());
        out.scalar(NtkMetrics.LAMBDA_MAX, curve.lambdaMax());
        double q = 1 - curve.etaEff() * curve.lambdaMin();
        out.scalar("slowest_rate", q * q);
        out.scalar("stable", curve.etaEff() * curve.lambdaMax() < 2 ? 1 : 0);
        return curve;
    }

    /** Writes {@code predicted_loss} at steps 0, every, 2 every, ..., and {@code last}. */
    static void series(LinearizedCurve curve, long last, long every, MetricSink out) {
        long count = last / every + 1 + (last % every == 0 ? 0 : 1);
        if (count > Integer.MAX_VALUE - 8) {
            throw new InvalidInputException("seriesEvery", "a series of " + count + " points is too long; raise seriesEvery");
        }
        double[] x = new double[(int) count];
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            long t = Math.min(last, i * every);
            x[i] = t;
            y[i] = curve.loss(t);
        }
        out.series("predicted_loss", x, y);
    }
}
