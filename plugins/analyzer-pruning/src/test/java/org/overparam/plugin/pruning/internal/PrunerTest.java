package org.overparam.plugin.pruning.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.overparam.api.Batch;
import org.overparam.api.Model;
import org.overparam.api.Params;

/** Pruning on real fc nets: none changes nothing, all leaves the output bias, incoming rows do not matter. */
class PrunerTest {
    @Test
    void pruningZeroesOutputColumnsAndOptionallyIncomingRows() {
        Model model = Fixtures.fc(3, 6, 2, 2, true);
        Params w = Fixtures.point(model, 1);
        Batch x = Fixtures.batch(5, 3, 2, 2);
        int out = model.layout().indexOf("W_out");
        int[] order = {4, 1, 5, 0, 2, 3};
        Pruner plain = new Pruner(model.layout(), out, false);
        assertArrayEquals(model.forward(w, x).output(), model.forward(plain.prune(w, order, 0), x).output(), 0);
        double[] none = model.forward(plain.prune(w, order, 6), x).output();
        double[] bias = w.block("b_out");
        for (int i = 0; i < 5; i++) {
            assertArrayEquals(bias, new double[] {none[2 * i], none[2 * i + 1]}, 1e-15);
        }
        Params p = plain.prune(w, order, 2);
        for (int o = 0; o < 2; o++) {
            assertEquals(0, p.block(out)[o * 6 + 4]);
            assertEquals(0, p.block(out)[o * 6 + 1]);
            assertEquals(w.block(out)[o * 6 + 5], p.block(out)[o * 6 + 5]);
        }
        Params q = new Pruner(model.layout(), out, true).prune(w, order, 2);
        assertArrayEquals(model.forward(p, x).output(), model.forward(q, x).output(), 1e-15);
        double[] w2 = q.block("W2");
        for (int j = 0; j < 6; j++) {
            for (int t = 0; t < 6; t++) {
                assertEquals(j == 4 || j == 1 ? 0 : w.block("W2")[j * 6 + t], w2[j * 6 + t], "W2 row " + j);
            }
        }
        assertEquals(0, q.block("b2")[4]);
        assertEquals(w.block("b2")[0], q.block("b2")[0]);
        assertArrayEquals(w.block("W1"), q.block("W1"), 0, "only the layer feeding the output layer");
    }
}
