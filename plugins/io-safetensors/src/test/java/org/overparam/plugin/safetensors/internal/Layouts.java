package org.overparam.plugin.safetensors.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.overparam.api.BlockRole;
import org.overparam.api.BlockSpec;
import org.overparam.api.ComponentKind;
import org.overparam.api.Config;
import org.overparam.api.Layout;
import org.overparam.api.Params;
import org.overparam.api.Scaling;
import org.overparam.api.Shape;
import org.overparam.testkit.FakeSnapshot;

/** Layouts shaped like arch-fc's: W1 [m, d], b1 [m], W2.. [m, m], W_out [k, m], b_out [k]. */
final class Layouts {
    private Layouts() {
    }

    /**
     * @param d inputs
     * @param m width
     * @param depth hidden layers
     * @param k outputs
     * @param bias whether layers have biases
     * @return the layout
     */
    static Layout fc(int d, int m, int depth, int k, boolean bias) {
        List<BlockSpec> b = new ArrayList<>();
        for (int l = 0; l <= depth; l++) {
            boolean last = l == depth;
            int in = l == 0 ? d : m;
            int out = last ? k : m;
            BlockRole role = l == 0 ? BlockRole.INPUT : last ? BlockRole.OUTPUT : BlockRole.HIDDEN;
            b.add(BlockSpec.of(last ? "W_out" : "W" + (l + 1), Shape.of(out, in), role, in));
            if (bias) {
                b.add(BlockSpec.of(last ? "b_out" : "b" + (l + 1), Shape.of(out), BlockRole.BIAS, 1));
            }
        }
        return new Layout(b);
    }

    /**
     * @return a snapshot at {@code step} of a run of {@code fc} (width 8, with biases) initialized by
     *     {@code ntk}, at {@code params}; the test gives the model, data, loss and oracle it reads
     */
    static FakeSnapshot snapshot(long step, boolean last, Params params, Scaling scaling, Config config) {
        FakeSnapshot s = new FakeSnapshot(params, null, null, config);
        s.step = step;
        s.isFinal = last;
        s.scaling = scaling;
        s.names.put(ComponentKind.ARCHITECTURE, "fc");
        s.names.put(ComponentKind.INITIALIZER, "ntk");
        s.configs.put(ComponentKind.ARCHITECTURE, Config.of(Map.of("width", 8L, "bias", true)));
        return s;
    }
}
