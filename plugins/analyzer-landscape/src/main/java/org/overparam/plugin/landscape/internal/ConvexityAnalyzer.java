package org.overparam.plugin.landscape.internal;

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

/**
 * The analyzer {@code convexity}: how convex and how smooth the training loss {@code F} is near the
 * current point {@code w}, the "almost convex and semi-smooth" landscape of arXiv 1811.03962
 * (Allen-Zhu, Li, Song; check B4). For {@code directions} random directions {@code u} of Euclidean
 * norm {@code r} over the trained blocks (Gaussian, drawn from the analyzer's stream derived as
 * {@code convexity.u}: the same raw draws at every analysis point):
 * <ul>
 *   <li>the chord gap {@code gap(u) = max_t F(w + t u) - [(1 - t) F(w) + t F(w + u)]} over
 *       {@code t = 1/(s+1) .. s/(s+1)} ({@code s = segmentSteps}): at most 0 on a convex segment,
 *       {@code -t(1-t) u^T H u / 2} on a quadratic. Recorded: {@code chord_gap} (the largest over the
 *       directions), {@code chord_gap_mean}, and the largest relative to the loss,
 *       {@code chord_gap_rel_loss = chord_gap / F(w)}, and to the squared radius,
 *       {@code chord_gap_rel_sq = chord_gap / r^2};</li>
 *   <li>a local gradient-Lipschitz estimate {@code ||grad F(w + u) - grad F(w)|| / ||u||}:
 *       {@code lipschitz} (largest) and {@code lipschitz_mean};</li>
 *   <li>the semi-smoothness remainder {@code [F(w + u) - F(w) - <grad F(w), u>] / ||u||^2}, largest as
 *       {@code smoothness} (a quadratic gives {@code u^T H u / (2 r^2)});</li>
 *   <li>{@code radius}: the r used.</li>
 * </ul>
 * With {@code relativeRadius} the radius is {@code radius x ||w||} (trained blocks), else
 * {@code radius} itself; a relative radius at {@code w = 0} falls back to the absolute value.
 *
 * <p>A run with every block frozen records nothing. The loss is the run's, on a seeded subset of
 * {@code points} training samples fixed for the run; its gradients go through the model and do not count toward the run's gradient evaluations. Cost:
 * {@code directions x (segmentSteps + 1)} forward passes and {@code directions + 1} gradients.
 */
@Component(service = Analyzer.class, property = {
    ComponentProperties.NAME + "=convexity",
    ComponentProperties.DESCRIPTION + "=Chord gap (convexity), gradient-Lipschitz and semi-smoothness "
        + "estimates along random segments near the current point"})
public final class ConvexityAnalyzer implements Analyzer {

    /** The parameters of {@code convexity}. */
    public @interface Settings {
        /** @return the sample count */
        @Param(value = "training samples in the loss (a seeded subset fixed for the run); 0 = all", min = 0)
        int points() default 0;

        /** @return the radius */
        @Param(value = "length of the segments u (relative to ||w|| when relativeRadius)", min = 0, minExclusive = true)
        double radius() default 0.05;

        /** @return whether the radius is relative */
        @Param("whether radius is a fraction of the trained weights' norm ||w|| (else an absolute length)")
        boolean relativeRadius() default true;

        /** @return the direction count */
        @Param(value = "random directions u", min = 1)
        int directions() default 8;

        /** @return interior points per segment */
        @Param(value = "interior points t = i/(segmentSteps+1) at which the chord gap is evaluated", min = 1)
        int segmentSteps() default 9;
    }

    @Override
    public Class<Settings> configType() {
        return Settings.class;
    }

    /** Four vectors of P (two gradients, a direction, a probe) and a gradient pass over the samples. */
    @Override
    public long workspaceBytes(Config config, Model model, DataSize data) {
        Settings c = config.as(Settings.class);
        return Sizes.doubles(Sizes.sum(Sizes.product(4, model.layout().size()),
                model.forwardValues(Samples.count(c.points(), data.train()))));
    }

    /** Clamps {@code points} to the training samples, with a notice. */
    @Override
    public List<String> adjustments(Config config, Model model, DataSize data) {
        return Samples.notice(config.as(Settings.class).points(), data.train());
    }

    @Override
    public void analyze(Snapshot snapshot, MetricSink out) {
        Settings c = snapshot.config().as(Settings.class);
        Objective f = new Objective(snapshot, c.points());
        if (BlockSet.trained(f).size() == 0) {
            return;
        }
        Params w = snapshot.params();
        double norm = f.trainedNorm(w);
        double r = c.relativeRadius() && norm > 0 ? c.radius() * norm : c.radius();
        Params g0 = w.zerosLike();
        double f0 = f.gradient(w, g0);
        Params u = w.zerosLike();
        Params probe = w.zerosLike();
        Params g1 = w.zerosLike();
        RandomStream random = snapshot.random().derive("convexity.u");
        double gapMax = Double.NEGATIVE_INFINITY;
        double gapSum = 0;
        double lipMax = 0;
        double lipSum = 0;
        double smooth = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < c.directions(); k++) {
            for (int b = 0; b < u.layout().count(); b++) {
                random.fillGaussian(u.block(b), 1.0);
            }
            f.zeroFrozen(u);
            double un = u.norm();
            if (!(un > 0)) {
                continue;
            }
            u.scale(r / un);
            double f1 = f.gradient(probe.set(w).axpy(1, u), g1);
            double gap = Double.NEGATIVE_INFINITY;
            for (int i = 1; i <= c.segmentSteps(); i++) {
                double t = (double) i / (c.segmentSteps() + 1);
                gap = Math.max(gap, f.loss(probe.set(w).axpy(t, u)) - ((1 - t) * f0 + t * f1));
            }
            gapMax = Math.max(gapMax, gap);
            gapSum += gap;
            double lip = g1.axpy(-1, g0).norm() / r;
            lipMax = Math.max(lipMax, lip);
            lipSum += lip;
            smooth = Math.max(smooth, (f1 - f0 - g0.dot(u)) / (r * r));
        }
        int n = c.directions();
        out.scalar("chord_gap", gapMax);
        out.scalar("chord_gap_mean", gapSum / n);
        out.scalar("chord_gap_rel_loss", gapMax / f0);
        out.scalar("chord_gap_rel_sq", gapMax / (r * r));
        out.scalar("lipschitz", lipMax);
        out.scalar("lipschitz_mean", lipSum / n);
        out.scalar("smoothness", smooth);
        out.scalar("radius", r);
    }
}
