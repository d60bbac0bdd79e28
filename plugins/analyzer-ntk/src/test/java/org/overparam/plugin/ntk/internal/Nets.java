package org.overparam.plugin.ntk.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.overparam.api.Batch;
import org.overparam.api.BlockScale;
import org.overparam.api.BlockSpec;
import org.overparam.api.ComponentKind;
import org.overparam.api.Config;
import org.overparam.api.Data;
import org.overparam.api.Model;
import org.overparam.api.Params;
import org.overparam.api.RandomStream;
import org.overparam.api.Scaling;
import org.overparam.api.Shape;
import org.overparam.api.Task;
import org.overparam.plugin.fc.internal.FullyConnected;
import org.overparam.testkit.FakeSnapshot;
import org.overparam.testkit.TestLosses;

/** Fixtures: real fc networks, NTK-style scalings, random points and data. */
final class Nets {
    private Nets() {
    }

    /** One fc shape. */
    record Case(int d, int width, int depth, int outputs, boolean bias, String activation) {
        Model model() {
            return fc(d, width, depth, outputs, bias, activation);
        }

        @Override
        public String toString() {
            return "d=" + d + " m=" + width + " L=" + depth + " k=" + outputs + (bias ? " bias " : " ") + activation;
        }
    }

    static List<Case> cases() {
        return List.of(new Case(3, 5, 1, 1, false, "relu"), new Case(4, 6, 2, 3, true, "relu"),
                new Case(5, 4, 3, 2, false, "tanh"), new Case(2, 7, 2, 1, true, "softplus"));
    }

    static Model fc(int d, int width, int depth, int outputs, boolean bias, String activation) {
        return new FullyConnected().build(Config.of(Map.of("width", (long) width, "depth", (long) depth, "bias", bias,
                "activation", activation)), Shape.of(d), outputs);
    }

    /** The NTK parameterization's multipliers sqrt(c / fanIn), with per-input multipliers on W1 and W_out. */
    static Scaling asymmetric(Model model, long seed) {
        RandomStream r = RandomStream.of(seed);
        List<BlockScale> s = new ArrayList<>();
        for (BlockSpec b : model.layout().blocks()) {
            double[] per = null;
            if (b.name().equals("W_out") || b.name().equals("W1")) {
                per = new double[b.shape().dim(1)];
                for (int j = 0; j < per.length; j++) {
                    per[j] = 0.3 + r.nextDouble();
                }
            }
            s.add(b.shape().rank() == 1 ? BlockScale.of(0.7) : new BlockScale(Math.sqrt(2.0 / b.fanIn()), per));
        }
        return new Scaling(model.layout(), s);
    }

    /** The NTK parameterization: multipliers sqrt(2 / fanIn) (1 / fanIn for the output), biases 1. */
    static Scaling ntk(Model model) {
        List<BlockScale> s = new ArrayList<>();
        for (BlockSpec b : model.layout().blocks()) {
            double c = b.name().equals("W_out") ? 1.0 : 2.0;
            s.add(b.shape().rank() == 1 ? BlockScale.ONE : BlockScale.of(Math.sqrt(c / b.fanIn())));
        }
        return new Scaling(model.layout(), s);
    }

    /** @return standard normal raw values (biases 0.3 N(0, 1)) */
    static Params point(Model model, long seed) {
        RandomStream r = RandomStream.of(seed);
        Params p = Params.zeros(model.layout());
        for (int i = 0; i < p.layout().count(); i++) {
            r.fillGaussian(p.block(i), model.layout().block(i).shape().rank() == 1 ? 0.3 : 1.0);
        }
        return p;
    }

    /** @return n inputs uniform on the unit sphere and N(0, 1) targets */
    static Batch sphere(int n, int d, int k, long seed) {
        RandomStream r = RandomStream.of(seed);
        double[] x = new double[n * d];
        r.fillGaussian(x, 1.0);
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                s += x[i * d + j] * x[i * d + j];
            }
            for (int j = 0; j < d; j++) {
                x[i * d + j] /= Math.sqrt(s);
            }
        }
        double[] y = new double[n * k];
        r.fillGaussian(y, 1.0);
        return new Batch(Shape.of(d), n, x, k, y, null);
    }

    /** @return regression data with the given training batch and an empty test set */
    static Data data(Batch train) {
        return new Data(train, new Batch(train.inputShape(), 0, new double[0], train.outputSize(), new double[0], null),
                Task.REGRESSION, Map.of(), "test data");
    }

    /** @return max |a - b| / max |b| */
    static double relative(double[] a, double[] b) {
        double diff = 0;
        double scale = 0;
        for (int i = 0; i < a.length; i++) {
            diff = Math.max(diff, Math.abs(a[i] - b[i]));
            scale = Math.max(scale, Math.abs(b[i]));
        }
        return diff / scale;
    }

    /**
     * @return a snapshot at {@code initial} whose loss is the squared loss {@code s sum (f - y)^2}, s as
     *     the run's LOSS config sets it ({@code half}, {@code reduction}), and whose random stream is
     *     derived as the engine derives an analyzer's
     */
    static FakeSnapshot snapshot(Params initial, Model model, Data data, Config config) {
        FakeSnapshot s = new FakeSnapshot(initial, model, data, config);
        s.random = RandomStream.of(42).derive("analyzer.test");
        s.loss = batch -> {
            Config c = s.componentConfig(ComponentKind.LOSS);
            double scale = (Boolean.FALSE.equals(c.get("half")) ? 1.0 : 0.5)
                    * ("mean".equals(c.get("reduction")) ? 1.0 / batch.n() : 1.0);
            double[] weights = new double[batch.targets().length];
            Arrays.fill(weights, 2 * scale);
            return TestLosses.squared(batch.targets(), weights);
        };
        return s;
    }
}
