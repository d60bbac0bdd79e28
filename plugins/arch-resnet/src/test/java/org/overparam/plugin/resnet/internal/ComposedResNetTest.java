package org.overparam.plugin.resnet.internal;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.overparam.api.Model;
import org.overparam.nn.Layer;
import org.overparam.nn.Layers;
import org.overparam.nn.Network;
import org.overparam.testkit.ModelComparison;

/**
 * The layer algebra's {@code A, relu, residual(tau, W_l, relu) x L, (pool), B} (org.overparam.nn),
 * A and B {@code frozen} unless {@code train = all}, against the hand-written {@link ResNetModel}
 * on every case of {@link ResNets#cases()} (a conv net reads {@code [d]} as {@code [1, d]}:
 * {@code reshape}): the same blocks, and outputs, activations and NTK pieces equal to the bit; gradients and
 * exact Hessian-vector products agree to 1e-13 relative (a few ulp: the hand-written passes add
 * the skip and branch signals in another order).
 */
class ComposedResNetTest {

    static Model composed(ResNets.Case c, double tau) {
        List<Layer> layers = new ArrayList<>();
        boolean all = c.train().equals("all");
        int rank = Math.max(2, c.data().rank());
        int k = c.kernel();
        int p = (k - 1) / 2;
        if (c.dense()) {
            layers.add(Layers.flatten());
        } else if (c.data().rank() == 1) {
            layers.add(Layers.reshape(1, c.data().dim(0)));
        }
        Layer a = c.dense() ? Layers.dense(c.width()).named("A", null)
                : rank == 3 ? Layers.conv2d(c.width(), k, k).padding(p, p).named("A.weight", null)
                : Layers.conv1d(c.width(), k).padding(p).named("A.weight", null);
        layers.add(all ? a : Layers.frozen(a));
        layers.add(Layers.named("h0", Layers.relu()));
        for (int l = 1; l <= c.depth(); l++) {
            String w = "W" + l + (c.dense() ? "" : ".weight");
            Layer hidden = c.dense() ? Layers.dense(c.width()).named(w, null)
                    : rank == 3 ? Layers.conv2d(c.width(), k, k).padding(p, p).named(w, null)
                    : Layers.conv1d(c.width(), k).padding(p).named(w, null);
            layers.add(Layers.residual(tau, hidden, Layers.named("h" + l, Layers.relu())));
        }
        if (!c.dense()) {
            layers.add(c.head().equals("avgpool") ? Layers.globalAvgPool() : Layers.flatten());
        }
        Layer b = Layers.dense(c.outputs()).named(c.dense() ? "B" : "B.weight", null);
        layers.add(all ? b : Layers.frozen(b));
        return Network.of(c.data(), layers.toArray(new Layer[0]));
    }

    @Test
    void sameLayoutOutputsGradientsHessianVectorsAndPieces() {
        for (ResNets.Case c : ResNets.cases()) {
            ResNetModel model = c.model();
            for (long seed = 1; seed <= 3; seed++) {
                ModelComparison.assertEquivalent(model, composed(c, model.plan().tau()), seed, 1e-13, c + " seed " + seed);
            }
        }
    }
}
