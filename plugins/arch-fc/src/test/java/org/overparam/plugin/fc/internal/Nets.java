package org.overparam.plugin.fc.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.overparam.api.Config;
import org.overparam.api.Model;
import org.overparam.api.Shape;
import org.overparam.testkit.Fixtures;

/** The fc tests' network shapes (points, batches and checks: {@code org.overparam.testkit.Fixtures}). */
final class Nets {
    private Nets() {
    }

    /** One network shape. */
    record Case(Shape input, int width, int depth, int outputs, boolean bias, String activation) {
        Model model() {
            Config c = Config.of(Map.of("width", (long) width, "depth", (long) depth, "bias", bias,
                    "activation", activation));
            return new FullyConnected().build(c, input, outputs);
        }

        @Override
        public String toString() {
            return "d=" + input + " m=" + width + " L=" + depth + " k=" + outputs + (bias ? " bias " : " ") + activation;
        }
    }

    /** @return shapes covering every activation, bias on and off, depth 1 to 3, k 1 to 3 */
    /** @return the cases with two outputs at least, for cross-entropy (with one it is constant) */
    static List<Case> classifiers() {
        return cases().stream().filter(c -> c.outputs() > 1).toList();
    }

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
}
