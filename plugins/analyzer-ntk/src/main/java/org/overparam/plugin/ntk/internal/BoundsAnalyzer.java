package org.overparam.plugin.ntk.internal;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.overparam.api.Analyzer;
import org.overparam.api.Batch;
import org.overparam.api.ComponentKind;
import org.overparam.api.ComponentProperties;
import org.overparam.api.Config;
import org.overparam.api.DataSize;
import org.overparam.api.InvalidInputException;
import org.overparam.api.MetricSink;
import org.overparam.api.Model;
import org.overparam.api.NtkMetrics;
import org.overparam.api.Optimizer;
import org.overparam.api.Param;
import org.overparam.api.Snapshot;
import org.overparam.api.State;
import org.overparam.linalg.SymmetricEigen;

/**
 * The analyzer {@code bounds}: each paper's width and iteration requirements and predicted rates
 * ({@link TheoryBounds}) for this run's n, d, L, m, delta and NTK at initialization, beside the
 * run's own width and, at the final analysis, its measured linear rate of log loss
 * ({@link RateFit} on the {@code train.loss} history) and the steps it took to reach eps.
 *
 * <p>lambda_0 and kappa_0 are the {@code lambda_min} and {@code condition} the {@code ntk} analyzer
 * (label {@code ntkLabel}) recorded at step 0, or, when it did not (or {@code lambda0: compute}), the
 * NTK Gram of output 0 on the first {@code points} training samples at the initial point, computed
 * here. Both are kept in the state. Writes {@code bounds-step<t>.md} at the first and final analyses.
 */
@Component(service = Analyzer.class, property = {
    ComponentProperties.NAME + "=bounds",
    ComponentProperties.DESCRIPTION + "=Width, iteration and rate requirements of the five papers beside the run's"})
public final class BoundsAnalyzer implements Analyzer {

    /** The parameters of {@code bounds}. */
    public @interface Settings {
        /** @return eps */
        @Param(value = "target training loss eps of the iteration bounds", min = 0, minExclusive = true)
        double eps() default 1e-6;

        /** @return c */
        @Param(value = "constant c of E's rates 1 - c/kappa and 1 - c/sqrt(kappa) (not given by the paper)",
                min = 0, minExclusive = true)
        double rateConstant() default 1.0;

        /** @return where lambda_0 comes from */
        @Param(value = "lambda_0: auto (the ntk analyzer's step-0 values, else computed), history (only those), compute",
                options = {"auto", "history", "compute"})
        String lambda0() default "auto";

        /** @return the ntk analyzer's label */
        @Param("label of the ntk analyzer whose step-0 lambda_min and condition are read")
        String ntkLabel() default "ntk";

        /** @return the points of a computed Gram */
        @Param(value = "training samples of the Gram when lambda_0 is computed here", min = 1)
        int points() default 50;

        /** @return L override */
        @Param(value = "depth L of the bounds; 0: the architecture's depth, else the layout's hidden layers", min = 0)
        int depth() default 0;

        /** @return m override */
        @Param(value = "width m of the bounds; 0: the architecture's width, else the layout's widest hidden layer", min = 0)
        int width() default 0;

        /** @return the first step of the rate fit */
        @Param(value = "first step of the fit of log(train.loss) against steps", min = 0)
        long fitFrom() default 0;

        /** @return the relative floor */
        @Param(value = "losses below floor x the first recorded loss are left out of the fit (rounding plateau)", min = 0)
        double floor() default 1e-12;
    }

    @Override
    public Class<Settings> configType() {
        return Settings.class;
    }

    /** A Gram of {@code min(points, n)} samples when lambda_0 may be computed here ({@link Workspace}). */
    @Override
    public long workspaceBytes(Config config, Model model, DataSize data) {
        Settings c = config.as(Settings.class);
        if (c.lambda0().equals("history")) {
            return 0;
        }
        long p = Math.min(c.points(), data.train());
        return Workspace.gram(model, p, p, "auto", 256);
    }

