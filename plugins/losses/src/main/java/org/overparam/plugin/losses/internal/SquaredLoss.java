package org.overparam.plugin.losses.internal;

import org.osgi.service.component.annotations.Component;
import org.overparam.api.Batch;
import org.overparam.api.ComponentProperties;
import org.overparam.api.Config;
import org.overparam.api.Loss;
import org.overparam.api.LossScale;
import org.overparam.api.Param;

/**
 * The loss {@code squared}: {@code F = s * sum_ij (f_ij - y_ij)^2} over the {@code n x k} outputs
 * and targets, with {@code s = (half ? 1/2 : 1) * (mean ? 1/n : 1)}. The default
 * ({@code half = true, reduction = sum}) is the papers' {@code F = 1/2 sum_i ||f(x_i) - y_i||^2}
 * (arXiv 1811.03962, 2107.01832); Caron et al. (arXiv 2302.01002) use {@code half = false,
 * reduction = mean}. Gradient {@code 2 s (f - y)}; Hessian {@code 2 s I}, so the Hessian-vector
 * product is exact.
 */
@Component(service = Loss.class, property = {
    ComponentProperties.NAME + "=squared",
    ComponentProperties.DESCRIPTION + "=Squared error s * sum (f - y)^2, s = 1/2 and/or 1/n as configured"})
public final class SquaredLoss implements Loss {

    /** The parameters of {@code squared}. */
    public @interface Settings {
        /** @return sum or mean */
        @Param(value = "how samples combine: sum, or mean (divides by n, the MSE of arXiv 2302.01002)",
                options = {"sum", "mean"})
        String reduction() default "sum";

        /** @return whether to multiply by 1/2 */
        @Param("multiply by 1/2 as in F = 1/2 sum (f - y)^2; false for Caron et al.'s MSE")
        boolean half() default true;
    }

    @Override
    public Class<Settings> configType() {
        return Settings.class;
    }

    @Override
    public double evaluate(Config config, Batch batch, double[] outputs, double[] dOutputs) {
        check(batch, outputs);
        double s = scale(config, batch);
        double[] y = batch.targets();
        double sum = 0;
        for (int i = 0; i < outputs.length; i++) {
            double r = outputs[i] - y[i];
            sum += r * r;
            if (dOutputs != null) {
                dOutputs[i] = 2 * s * r;
            }
        }
        return s * sum;
    }

    @Override
    public void hessianVector(Config config, Batch batch, double[] outputs, double[] direction,
                              double[] result) {
        check(batch, outputs);
        double c = 2 * scale(config, batch);
        for (int i = 0; i < direction.length; i++) {
            result[i] = c * direction[i];
        }
    }

    /** @return {@code factor = half ? 1/2 : 1} and {@code mean} from {@code reduction} */
    @Override
    public LossScale scale(Config config) {
        Settings c = config.as(Settings.class);
        return new LossScale(c.half() ? 0.5 : 1.0, Reduction.of(c.reduction()) == Reduction.MEAN);
    }

    private double scale(Config config, Batch batch) {
        return scale(config).at(batch.n());
    }

    /** Refuses outputs that do not fit the batch's targets. */
    static void check(Batch batch, double[] outputs) {
        if (outputs.length != batch.targets().length) {
            throw new IllegalArgumentException(outputs.length + " outputs for a batch of " + batch.n() + " samples with "
                    + batch.outputSize() + " outputs each");
        }
    }
}
