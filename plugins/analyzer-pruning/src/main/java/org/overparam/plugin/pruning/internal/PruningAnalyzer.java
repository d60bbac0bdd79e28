package org.overparam.plugin.pruning.internal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.osgi.service.component.annotations.Component;
import org.overparam.api.Analyzer;
import org.overparam.api.Batch;
import org.overparam.api.ComponentProperties;
import org.overparam.api.Data;
import org.overparam.api.MetricSink;
import org.overparam.api.Model;
import org.overparam.api.Param;
import org.overparam.api.Params;
import org.overparam.api.Snapshot;

/**
 * The analyzer {@code pruning} (arXiv 2302.01002, Caron et al.): prunes the hidden nodes that feed
 * the output layer in increasing order of {@code lambda_j u_j^2} ({@link NodeScores}) and records
 * the run's loss on the training and test samples after removing each further {@code fractionStep}
 * of the nodes, as the series {@code train_risk} and {@code test_risk} (x = fraction pruned), with
 * their areas {@code train_risk_auc}, {@code test_risk_auc} over [0, 1]. Asymmetric nets are
 * expected to lose less. It also ranks the nodes by {@code lambda_j} for transfer: the top
 * {@code topK} go to the artifact {@code transfer-top<k>-step<t>.csv} and, with
 * {@code transfer: true}, feed a ridge read-out ({@link Transfer}). Typically run at the end only
 * ({@code every: 0} also runs it at initialization, where it shows the untrained net).
 */
@Component(service = Analyzer.class, property = {
    ComponentProperties.NAME + "=pruning",
    ComponentProperties.DESCRIPTION + "=Prune hidden nodes by lambda_j u_j^2 (train/test risk curve); rank features by lambda_j"})
public final class PruningAnalyzer implements Analyzer {

    /** The parameters of {@code pruning}. */
    public @interface Settings {
        /** @return the fraction removed between two points of the curve */
        @Param(value = "fraction of the nodes removed between two points of the risk curve", min = 0, minExclusive = true, max = 1)
        double fractionStep() default 0.05;

        /** @return whether to zero incoming rows */
        @Param("also zero a pruned node's incoming weights and bias (the output is the same either way)")
        boolean zeroIncoming() default false;

        /** @return k */
        @Param(value = "how many top nodes by lambda_j are recorded for transfer (at most m)", min = 1)
        int topK() default 10;

        /** @return whether to fit the read-out */
        @Param("fit a ridge read-out on the top-k (and bottom-k) nodes' activations over the test split")
        boolean transfer() default false;

        /** @return the ridge */
        @Param(value = "relative ridge of the read-out: rho = ridge * trace(Phi^T Phi) / k", min = 0)
        double ridge() default 1e-6;

        /** @return the fit share */
        @Param(value = "share of the test split the read-out is fit on; it is scored on the rest",
                min = 0, minExclusive = true, max = 1, maxExclusive = true)
        double fitFraction() default 0.5;
    }

    @Override
    public Class<Settings> configType() {
        return Settings.class;
    }

    @Override
    public void analyze(Snapshot snapshot, MetricSink out) {
        Settings c = snapshot.config().as(Settings.class);
        Params w = snapshot.params();
        Model model = snapshot.model();
        Data data = snapshot.data();
        NodeScores scores = NodeScores.of(w, snapshot.scaling());
        int m = scores.nodes();
        out.scalar("nodes", m);
        out.scalar("symmetric", scores.symmetric() ? 1 : 0);
        double[] fractions = fractions(c.fractionStep());
        Pruner pruner = new Pruner(w.layout(), scores.outputBlock(), c.zeroIncoming());
        int[] order = scores.pruningOrder();
        double[] train = new double[fractions.length];
        double[] test = new double[fractions.length];
        for (int i = 0; i < fractions.length; i++) {
            Params p = pruner.prune(w, order, (int) Math.round(fractions[i] * m));
            train[i] = risk(snapshot, model, p, data.train());
            test[i] = data.test().n() > 0 ? risk(snapshot, model, p, data.test()) : Double.NaN;
        }
        out.series("train_risk", fractions, train);
        out.scalar("train_risk_auc", area(fractions, train));
        if (data.test().n() > 0) {
            out.series("test_risk", fractions, test);
            out.scalar("test_risk_auc", area(fractions, test));
        }
        int[] ranking = scores.lambdaRanking();
        int k = Math.min(c.topK(), m);
        out.artifact("transfer-top" + k + "-step" + snapshot.step() + ".csv", table(scores, ranking, k));
        if (c.transfer()) {
            Transfer.record(snapshot, model, w, scores, ranking, k, c.ridge(), c.fitFraction(), out);
        }
    }

    /** @return 0, step, 2 step, ..., 1 (the last always exactly 1) */
    static double[] fractions(double step) {
        int count = (int) Math.ceil(1.0 / step - 1e-9);
        double[] f = new double[count + 1];
        for (int i = 0; i <= count; i++) {
            f[i] = Math.min(1.0, Math.rint(i * step * 1e9) / 1e9);
        }
        f[count] = 1.0;
        return f;
    }

    /** @return the run's loss on the batch at point p */
    static double risk(Snapshot snapshot, Model model, Params p, Batch batch) {
        return snapshot.loss(batch).evaluate(model.forward(p, batch).output(), null);
    }

    /** @return the trapezoid area under y(x) */
    static double area(double[] x, double[] y) {
        double a = 0;
        for (int i = 1; i < x.length; i++) {
            a += 0.5 * (x[i] - x[i - 1]) * (y[i] + y[i - 1]);
        }
        return a;
    }

    private static byte[] table(NodeScores s, int[] ranking, int k) {
        StringBuilder b = new StringBuilder("rank,node,lambda,u2\n");
        for (int r = 0; r < k; r++) {
            int j = ranking[r];
            b.append(r).append(',').append(j).append(',').append(String.format(Locale.ROOT, "%.17g,%.17g", s.lambda()[j],
                    s.u2()[j])).append('\n');
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }
}
