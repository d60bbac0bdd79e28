package org.overparam.plugin.resnet.internal;

import java.util.ArrayList;
import java.util.List;
import org.overparam.api.DenseLayerPiece;

/**
 * The dense-layer NTK pieces of a dense {@link ResNetModel} for one output coordinate o. With
 * {@code g_L = d f_o / d h_L = e_o B} and, going down, {@code s_l = tau g_l .* 1[u_l > 0]} (the
 * signal {@code d f_o / d u_l} of block {@code W_l}, whose input is {@code h_{l-1}}) and
 * {@code g_{l-1} = g_l + s_l W_l} (the identity path plus the block), A's signal is
 * {@code g_0 .* 1[u_0 > 0]} with input x, and B's signal is {@code e_o} with input {@code h_L}.
 * The pieces come in layout order A, W1..WL, B; there are no biases, so {@code biasScale = 0}.
 */
final class ResNetPieces {
    private ResNetPieces() {
    }

    /**
     * @param model a dense model
     * @param f its forward pass on the samples
     * @param output an output index
     * @return one piece per block
     */
    static List<DenseLayerPiece> of(ResNetModel model, ResNetForward f, int output) {
        int k = model.outputSize();
        if (output < 0 || output >= k) {
            throw new IllegalArgumentException("output " + output + " is outside [0, " + k + ")");
        }
        int n = f.batch().n();
        int depth = model.depth();
        int m = model.hidden().outSize();
        int d = model.input().inSize();
        String[] names = model.layout().names().toArray(new String[0]);
        DenseLayerPiece[] pieces = new DenseLayerPiece[depth + 2];
        double[] e = new double[n * k];
        for (int i = 0; i < n; i++) {
            e[i * k + output] = 1.0;
        }
        pieces[depth + 1] = new DenseLayerPiece(names[depth + 1], null, n, m, k, f.h()[depth], e, 0.0);
        double[] g = new double[n * m];
        model.output().inputGradient(n, f.weights()[depth + 1], e, g, false);
        for (int l = depth; l >= 1; l--) {
            double[] s = ResNetModel.signal(f.u()[l], g, model.tau());
            pieces[l] = new DenseLayerPiece(names[l], null, n, m, m, f.h()[l - 1], s, 0.0);
            model.hidden().inputGradient(n, f.weights()[l], s, g, true);
        }
        double[] s0 = ResNetModel.signal(f.u()[0], g, 1.0);
        pieces[0] = new DenseLayerPiece(names[0], null, n, d, m, f.batch().inputs().clone(), s0, 0.0);
        return new ArrayList<>(List.of(pieces));
    }
}
