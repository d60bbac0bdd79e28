package org.overparam.plugin.asymmetric.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.UniformIntegerDistribution;
import org.osgi.service.component.annotations.Component;
import org.overparam.api.BlockRole;
import org.overparam.api.BlockScale;
import org.overparam.api.BlockSpec;
import org.overparam.api.Initialization;
import org.overparam.api.Initializer;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Layout;
import org.overparam.api.Param;
import org.overparam.api.Params;
import org.overparam.api.RandomStream;
import org.overparam.api.Scaling;

/**
 * The initializer {@code asymmetric}: asymmetrical node scaling (Caron, Ayed, Jung, Lee, Lee, Yang,
 * arXiv 2302.01002, as in the authors' code) of a one-hidden-layer net of p nodes without biases,
 * {@code f(x) = sum_{j=1..p} u_j sqrt(lambda_j) sigma(v_j . x / sqrt(d))}.
 * <ul>
 * <li>Hidden weights (the INPUT block {@code [p, d]}): raw {@code v_j ~ N(0, variance I)} (2 by
 * default), multiplier {@code 1/sqrt(d)} (the fan-in); trained.</li>
 * <li>Output weights (the OUTPUT block {@code [k, p]}): raw {@code u_j = +-1} with equal
 * probability, FROZEN ({@link Initialization#frozen()}); per-node multiplier
 * {@code sqrt(lambda_j)} ({@link BlockScale#perInput()}), {@code lambda} from {@link NodeWeights}:
 * {@code lambda_j = a/p + (1 - a) j^(-1/alpha) / H}.</li>
 * </ul>
 * {@code a = 1} is the symmetric NTK net ({@code lambda_j = 1/p}); {@code a < 1} puts more weight on
 * the first nodes, which then learn features. Gaussian weights and signs are drawn by Commons Math's
 * {@link NormalDistribution} and {@link UniformIntegerDistribution} from the streams
 * {@code random.derive(blockName)} ({@link StreamGenerator}).
 */
@Component(service = Initializer.class, property = {
    org.overparam.api.Component.NAME + "=asymmetric",
    org.overparam.api.Component.DESCRIPTION + "=Asymmetrical node scaling (arXiv 2302.01002): lambda_j = a/p + (1-a) Zipf_j, frozen signs"})
public final class AsymmetricInitializer implements Initializer {

    /** The parameters of {@code asymmetric}. */
    public @interface Config {
        /** @return a */
        @Param(value = "symmetric share a of lambda_j = a/p + (1-a) Z_j; 1: the symmetric NTK net", min = 0, max = 1)
        double a() default 0.5;

        /** @return alpha */
        @Param(value = "Zipf parameter alpha: Z_j proportional to j^(-1/alpha)", min = 0, max = 1,
                minExclusive = true, maxExclusive = true)
        double alpha() default 0.5;

        /** @return the raw hidden weights' variance */
        @Param(value = "variance of the raw hidden weights v_j ~ N(0, variance I) (2 in arXiv 2302.01002)", min = 0,
                minExclusive = true)
        double variance() default 2.0;
    }

    @Override
    public Class<Config> configType() {
        return Config.class;
    }

    /**
     * @throws InvalidInputException if the model is not a one-hidden-layer net without biases, or a
     *     parameter is out of range
     */
    @Override
    public Initialization initialize(org.overparam.api.Config config, Layout layout, RandomStream random) {
        Config c = config.as(Config.class);
        double a = c.a();
        double alpha = c.alpha();
        if (!(a >= 0 && a <= 1)) {
            throw new InvalidInputException("a", "a " + a + " is outside [0, 1]");
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new InvalidInputException("alpha", "alpha " + alpha + " is outside (0, 1)");
        }
        if (!(c.variance() > 0) || Double.isInfinite(c.variance())) {
            throw new InvalidInputException("variance", "variance " + c.variance() + " must be a finite number above 0");
        }
        int hidden = block(layout, BlockRole.INPUT);
        int output = block(layout, BlockRole.OUTPUT);
        BlockSpec v = layout.block(hidden);
        BlockSpec u = layout.block(output);
        int p = v.shape().dim(0);
        if (layout.count() != 2 || v.shape().rank() != 2 || u.shape().rank() != 2 || u.shape().dim(1) != p) {
            throw shapeError(layout);
        }
        Params params = Params.zeros(layout);
        NormalDistribution gauss = new NormalDistribution(new StreamGenerator(random.derive(v.name())), 0,
                Math.sqrt(c.variance()));
        double[] vs = params.block(hidden);
        for (int i = 0; i < vs.length; i++) {
            vs[i] = gauss.sample();
        }
        UniformIntegerDistribution coin = new UniformIntegerDistribution(new StreamGenerator(random.derive(u.name())),
                0, 1);
        double[] us = params.block(output);
        for (int i = 0; i < us.length; i++) {
            us[i] = 2 * coin.sample() - 1;
        }
        double[] lambda = NodeWeights.lambda(p, a, alpha);
        double[] perNode = new double[p];
        for (int j = 0; j < p; j++) {
            perNode[j] = Math.sqrt(lambda[j]);
        }
        List<BlockScale> scales = new ArrayList<>(List.of(BlockScale.ONE, BlockScale.ONE));
        scales.set(hidden, BlockScale.of(1.0 / Math.sqrt(v.fanIn())));
        scales.set(output, new BlockScale(1.0, perNode));
        return new Initialization(params, new Scaling(layout, scales), Set.of(u.name()));
    }

    private static int block(Layout layout, BlockRole role) {
        int found = -1;
        for (int i = 0; i < layout.count(); i++) {
            if (layout.block(i).role() == role) {
                if (found >= 0) {
                    throw shapeError(layout);
                }
                found = i;
            }
        }
        if (found < 0) {
            throw shapeError(layout);
        }
        return found;
    }

    private static InvalidInputException shapeError(Layout layout) {
        return new InvalidInputException("", "asymmetrical node scaling needs a one-hidden-layer net without biases"
                + " (fc with depth 1 and bias false); the model has blocks " + layout);
    }
}
