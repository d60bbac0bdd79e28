package org.overparam.plugin.fc.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.overparam.api.Activation;
import org.overparam.api.Batch;
import org.overparam.api.Config;
import org.overparam.api.Model;
import org.overparam.api.Params;
import org.overparam.api.RandomStream;
import org.overparam.api.Shape;

/** Fixtures for the fc tests: models of several shapes, random points, batches and signs. */
final class Nets {
    private Nets() {
    }

    /** One network shape. */
    record Case(Shape input, int width, int depth, int outputs, boolean bias, String activation) {
        FcModel model() {
            Config c = Config.of(Map.of("width", (long) width, "depth", (long) depth, "bias", bias,
                    "activation", activation));
            return (FcModel) new FullyConnected().build(c, input, outputs);
        }

        @Override
        public String toString() {
            return "d=" + input + " m=" + width + " L=" + depth + " k=" + outputs + (bias ? " bias " : " ") + activation;
        }
    }

    /** @return shapes covering every activation, bias on and off, depth 1 to 3, k 1 to 3 */
    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        c.add(new Case(Shape.of(3), 4, 1, 1, false, "relu"));
        c.add(new Case(Shape.of(5), 6, 2, 3, true, "relu"));
        c.add(new Case(Shape.of(2, 3), 5, 3, 2, false, "relu"));
        c.add(new Case(Shape.of(4), 5, 1, 2, true, "softplus"));
        c.add(new Case(Shape.of(3), 4, 3, 1, false, "softplus"));
        c.add(new Case(Shape.of(5), 3, 2, 2, true, "tanh"));
        c.add(new Case(Shape.of(2), 6, 1, 3, false, "tanh"));
        return c;
    }

    /** @return N(0, 1/fanIn) weights, N(0, 0.25) biases */
    static Params point(Model model, long seed) {
        RandomStream r = RandomStream.of(seed);
        Params p = Params.zeros(model.layout());
        for (int i = 0; i < p.layout().count(); i++) {
            r.fillGaussian(p.block(i), Math.sqrt(1.0 / p.layout().block(i).fanIn()) * (p.layout().block(i).fanIn() == 1 ? 0.5 : 1));
        }
        return p;
    }

    /** @return a standard normal direction */
    static Params direction(Model model, long seed) {
        RandomStream r = RandomStream.of(seed);
        Params p = Params.zeros(model.layout());
        for (int i = 0; i < p.layout().count(); i++) {
            r.fillGaussian(p.block(i), 1.0);
        }
        return p;
    }

    /** @return n samples with N(0, 1) inputs and targets, labels in [0, k) */
    static Batch batch(Model model, int n, long seed) {
        RandomStream r = RandomStream.of(seed);
        double[] x = new double[n * model.inputShape().size()];
        double[] y = new double[n * model.outputSize()];
        r.fillGaussian(x, 1.0);
        r.fillGaussian(y, 1.0);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = r.nextInt(model.outputSize());
        }
        return new Batch(model.inputShape(), n, x, model.outputSize(), y, labels);
    }

    /** @return positive weights in [0.5, 1.5) for the weighted squared loss */
    static double[] weights(int size, long seed) {
        RandomStream r = RandomStream.of(seed);
        double[] w = new double[size];
        for (int i = 0; i < size; i++) {
            w[i] = 0.5 + r.nextDouble();
        }
        return w;
    }

    /**
     * @param model the model
     * @param batch the samples
     * @param a a point
     * @param b another point
     * @return whether some hidden unit's pre-activation has a different sign at the two points
     */
    static boolean patternsDiffer(Model model, Batch batch, Params a, Params b) {
        List<Activation> x = model.forward(a, batch).activations();
        List<Activation> y = model.forward(b, batch).activations();
        for (int l = 0; l < x.size(); l++) {
            double[] p = x.get(l).preActivations();
            double[] q = y.get(l).preActivations();
            for (int j = 0; j < p.length; j++) {
                if ((p[j] > 0) != (q[j] > 0)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** @return max_j |a_j - b_j| over all blocks */
    static double maxAbsDiff(Params a, Params b) {
        double m = 0;
        for (int i = 0; i < a.layout().count(); i++) {
            for (int j = 0; j < a.block(i).length; j++) {
                m = Math.max(m, Math.abs(a.block(i)[j] - b.block(i)[j]));
            }
        }
        return m;
    }

    /** @return max_j |a_j| over all blocks */
    static double maxAbs(Params a) {
        return maxAbsDiff(a, a.zerosLike());
    }
}