    @Override
    public void analyze(Snapshot snapshot, MetricSink out) {
        Settings c = snapshot.config().as(Settings.class);
        State state = snapshot.state();
        boolean first = Double.isNaN(state.scalar("lambda_0", Double.NaN));
        if (first) {
            initialKernel(snapshot, c, state);
        }
        double lambda0 = state.scalar("lambda_0", Double.NaN);
        double kappa0 = state.scalar("kappa_0", Double.NaN);
        NetShape s = NetShape.of(snapshot.data(), snapshot.model().layout(),
                snapshot.componentConfig(ComponentKind.ARCHITECTURE), c.depth(), c.width());
        double etaEff = etaEff(snapshot, s.n());
        out.scalar("n", s.n());
        out.scalar("d", s.d());
        out.scalar("depth", s.depth());
        out.scalar("width", s.width());
        out.scalar("delta", s.delta());
        out.scalar("lambda_0", lambda0);
        out.scalar("kappa_0", kappa0);
        out.scalar("eta_eff", etaEff);
        TheoryBounds.Measured m = new TheoryBounds.Measured(s.width(), Double.NaN, Double.NaN);
        if (snapshot.isFinal()) {
            double[][] h = snapshot.history(Optimizer.TRAIN_LOSS);
            double floor = h[1].length == 0 ? 0 : c.floor() * h[1][0];
            RateFit fit = RateFit.of(h[0], h[1], c.fitFrom(), floor);
            double steps = RateFit.stepsTo(h[0], h[1], c.eps());
            out.scalar("measured_log_rate", fit.slope());
            out.scalar("measured_log_rate_stderr", fit.slopeStdErr());
            out.scalar("measured_rate", fit.rate());
            out.scalar("measured_r_squared", fit.rSquared());
            out.scalar("measured_fit_points", fit.points());
            out.scalar("measured_steps_to_eps", steps);
            m = new TheoryBounds.Measured(s.width(), steps, fit.rate());
        }
        List<TheoryBounds.Row> rows = TheoryBounds.rows(s, lambda0, kappa0, etaEff, c.eps(), c.rateConstant(), m);
        for (TheoryBounds.Row r : rows) {
            out.scalar(r.metric(), r.required());
        }
        if (first || snapshot.isFinal()) {
            out.artifact("bounds-step" + snapshot.step() + ".md", BoundsTable.markdown(snapshot.step(), s, lambda0, kappa0,
                    snapshot.componentName(ComponentKind.OPTIMIZER), c.eps(), rows));
        }
    }

    /** Stores lambda_0 and kappa_0 from the ntk analyzer's history or a Gram computed at the initial point. */
    private static void initialKernel(Snapshot snapshot, Settings c, State state) {
        double lambda = Double.NaN;
        double kappa = Double.NaN;
        if (!c.lambda0().equals("compute")) {
            lambda = atStepZero(snapshot.history(NtkMetrics.named(c.ntkLabel(), NtkMetrics.LAMBDA_MIN)));
            kappa = atStepZero(snapshot.history(NtkMetrics.named(c.ntkLabel(), NtkMetrics.CONDITION)));
        }
        if (Double.isNaN(lambda) && c.lambda0().equals("history")) {
            throw new InvalidInputException("lambda0", "no " + c.ntkLabel() + ".lambda_min at step 0: list the ntk analyzer"
                    + " (label " + c.ntkLabel() + ") before bounds, or use lambda0 auto or compute");
        }
        if (Double.isNaN(lambda)) {
            Batch batch = snapshot.data().train().head(c.points());
            NtkGram.Gram g = NtkGram.trace(snapshot.model(), snapshot.initial(), batch, new int[] {0},
                    snapshot.oracle()::trainable, NtkGram.Path.AUTO, 256L << 20);
            int n = g.order();
            lambda = SymmetricEigen.values(n, g.values(), 0, 1)[0];
            double hi = SymmetricEigen.values(n, g.values(), n - 1, n)[0];
            kappa = lambda > 0 ? hi / lambda : Double.POSITIVE_INFINITY;
        }
        state.setScalar("lambda_0", lambda);
        state.setScalar("kappa_0", kappa);
    }

    private static double atStepZero(double[][] history) {
        return history[0].length > 0 && history[0][0] == 0 ? history[1][0] : Double.NaN;
    }

    /** @return {@code 2 s eta} of the run's squared loss and optimizer, or NaN when it has none */
    private static double etaEff(Snapshot snapshot, int n) {
        try {
            return GdConvention.of(snapshot, n, 0).etaEff();
        } catch (InvalidInputException e) {
            return Double.NaN;
        }
    }
}
