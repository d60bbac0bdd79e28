package org.overparam.plugin.kernel.internal;

import org.overparam.api.ComponentProperties;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.overparam.api.Analyzer;
import org.overparam.api.Batch;
import org.overparam.api.ComponentKind;
import org.overparam.api.DataSize;
import org.overparam.api.InvalidInputException;
import org.overparam.api.MetricSink;
import org.overparam.api.Model;
import org.overparam.api.Param;
import org.overparam.api.Scaling;
import org.overparam.api.Sizes;
import org.overparam.api.Snapshot;
import org.overparam.linalg.SymmetricEigen;
import org.overparam.nn.Kernels;
import org.overparam.nn.Network;
import org.overparam.nn.Parameterization;

/**
 * The analyzer {@code kernel}: the infinite-width NNGP and NTK of a network composed of
 * {@code org.overparam.nn} layers (the {@code serial} architecture, or any architecture whose model
 * is an {@link Network}), from the layers' kernel maps on the run's training inputs, beside the
 * empirical NTK of the run's net at its width (per-sample gradients in raw coordinates), the
 * relative distance {@code ||Theta_emp - Theta_inf||_F / ||Theta_inf||_F} (which falls like
 * {@code m^(-1/2)} with the width, Jacot et al. arXiv 1806.07572), the eigenvalues of both, and the
 * training loss gradient descent on the linearized infinite-width model predicts
 * ({@link LinearizedPrediction}) beside the measured one. The parameterization is read from the
 * run's multipliers ({@link Inferred}). A net with a layer without a kernel map is refused before
 * the run, naming the layer.
 */
@Component(service = Analyzer.class, property = {
    ComponentProperties.NAME + "=kernel",
    ComponentProperties.DESCRIPTION + "=Infinite-width NNGP and NTK of a composed net, its distance to the empirical NTK, the linearized prediction"})
public final class KernelAnalyzer implements Analyzer {

    /** The parameters of {@code kernel}. */
    public @interface Settings {
        /** @return the Gram's samples */
        @Param(value = "training samples the Grams are compared on (the first ones; at most n)", min = 1)
        int points() default 32;

        /** @return the prediction's largest n */
        @Param(value = "largest number of training samples for the linearized prediction (an n x n eigendecomposition)",
                min = 1)
        int maxPoints() default 2000;
    }

    @Override
    public Class<Settings> configType() {
        return Settings.class;
    }

    /** @throws InvalidInputException when the model is not a composed network or a layer has no kernel map */
    @Override
    public List<String> adjustments(org.overparam.api.Config config, Model model, DataSize data) {
        Network net = network(model);
        try {
            net.kernels(1, new double[net.inputShape().size()], Parameterization.NTK);
        } catch (UnsupportedOperationException e) {
            throw new InvalidInputException("", e.getMessage() + "; the analytic kernel needs one in every layer");
        }
        Settings c = config.as(Settings.class);
        if (data.train() > c.maxPoints()) {
            throw new InvalidInputException("maxPoints", "the linearized prediction on " + data.train()
                    + " training samples is beyond maxPoints " + c.maxPoints());
        }
        return data.train() < c.points() ? List.of("points " + c.points() + " is more than the " + data.train()
                + " training samples; the Grams use all " + data.train()) : List.of();
    }

    @Override
    public long workspaceBytes(org.overparam.api.Config config, Model model, DataSize data) {
        long n = Math.min(config.as(Settings.class).points(), data.train());
        return Sizes.product(8, Math.addExact(Sizes.product(n, model.layout().size()),
                Sizes.product(4, Math.max(n * n, data.train() * data.train()))));
    }

    private static Network network(Model model) {
        if (Scaling.unwrap(model) instanceof Network net) {
            return net;
        }
        throw new InvalidInputException("", "the analytic kernel needs a network composed of layers (architecture "
                + "serial); this model is not one");
    }

    @Override
    public void analyze(Snapshot snapshot, MetricSink out) {
        Settings c = snapshot.config().as(Settings.class);
        Network net = network(snapshot.model());
        Parameterization p = Inferred.of(snapshot.scaling());
        Batch train = snapshot.data().train();
        int n = Math.min(c.points(), train.n());
        Batch batch = train.head(n);
        Kernels analytic = net.kernels(n, batch.inputs(), p);
        boolean[] trainable = new boolean[snapshot.model().layout().count()];
        for (int b = 0; b < trainable.length; b++) {
            trainable[b] = snapshot.oracle().trainable(b);
        }
        double[] empirical = EmpiricalGram.of(snapshot.model(), snapshot.params(), batch, trainable);
        double[] theta = analytic.ntk();
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < theta.length; i++) {
            diff += (empirical[i] - theta[i]) * (empirical[i] - theta[i]);
            norm += theta[i] * theta[i];
        }
        out.scalar("points", n);
        out.scalar("parameterization_ntk", p == Parameterization.NTK ? 1 : 0);
        out.scalar("distance", Math.sqrt(diff / norm));
        spectrum(out, "ntk", n, theta);
        spectrum(out, "nngp", n, analytic.nngp());
        spectrum(out, "empirical", n, empirical);
        predict(snapshot, net, p, out);
    }

    private static void spectrum(MetricSink out, String name, int n, double[] gram) {
        double[] asc = SymmetricEigen.values(n, gram);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
            y[i] = asc[n - 1 - i];
        }
        out.scalar(name + "_lambda_min", asc[0]);
        out.scalar(name + "_lambda_max", asc[n - 1]);
        out.series(name + "_eigenvalues", x, y);
    }

    /** The linearized prediction of the training loss on all samples, when the run's loss is squared. */
    private static void predict(Snapshot snapshot, Network net, Parameterization p, MetricSink out) {
        Object lr = snapshot.componentConfig(ComponentKind.OPTIMIZER).get("lr");
        if (!"squared".equals(snapshot.componentName(ComponentKind.LOSS)) || !(lr instanceof Number eta)) {
            return;
        }
        org.overparam.api.Config loss = snapshot.componentConfig(ComponentKind.LOSS);
        Batch train = snapshot.data().train();
        int n = train.n();
        int k = train.outputSize();
        double s = (Boolean.FALSE.equals(loss.get("half")) ? 1.0 : 0.5) * ("mean".equals(loss.get("reduction")) ? 1.0 / n
                : 1.0);
        double[] f0 = snapshot.model().forward(snapshot.initial(), train).output();
        double[] residual = new double[n * k];
        for (int i = 0; i < residual.length; i++) {
            residual[i] = f0[i] - train.targets()[i];
        }
        LinearizedPrediction lin = new LinearizedPrediction(n, k, net.kernels(n, train.inputs(), p).ntk(), residual, s,
                eta.doubleValue());
        double predicted = lin.loss(snapshot.step());
        double actual = snapshot.oracle().loss(snapshot.params(), null);
        out.scalar("eta_eff", lin.etaEff());
        out.scalar("stable", lin.stable());
        out.scalar("predicted_loss", predicted);
        out.scalar("prediction_gap", Math.abs(Math.log(actual) - Math.log(predicted)));
    }
}
