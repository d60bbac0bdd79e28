package org.overparam.plugin.landscape.internal;

import java.util.Arrays;
import org.overparam.api.Batch;
import org.overparam.api.Forward;
import org.overparam.api.GradientOracle;
import org.overparam.api.Layout;
import org.overparam.api.Model;
import org.overparam.api.OutputLoss;
import org.overparam.api.Params;
import org.overparam.api.Snapshot;

/**
 * The run's training loss restricted to a fixed set of samples, {@code F(w) = loss(f_w(X_S), Y_S)},
 * as a function of raw parameters: its value and gradient through the run's model and loss (so an
 * analyzer's gradients do not count toward the run's gradient evaluations, which compare
 * optimizers), and its Hessian-vector product through the run's oracle (exact where the
 * architecture implements the R-operator). Gradients and products are zero in frozen blocks: the
 * landscape is that of the trained parameters.
 */
final class Objective {
    private final Model model;
    private final Batch batch;
    private final OutputLoss loss;
    private final GradientOracle oracle;
    private final int[] rows;
    private final boolean[] trainable;

    /**
     * @param snapshot the run
     * @param points the number of training samples (0 = all), a seeded subset fixed for the run
     */
    Objective(Snapshot snapshot, int points) {
        Batch train = snapshot.data().train();
        this.rows = Samples.rows(train.n(), points, snapshot.random());
        this.batch = rows == null ? train : train.select(rows);
        this.model = snapshot.model();
        this.loss = snapshot.loss(batch);
        this.oracle = snapshot.oracle();
        Layout layout = model.layout();
        this.trainable = new boolean[layout.count()];
        for (int b = 0; b < trainable.length; b++) {
            trainable[b] = oracle.trainable(b);
        }
    }

    /** @return the parameter layout */
    Layout layout() {
        return model.layout();
    }

    /** @return the number of samples used */
    int samples() {
        return batch.n();
    }

    /**
     * @param block a block position
     * @return whether it is trained
     */
    boolean trainable(int block) {
        return trainable[block];
    }

    /**
     * @param at a point; not modified
     * @return F there
     */
    double loss(Params at) {
        return loss.evaluate(model.forward(at, batch).output(), null);
    }

    /**
     * @param at a point; not modified
     * @param gradient receives the gradient of F (frozen blocks zero)
     * @return F there
     */
    double gradient(Params at, Params gradient) {
        Forward f = model.forward(at, batch);
        double[] dOut = new double[f.output().length];
        double value = loss.evaluate(f.output(), dOut);
        model.backward(f, dOut, gradient);
        zeroFrozen(gradient);
        return value;
    }

    /**
     * @param at a point; not modified
     * @param direction v; not modified
     * @param result receives H v (frozen blocks zero)
     */
    void hessianVector(Params at, Params direction, Params result) {
        oracle.hessianVector(at, rows, direction, result);
        zeroFrozen(result);
    }

    /** @param p values set to zero in every frozen block */
    void zeroFrozen(Params p) {
        for (int b = 0; b < trainable.length; b++) {
            if (!trainable[b]) {
                Arrays.fill(p.block(b), 0.0);
            }
        }
    }

    /**
     * @param p a point
     * @return the Euclidean norm of its trained blocks
     */
    double trainedNorm(Params p) {
        double s = 0;
        for (int b = 0; b < trainable.length; b++) {
            if (trainable[b]) {
                double n = p.blockNorm(b);
                s += n * n;
            }
        }
        return Math.sqrt(s);
    }
}
