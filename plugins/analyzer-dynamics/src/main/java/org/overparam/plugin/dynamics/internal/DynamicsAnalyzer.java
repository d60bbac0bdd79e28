package org.overparam.plugin.dynamics.internal;

import org.osgi.service.component.annotations.Component;
import org.overparam.api.Analyzer;
import org.overparam.api.Batch;
import org.overparam.api.ComponentProperties;
import org.overparam.api.Data;
import org.overparam.api.Forward;
import org.overparam.api.Layout;
import org.overparam.api.MetricSink;
import org.overparam.api.Model;
import org.overparam.api.Optimizer;
import org.overparam.api.Param;
import org.overparam.api.Params;
import org.overparam.api.Snapshot;
import org.overparam.api.Task;

/**
 * The analyzer {@code dynamics}: the training loss ({@code train_loss}, through the run's oracle),
 * the test loss ({@code test_loss}, when the data has test samples), for classification the
 * accuracies ({@code train_accuracy}, {@code test_accuracy}: argmax of the outputs against the
 * labels), and how far the weights moved from initialization, the quantity arXiv 1811.03962 bounds
 * (check B2: it falls about as {@code m^-1/2} with the width):
 * {@code movement.<block> = ||W_t - W_0|| / ||W_0||} per block and {@code movement} over all blocks,
 * Frobenius norms of raw values. A block (or a whole point) that starts at zero, such as
 * zero-initialized biases, has no relative movement: its absolute {@code displacement.<block> =
 * ||W_t||} (or {@code displacement}) is recorded instead.
 *
 * <p>Optionally (all on by default) it also records per-node movement of the hidden weight blocks
 * ({@link NodeMovement}: {@code node_movement.<block>} series and statistics, and movement against
 * {@code lambda_j} under asymmetrical node scaling, arXiv 2302.01002), the fraction of ReLU
 * patterns flipped since initialization ({@link PatternFlips}: {@code flip.<layer>}, {@code flip};
 * arXiv 1811.03962), and the fitted linear rate of the log training loss with the steps taken to
 * reach a target ({@link LossRate}: {@code rate}, {@code rate_stderr}, {@code rate_r2},
 * {@code log_rate}, {@code log_rate_stderr}, {@code steps_to_target}) from the run's
 * {@code train.loss} history.
 *
 * <p>Cost per call: one oracle loss, a forward pass on the test set, a forward pass on the training
 * set for classification, one on up to {@code flipPoints} samples for the flips (two on the first
 * call), O(P) for the norms and O(T) for the loss history. Its only state is the flip analysis's
 * samples and initial patterns.
 */
@Component(service = Analyzer.class, property = {
    ComponentProperties.NAME + "=dynamics",
    ComponentProperties.DESCRIPTION + "=Train/test loss and accuracy, weight movement per block and node, "
        + "flipped ReLU patterns, fitted linear rate of log loss"})
public final class DynamicsAnalyzer implements Analyzer {

    /** The parameters of {@code dynamics}. */
    public @interface Settings {
        /** @return whether to record per-block movement */
        @Param("record movement.<block> for every block, not only the overall movement")
        boolean perBlock() default true;

        /** @return whether to record per-node movement */
        @Param("record per-node movement ||w_j - w_j^0||^2 of the rows of input and hidden weight blocks "
                + "(series node_movement.<block>, its mean, max and top-10% share; under per-node lambda also the "
                + "share of the top 10% by lambda and Spearman's rho with lambda)")
        boolean perNode() default true;

        /** @return whether to record pattern flips */
        @Param("record the fraction of ReLU activation patterns flipped since initialization (flip.<layer>, flip)")
        boolean flips() default true;

        /** @return the samples for the flips */
        @Param(value = "training samples on which flips are counted (a seeded subset kept for the run); 0 = all", min = 0)
        int flipPoints() default 1000;

        /** @return the fit's window */
        @Param(value = "number of latest train.loss values in the fit of log loss against steps; 0 = all", min = 0)
        int rateWindow() default 100;

        /** @return the target loss; 0 = the stop rule's */
        @Param(value = "training loss whose first crossing is recorded as steps_to_target; 0 = the run's "
                + "stop.targetLoss, or 1e-6 when the run has none", min = 0)
        double target() default 0;
    }

    @Override
    public Class<Settings> configType() {
        return Settings.class;
    }

    @Override
    public void analyze(Snapshot snapshot, MetricSink out) {
        Settings c = snapshot.config().as(Settings.class);
        Params w = snapshot.params();
        Data data = snapshot.data();
        Model model = snapshot.model();
        boolean classification = data.task() == Task.CLASSIFICATION;
        out.scalar("train_loss", snapshot.oracle().loss(w, null));
        if (classification) {
            out.scalar("train_accuracy", Accuracy.of(model.forward(w, data.train()).output(), data.train()));
        }
        Batch test = data.test();
        if (test.n() > 0) {
            Forward f = model.forward(w, test);
            out.scalar("test_loss", snapshot.loss(test).evaluate(f.output(), null));
            if (classification) {
                out.scalar("test_accuracy", Accuracy.of(f.output(), test));
            }
        }
        if (c.perNode()) {
            NodeMovement.record(w, snapshot.initial(), snapshot.scaling(), out);
        }
        if (c.flips()) {
            PatternFlips.record(snapshot, c.flipPoints(), out);
        }
        LossRate.record(snapshot.history(Optimizer.TRAIN_LOSS), c.rateWindow(), target(c.target(), snapshot.targetLoss()), out);
        movement(w, snapshot.initial(), c.perBlock(), out);
    }

    /** The target of {@code steps_to_target} when neither the analyzer nor the stop rule sets one. */
    static final double DEFAULT_TARGET = 1e-6;

    /**
     * @param own the analyzer's {@code target} (0: not set)
     * @param stop the run's {@code stop.targetLoss} (0: none)
     * @return the loss whose first crossing is {@code steps_to_target}: the analyzer's own, else the
     *     stop rule's, else {@link #DEFAULT_TARGET}
     */
    static double target(double own, double stop) {
        return own > 0 ? own : stop > 0 ? stop : DEFAULT_TARGET;
    }

    /**
     * Records the movement metrics.
     *
     * @param current the current point; overwritten with {@code current - initial}
     * @param initial the initial point; not modified
     * @param perBlock whether to record each block
     * @param out the sink
     */
    static void movement(Params current, Params initial, boolean perBlock, MetricSink out) {
        Params diff = current.axpy(-1, initial);
        Layout layout = diff.layout();
        if (perBlock) {
            for (int i = 0; i < layout.count(); i++) {
                record(out, "." + layout.block(i).name(), diff.blockNorm(i), initial.blockNorm(i));
            }
        }
        record(out, "", diff.norm(), initial.norm());
    }

    private static void record(MetricSink out, String suffix, double moved, double start) {
        if (start > 0) {
            out.scalar("movement" + suffix, moved / start);
        } else {
            out.scalar("displacement" + suffix, moved);
        }
    }
}
