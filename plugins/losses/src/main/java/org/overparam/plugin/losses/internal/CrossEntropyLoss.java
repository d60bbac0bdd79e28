package org.overparam.plugin.losses.internal;

import org.osgi.service.component.annotations.Component;
import org.overparam.api.Batch;
import org.overparam.api.ComponentProperties;
import org.overparam.api.Config;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Loss;
import org.overparam.api.LossScale;
import org.overparam.api.Param;

/**
 * The loss {@code cross-entropy}: softmax cross-entropy of the {@code k} outputs (logits) of each
 * sample against its class, {@code F = r * sum_i (logsumexp(f_i) - f_i[c_i])} with {@code r = 1}
 * or {@code 1/n}. The class comes from the batch's labels; a batch without labels uses its
 * {@code n x k} targets as class weights {@code t_i} (one-hot for classification), giving
 * {@code r * sum_i (|t_i| logsumexp(f_i) - t_i . f_i)} with {@code |t_i| = sum_c t_ic}.
 *
 * <p>Per sample, with {@code p = softmax(f_i)}: gradient {@code r (|t_i| p - t_i)}, Hessian
 * {@code r |t_i| (diag(p) - p p^T)}, applied exactly as {@code r |t_i| p .* (v - p . v)}. The
 * log-sum-exp subtracts the row's maximum, so logits of any size stay finite.
 */
@Component(service = Loss.class, property = {
    ComponentProperties.NAME + "=cross-entropy",
    ComponentProperties.DESCRIPTION + "=Softmax cross-entropy against class labels (one-hot targets)"})
public final class CrossEntropyLoss implements Loss {

    /** The parameters of {@code cross-entropy}. */
    public @interface Settings {
        /** @return sum or mean */
        @Param(value = "how samples combine: sum, or mean (divides by n)", options = {"sum", "mean"})
        String reduction() default "sum";
    }

    @Override
    public Class<Settings> configType() {
        return Settings.class;
    }

    /** @return {@code factor} 1 and {@code mean} from {@code reduction} */
    @Override
    public LossScale scale(org.overparam.api.Config config) {
        return new LossScale(1.0, Reduction.of(config.as(Settings.class).reduction()) == Reduction.MEAN);
    }

    @Override
    public double evaluate(Config config, Batch batch, double[] outputs, double[] dOutputs) {
        int k = classes(batch, outputs);
        double r = scale(config).at(batch.n());
        double[] p = new double[k];
        double[] t = new double[k];
        double sum = 0;
        for (int i = 0; i < batch.n(); i++) {
            int o = i * k;
            double lse = softmax(outputs, o, k, p);
            double mass = target(batch, i, k, t);
            double tf = 0;
            for (int c = 0; c < k; c++) {
                tf += t[c] * outputs[o + c];
            }
            sum += mass * lse - tf;
            if (dOutputs != null) {
                for (int c = 0; c < k; c++) {
                    dOutputs[o + c] = r * (mass * p[c] - t[c]);
                }
            }
        }
        return r * sum;
    }

    @Override
    public void hessianVector(Config config, Batch batch, double[] outputs, double[] direction,
                              double[] result) {
        int k = classes(batch, outputs);
        double r = scale(config).at(batch.n());
        double[] p = new double[k];
        double[] t = new double[k];
        for (int i = 0; i < batch.n(); i++) {
            int o = i * k;
            softmax(outputs, o, k, p);
            double c = r * target(batch, i, k, t);
            double pv = 0;
            for (int j = 0; j < k; j++) {
                pv += p[j] * direction[o + j];
            }
            for (int j = 0; j < k; j++) {
                result[o + j] = c * p[j] * (direction[o + j] - pv);
            }
        }
    }

    /** @return k, checking that the outputs fit the batch and that there are two classes at least */
    private static int classes(Batch batch, double[] outputs) {
        SquaredLoss.check(batch, outputs);
        int k = batch.outputSize();
        if (k < 2) {
            throw new InvalidInputException("loss", "cross-entropy needs at least 2 outputs (classes), the data has " + k);
        }
        return k;
    }

    /**
     * Writes {@code softmax(f[o .. o+k))} into p.
     *
     * @return {@code logsumexp(f[o .. o+k))}
     */
    static double softmax(double[] f, int o, int k, double[] p) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            max = Math.max(max, f[o + c]);
        }
        double z = 0;
        for (int c = 0; c < k; c++) {
            p[c] = Math.exp(f[o + c] - max);
            z += p[c];
        }
        for (int c = 0; c < k; c++) {
            p[c] /= z;
        }
        return max + Math.log(z);
    }

    /** Writes sample i's class weights into t (one-hot from its label if the batch has labels). @return their sum */
    private static double target(Batch batch, int i, int k, double[] t) {
        if (batch.labels() != null) {
            int label = batch.labels()[i];
            if (label < 0 || label >= k) {
                throw new IllegalArgumentException("sample " + i + " has label " + label + ", outside [0, " + k + ")");
            }
            java.util.Arrays.fill(t, 0.0);
            t[label] = 1.0;
            return 1.0;
        }
        System.arraycopy(batch.targets(), i * k, t, 0, k);
        double s = 0;
        for (int c = 0; c < k; c++) {
            s += t[c];
        }
        return s;
    }
}
