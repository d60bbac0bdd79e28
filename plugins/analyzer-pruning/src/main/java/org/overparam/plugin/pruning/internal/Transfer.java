package org.overparam.plugin.pruning.internal;

import java.util.List;
import org.overparam.api.Batch;
import org.overparam.api.BlockScale;
import org.overparam.api.DenseLayerPiece;
import org.overparam.api.InvalidInputException;
import org.overparam.api.MetricSink;
import org.overparam.api.Model;
import org.overparam.api.Params;
import org.overparam.api.Snapshot;

/**
 * The transfer check of arXiv 2302.01002 as Overparam runs it. The paper feeds the top-k nodes by
 * {@code lambda_j} into a small MLP trained on a held-out pool. Here the held-out pool is the run's
 * test split: a ridge read-out ({@link RidgeReadout}) is fit on the first {@code fitFraction} of
 * it, on the activations of the k chosen hidden nodes, and scored (the run's loss) on the rest.
 * A linear read-out stands in for the MLP because it is convex and deterministic (no seeds, no
 * training schedule to tune), so the score measures the features alone; and the data sets carry
 * one task, so the pool's targets are the run's own. Recorded: {@code transfer_top_risk} (top k by
 * lambda), {@code transfer_bottom_risk} (bottom k, the contrast), {@code transfer_k}.
 *
 * <p>Activations are the output layer's inputs from {@link Model#denseLayerPieces}, divided by the
 * output block's column multipliers to undo the raw-coordinate scaling.
 */
final class Transfer {
    private Transfer() {
    }

    /**
     * @param snapshot the run
     * @param model its model
     * @param w the current point
     * @param scores the node scores
     * @param ranking nodes by decreasing lambda
     * @param k how many nodes
     * @param ridge the relative ridge
     * @param fitFraction the share of the test split to fit on
     * @param out the sink
     * @throws InvalidInputException naming {@code transfer} when the test split has fewer than 4
     *     samples or the model gives no dense-layer pieces
     */
    static void record(Snapshot snapshot, Model model, Params w, NodeScores scores, int[] ranking, int k, double ridge,
                       double fitFraction, MetricSink out) {
        Batch test = snapshot.data().test();
        if (test.n() < 4) {
            throw new InvalidInputException("transfer", "the read-out needs a test split of at least 4 samples, the data has "
                    + test.n() + " (set the data set's test size)");
        }
        int nFit = Math.max(2, Math.min(test.n() - 1, (int) Math.floor(fitFraction * test.n())));
        int[] fitRows = range(0, nFit);
        int[] evalRows = range(nFit, test.n());
        double[] all = activations(model, w, test, scores, snapshot.scaling().scale(scores.outputBlock()));
        int m = scores.nodes();
        int[] top = java.util.Arrays.copyOfRange(ranking, 0, k);
        int[] bottom = java.util.Arrays.copyOfRange(ranking, m - k, m);
        out.scalar("transfer_k", k);
        out.scalar("transfer_top_risk", score(snapshot, test, all, m, top, fitRows, evalRows, ridge));
        out.scalar("transfer_bottom_risk", score(snapshot, test, all, m, bottom, fitRows, evalRows, ridge));
    }

    private static double score(Snapshot snapshot, Batch test, double[] all, int m, int[] nodes, int[] fitRows,
                                int[] evalRows, double ridge) {
        int c = test.outputSize();
        Batch fit = test.select(fitRows);
        Batch eval = test.select(evalRows);
        RidgeReadout r = RidgeReadout.fit(columns(all, m, fitRows, nodes), fit.targets(), fitRows.length, nodes.length, c,
                ridge);
        double[] pred = r.predict(columns(all, m, evalRows, nodes), evalRows.length);
        return snapshot.loss(eval).evaluate(pred, null);
    }

    /** @return the {@code n x m} activations of the output layer's input nodes */
    static double[] activations(Model model, Params w, Batch batch, NodeScores scores, BlockScale scale) {
        String name = w.layout().block(scores.outputBlock()).name();
        List<DenseLayerPiece> pieces = model.denseLayerPieces(w, batch, 0).orElseThrow(() -> new InvalidInputException(
                "transfer", "the read-out needs the hidden activations, which this model does not give (no dense-layer pieces)"));
        for (DenseLayerPiece p : pieces) {
            if (p.weightBlock().equals(name)) {
                double[] x = p.inputs().clone();
                for (int j = 0; j < p.in(); j++) {
                    double mult = scale.scalar() * (scale.perInput() == null ? 1.0 : scale.perInput()[j]);
                    if (mult != 0 && mult != 1) {
                        for (int i = 0; i < p.n(); i++) {
                            x[i * p.in() + j] /= mult;
                        }
                    }
                }
                return x;
            }
        }
        throw new InvalidInputException("transfer", "no dense-layer piece reads the output block " + name);
    }

    private static double[] columns(double[] all, int m, int[] rows, int[] nodes) {
        double[] x = new double[rows.length * nodes.length];
        for (int r = 0; r < rows.length; r++) {
            for (int a = 0; a < nodes.length; a++) {
                x[r * nodes.length + a] = all[rows[r] * m + nodes[a]];
            }
        }
        return x;
    }

    private static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }
}
