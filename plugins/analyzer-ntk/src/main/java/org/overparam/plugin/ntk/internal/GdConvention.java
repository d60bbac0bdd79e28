package org.overparam.plugin.ntk.internal;

import org.overparam.api.ComponentKind;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Snapshot;

/**
 * Gradient descent on the squared loss in the run's conventions: the loss is
 * {@code F = s sum_{i,o} (f_o(x_i) - y_io)^2} with {@code s = (half ? 1/2 : 1) * (mean ? 1/n : 1)}
 * (the {@code squared} loss's {@code half} and {@code reduction}), so one step of size eta moves
 * the outputs of the linearized model by {@code -eta * 2s * K (f - y)}. {@code etaEff = 2 s eta}
 * is the step size in the formula {@code f_t - y = (I - etaEff K_0)^t (f_0 - y)}; with the papers'
 * {@code F = 1/2 sum (f - y)^2} it is eta itself.
 *
 * @param scale s, the loss's factor of the sum of squares
 * @param eta the learning rate
 */
record GdConvention(double scale, double eta) {
    /** @return {@code 2 s eta} */
    double etaEff() {
        return 2 * scale * eta;
    }

    /**
     * Reads the run's loss and optimizer. The schedule is taken as constant (its factor 1).
     *
     * @param snapshot the run
     * @param n the number of training samples (for {@code reduction: mean})
     * @param lr the analyzer's own learning rate, or 0 to read the optimizer's {@code lr}
     * @return the convention
     * @throws InvalidInputException naming {@code loss} when the run's loss is not {@code squared},
     *     or {@code lr} when neither the analyzer nor the optimizer gives a learning rate
     */
    static GdConvention of(Snapshot snapshot, int n, double lr) {
        String loss = snapshot.componentName(ComponentKind.LOSS);
        if (loss != null && !loss.equals("squared")) {
            throw new InvalidInputException("loss", "the linearized model's closed form needs the squared loss;"
                    + " this run uses '" + loss + "'");
        }
        double s = snapshot.lossScale().at(n);
        double eta = lr;
        if (!(eta > 0)) {
            Object v = snapshot.componentConfig(ComponentKind.OPTIMIZER).get("lr");
            if (!(v instanceof Number num) || !(num.doubleValue() > 0)) {
                throw new InvalidInputException("lr", "the optimizer '" + snapshot.componentName(ComponentKind.OPTIMIZER)
                        + "' gives no learning rate lr; set this analyzer's lr");
            }
            eta = num.doubleValue();
        }
        return new GdConvention(s, eta);
    }
}
