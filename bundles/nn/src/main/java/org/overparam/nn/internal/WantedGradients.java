package org.overparam.nn.internal;

import java.util.List;
import org.overparam.nn.BoundLayer;

/**
 * The block arrays a backward pass writes when only some blocks' gradients are wanted: the arrays of
 * every leaf layer none of whose blocks is wanted are replaced by {@code null}, which a layer reads
 * as "no parameter gradient" ({@link BoundLayer#backward}'s {@code grads}; {@link Children#slice}
 * passes {@code null} on for a child whose arrays are all {@code null}). A leaf with a wanted block
 * keeps all of its arrays. The leaves' blocks must lie in the root's order, each combinator's blocks
 * being its children's in turn; where they do not, nothing is replaced.
 */
public final class WantedGradients {
    private WantedGradients() {
    }

    /**
     * @param root the network's root layer
     * @param grads the root's block arrays
     * @param wanted per block, whether its gradient is wanted
     * @return {@code grads} with the arrays of the leaves that need none set to {@code null} (a copy;
     *     {@code grads} itself when nothing is to be replaced or the blocks do not line up)
     */
    public static double[][] of(BoundLayer root, double[][] grads, boolean[] wanted) {
        double[][] g = grads.clone();
        return drop(root, g, wanted, 0) == grads.length ? g : grads;
    }

    /** Nulls the unwanted leaves under {@code layer}, whose blocks start at {@code at}; -1 if they do not line up. */
    private static int drop(BoundLayer layer, double[][] g, boolean[] wanted, int at) {
        int own = layer.blocks().size();
        List<BoundLayer> children = layer.children();
        if (children.isEmpty()) {
            boolean none = own > 0;
            for (int i = at; i < at + own; i++) {
                none &= !wanted[i];
            }
            for (int i = at; none && i < at + own; i++) {
                g[i] = null;
            }
            return at + own;
        }
        int end = at;
        for (BoundLayer child : children) {
            end = drop(child, g, wanted, end);
            if (end < 0) {
                return -1;
            }
        }
        return end == at + own ? end : -1;
    }
}
