package org.overparam.plugin.asymmetric.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.UniformIntegerDistribution;
import org.osgi.service.component.annotations.Component;
import org.overparam.api.BlockRole;
import org.overparam.api.BlockScale;
import org.overparam.api.BlockSpec;
import org.overparam.api.ComponentProperties;
import org.overparam.api.Config;
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
 *
 * <p>{@code indexing: authors} computes lambda as the authors' code does ({@link NodeWeights#authors}).
 * The authors' own arrays can replace any of the three pieces ({@link ArrayFile}: .npy or
 * safetensors): {@code hiddenFile} the raw hidden weights {@code [p, d]}, {@code signsFile} the
 * output weights {@code [k, p]} (or {@code [p]} for one output), {@code lambdaFile} the p node weights
 * ({@code lambdaLog: true} if the file holds log lambda, as the authors' state_dict does). The
 * multipliers and the frozen signs stay this initializer's, so the run trains the authors'
 * parameterization; pieces not given are drawn (or computed) as without files.
 */
@Component(service = Initializer.class, property = {
    ComponentProperties.NAME + "=asymmetric",
    ComponentProperties.DESCRIPTION + "=Asymmetrical node scaling (arXiv 2302.01002): lambda_j = a/p + (1-a) Zipf_j, frozen signs"})
public final class AsymmetricInitializer implements Initializer {

    /** The parameters of {@code asymmetric}. */
    public @interface Settings {
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

        /** @return how lambda is indexed */
        @Param(value = "overparam: lambda_j for j = 1..p, summing to 1; authors: as the authors' code, node 0 = a/p"
                + " only and node i = a/p + (1-a) i^(-1/alpha)/H (docs/parameterizations.md)",
                options = {"overparam", "authors"})
        String indexing() default "overparam";

        /** @return the hidden weights' file */
        @Param("raw hidden weights V [p, d] from a .npy or safetensors file (name#tensor picks one); empty: drawn")
        String hiddenFile() default "";

        /** @return the signs' file */
        @Param("output weights u [k, p] (or [p]) from a .npy or safetensors file; empty: drawn +-1")
        String signsFile() default "";

        /** @return the node weights' file */
        @Param("the p node weights lambda from a .npy or safetensors file, used entry for entry; empty: computed")
        String lambdaFile() default "";

        /** @return whether the lambda file holds logs */
        @Param("lambdaFile holds log lambda (the authors' state_dict stores log_lambdas)")
        boolean lambdaLog() default false;
    }

    @Override
    public Class<Settings> configType() {
        return Settings.class;
    }

    /**
     * Checks what the {@code @Param} ranges (checked before this runs) cannot say: the model is a
     * one-hidden-layer net without biases, {@code indexing: authors} comes without a
     * {@code lambdaFile}, and the files' shapes and values fit the model.
     *
     * @throws InvalidInputException if the model is not a one-hidden-layer net without biases, or
     *     {@code indexing} and the files do not fit it or each other
     */
    @Override
    public Initialization initialize(Config config, Layout layout, RandomStream random) {
        Settings c = config.as(Settings.class);
        double a = c.a();
        double alpha = c.alpha();
        int hidden = block(layout, BlockRole.INPUT);
        int output = block(layout, BlockRole.OUTPUT);
        BlockSpec v = layout.block(hidden);
        BlockSpec u = layout.block(output);
        int p = v.shape().dim(0);
        if (layout.count() != 2 || v.shape().rank() != 2 || u.shape().rank() != 2 || u.shape().dim(1) != p) {
            throw shapeError(layout);
        }
        boolean authors = switch (c.indexing()) {
            case "overparam" -> false;
            case "authors" -> true;
            default -> throw new InvalidInputException("indexing", "unknown indexing '" + c.indexing()
                    + "'; choose overparam or authors");
        };
        if (authors && !c.lambdaFile().isBlank()) {
            throw new InvalidInputException("indexing", "indexing: authors computes lambda, but lambdaFile gives it"
                    + " (used entry for entry); drop one of them");
        }
        Params params = Params.zeros(layout);
        double[] vs = params.block(hidden);
        if (c.hiddenFile().isBlank()) {
            NormalDistribution gauss = new NormalDistribution(new StreamGenerator(random.derive(v.name())), 0,
                    Math.sqrt(c.variance()));
            for (int i = 0; i < vs.length; i++) {
                vs[i] = gauss.sample();
            }
        } else {
            copy(ArrayFile.read(c.hiddenFile(), "hiddenFile"), "hiddenFile", v.shape().dims(), null, vs);
        }
        double[] us = params.block(output);
        if (c.signsFile().isBlank()) {
            UniformIntegerDistribution coin = new UniformIntegerDistribution(
                    new StreamGenerator(random.derive(u.name())), 0, 1);
            for (int i = 0; i < us.length; i++) {
                us[i] = 2 * coin.sample() - 1;
            }
        } else {
            copy(ArrayFile.read(c.signsFile(), "signsFile"), "signsFile", u.shape().dims(),
                    u.shape().dim(0) == 1 ? new int[] {p} : null, us);
        }
        double[] lambda = c.lambdaFile().isBlank() ? (authors ? NodeWeights.authors(p, a, alpha)
                : NodeWeights.lambda(p, a, alpha)) : lambda(c.lambdaFile(), c.lambdaLog(), p);
        double[] perNode = new double[p];
        for (int j = 0; j < p; j++) {
            perNode[j] = Math.sqrt(lambda[j]);
        }
        List<BlockScale> scales = new ArrayList<>(List.of(BlockScale.ONE, BlockScale.ONE));
        scales.set(hidden, BlockScale.of(1.0 / Math.sqrt(v.fanIn())));
        scales.set(output, new BlockScale(1.0, perNode));
        return new Initialization(params, new Scaling(layout, scales), Set.of(u.name()));
    }

    /** Copies an array of the given shape (or of the alternative shape) into a block. */
    private static void copy(ArrayFile.Array a, String param, int[] shape, int[] alternative, double[] out) {
        if (!Arrays.equals(a.shape(), shape) && (alternative == null || !Arrays.equals(a.shape(), alternative))) {
            throw new InvalidInputException(param, a.file() + " has shape " + a.shapeText() + " but the model needs "
                    + Arrays.toString(shape) + (alternative == null ? "" : " or " + Arrays.toString(alternative)));
        }
        System.arraycopy(a.values(), 0, out, 0, out.length);
    }

    /** @return the p node weights of a file, each at least 0 */
    private static double[] lambda(String file, boolean log, int p) {
        ArrayFile.Array a = ArrayFile.read(file, "lambdaFile");
        if (a.values().length != p || a.shape().length > 2 || a.shape().length == 2 && a.shape()[0] != 1) {
            throw new InvalidInputException("lambdaFile", a.file() + " has shape " + a.shapeText() + " but the model has"
                    + " p = " + p + " nodes: give [" + p + "]");
        }
        double[] lambda = new double[p];
        for (int j = 0; j < p; j++) {
            lambda[j] = log ? Math.exp(a.values()[j]) : a.values()[j];
            if (!(lambda[j] >= 0) || Double.isInfinite(lambda[j])) {
                throw new InvalidInputException("lambdaFile", a.file() + " holds lambda " + lambda[j] + " at node " + j
                        + "; node weights must be finite and at least 0" + (log ? "" : " (lambdaLog: true if it holds logs)"));
            }
        }
        return lambda;
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
