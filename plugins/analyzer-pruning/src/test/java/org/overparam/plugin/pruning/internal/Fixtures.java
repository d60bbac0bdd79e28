package org.overparam.plugin.pruning.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.overparam.api.Batch;
import org.overparam.api.BlockScale;
import org.overparam.api.BlockSpec;
import org.overparam.api.Config;
import org.overparam.api.Data;
import org.overparam.api.Model;
import org.overparam.api.Params;
import org.overparam.api.RandomStream;
import org.overparam.api.Scaling;
import org.overparam.api.Shape;
import org.overparam.api.Task;
import org.overparam.plugin.fc.internal.FullyConnected;

/** Real fc networks with Caron-style scalings, and data, for the pruning tests. */
final class Fixtures {
    private Fixtures() {
    }

    static Model fc(int d, int width, int depth, int k, boolean bias) {
        return new FullyConnected().build(Config.of(Map.of("width", (long) width, "depth", (long) depth, "bias", bias)),
                Shape.of(d), k);
    }

    /**
     * NTK multipliers sqrt(2 / fanIn); on the output block, when {@code alpha > 0}, Caron et al.'s
     * per-node sqrt(lambda_j) with lambda_j = a/m + (1 - a) j^(-1/alpha) / H (1-based j), a = 0.5.
     */
    static Scaling scaling(Model model, double alpha) {
        List<BlockScale> s = new ArrayList<>();
        for (BlockSpec b : model.layout().blocks()) {
            if (b.shape().rank() == 1) {
                s.add(BlockScale.ONE);
            } else if (b.name().equals("W_out") && alpha > 0) {
                int m = b.shape().dim(1);
                double h = 0;
                for (int j = 1; j <= m; j++) {
                    h += Math.pow(j, -1 / alpha);
                }
                double[] per = new double[m];
                for (int j = 0; j < m; j++) {
                    per[j] = Math.sqrt(0.5 / m + 0.5 * Math.pow(j + 1, -1 / alpha) / h);
                }
                s.add(new BlockScale(1.0, per));
            } else {
                s.add(BlockScale.of(Math.sqrt(2.0 / b.fanIn())));
            }
        }
        return new Scaling(model.layout(), s);
    }

    static Params point(Model model, long seed) {
        RandomStream r = RandomStream.of(seed);
        Params p = Params.zeros(model.layout());
        for (int i = 0; i < p.layout().count(); i++) {
            r.fillGaussian(p.block(i), p.layout().block(i).shape().rank() == 1 ? 0.2 : 1.0);
        }
        return p;
    }

    static Batch batch(int n, int d, int k, long seed) {
        RandomStream r = RandomStream.of(seed);
        double[] x = new double[n * d];
        double[] y = new double[n * k];
        r.fillGaussian(x, 1.0);
        r.fillGaussian(y, 1.0);
        return new Batch(Shape.of(d), n, x, k, y, null);
    }

    static Data data(int nTrain, int nTest, int d, int k) {
        return new Data(batch(nTrain, d, k, 5), batch(nTest, d, k, 6), Task.REGRESSION, Map.of(), "test data");
    }
}
