package org.overparam.plugin.dynamics.internal;

import org.osgi.service.component.annotations.Component;
import org.overparam.api.Analyzer;
import org.overparam.api.Batch;
import org.overparam.api.Data;
import org.overparam.api.Forward;
import org.overparam.api.Layout;
import org.overparam.api.MetricSink;
import org.overparam.api.Model;
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
 * <p>Cost per call: one oracle loss, a forward pass on the test set, a forward pass on the training
 * set for classification, and O(P) for the norms. It keeps no state.
 */
@Component(service = Analyzer.class, property = {
    org.overparam.api.Component.NAME + "=dynamics",
    org.overparam.api.Component.DESCRIPTION + "=Train/test loss and accuracy, relative weight movement per block"})
public final class DynamicsAnalyzer implements Analyzer {

    /** The parameters of {@code dynamics}. */
    public @interface Config {
        /** @return whether to record per-block movement */
        @Param("record movement.<block> for every block, not only the overall movement")
        boolean perBlock() default true;
    }

    @Override
    public Class<Config> configType() {
        return Config.class;
    }

    @Override
    public void analyze(Snapshot snapshot, MetricSink out) {
        Config c = snapshot.config().as(Config.class);
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
        movement(w, snapshot.initial(), c.perBlock(), out);
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
