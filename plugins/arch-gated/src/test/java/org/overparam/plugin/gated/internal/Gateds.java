package org.overparam.plugin.gated.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.overparam.api.Batch;
import org.overparam.api.BlockRole;
import org.overparam.api.BlockScale;
import org.overparam.api.BlockSpec;
import org.overparam.api.Config;
import org.overparam.api.Layout;
import org.overparam.api.Model;
import org.overparam.api.Params;
import org.overparam.api.RandomStream;
import org.overparam.api.Scaling;
import org.overparam.api.Shape;
import org.overparam.testkit.Fixtures;

/** Fixtures for the gated tests: shapes, tied points, an NTK-like scaling and data on the sphere. */
final class Gateds {
    private Gateds() {
    }

    /** One network shape. */
    record Case(Shape input, int width, int depth, int outputs) {
        Model model() {
            return surrogate().network();
        }

        Surrogate surrogate() {
            return GatedSurrogate.build(Config.of(Map.of("width", (long) width, "depth", (long) depth))
                    .as(GatedSurrogate.Settings.class), input, outputs);
        }

        @Override
        public String toString() {
            return "d=" + input + " m=" + width + " L=" + depth + " k=" + outputs;
        }
    }

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        c.add(new Case(Shape.of(3), 4, 1, 1));
        c.add(new Case(Shape.of(5), 6, 2, 3));
        c.add(new Case(Shape.of(2, 3), 5, 3, 2));
        return c;
    }

    /** @return a point whose gate blocks are copies of the value blocks they are tied to, as a run makes them */
    static Params tiedPoint(Model model, long seed) {
        Params p = Fixtures.point(model, seed);
        tie(p);
        return p;
    }

    /** Copies every tied block's source into it. @param p the point */
    static void tie(Params p) {
        Layout layout = p.layout();
        for (int i = 0; i < layout.count(); i++) {
            BlockSpec b = layout.block(i);
            if (b.tiedTo() != null) {
                System.arraycopy(p.block(b.tiedTo()), 0, p.block(i), 0, p.block(i).length);
            }
        }
    }

    /**
     * @return the NTK parameterization's multipliers (sqrt(2 / fanIn) for input and hidden weights,
     *     sqrt(1 / fanIn) for the output), tied blocks copying their source's, as the run does
     */
    static Scaling ntk(Layout layout) {
        List<BlockScale> s = new ArrayList<>();
        for (BlockSpec b : layout.blocks()) {
            BlockSpec source = b.tiedTo() == null ? b : layout.block(layout.indexOf(b.tiedTo()));
            double c = source.role() == BlockRole.OUTPUT ? 1.0 : 2.0;
            s.add(BlockScale.of(Math.sqrt(c / source.fanIn())));
        }
        return new Scaling(layout, s);
    }

    /** @return raw N(0, 1) weights with tied gates: the NTK initialization */
    static Params ntkPoint(Model model, long seed) {
        Params p = Params.zeros(model.layout());
        RandomStream r = RandomStream.of(seed);
        for (int i = 0; i < p.layout().count(); i++) {
            r.fillGaussian(p.block(i), 1.0);
        }
        tie(p);
        return p;
    }

    /** @return n points uniform on the unit sphere of R^d with targets y_o = sin(3 x_o) + x_{o+1}, o < k */
    static Batch sphere(int n, int d, int k, long seed) {
        RandomStream r = RandomStream.of(seed);
        double[] x = new double[n * d];
        double[] y = new double[n * k];
        for (int i = 0; i < n; i++) {
            double norm = 0;
            for (int j = 0; j < d; j++) {
                x[i * d + j] = r.nextGaussian();
                norm += x[i * d + j] * x[i * d + j];
            }
            norm = Math.sqrt(norm);
            for (int j = 0; j < d; j++) {
                x[i * d + j] /= norm;
            }
            for (int o = 0; o < k; o++) {
                y[i * k + o] = Math.sin(3 * x[i * d + o]) + x[i * d + o + 1];
            }
        }
        return new Batch(Shape.of(d), n, x, k, y, null);
    }
}
