package org.overparam.plugin.safetensors.internal;

import java.util.ArrayList;
import java.util.List;
import org.overparam.api.BlockRole;
import org.overparam.api.BlockSpec;
import org.overparam.api.Layout;
import org.overparam.api.Shape;

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
}
