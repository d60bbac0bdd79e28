package org.overparam.plugin.projected.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.overparam.api.BlockRole;
import org.overparam.api.BlockSpec;
import org.overparam.api.Config;
import org.overparam.api.Constraint;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Layout;
import org.overparam.api.Params;
import org.overparam.api.RandomStream;
import org.overparam.api.Shape;
import org.overparam.api.run.ParamSpec;

/**
 * {@code ball} and {@code neuron-norm} on random points (1000 trials each, seeded): the result is
 * feasible, projecting it again changes it by at most 1e-14 relative (idempotent up to rounding), two
 * points get no farther apart (non-expansive, 1e-12 relative slack), no feasible point is nearer
 * (optimality), and the blocks a set does not constrain are left exactly as they were.
 */
class ProjectionTest {
    static final int TRIALS = 1000;

    /** An fc-like layout: W1 5x3 (input), b1, W2 4x5 (hidden), W_out 1x4 (output). */
    static Layout layout() {
        return new Layout(List.of(BlockSpec.of("W1", Shape.of(5, 3), BlockRole.INPUT, 3),
                BlockSpec.of("b1", Shape.of(5), BlockRole.BIAS, 1),
                BlockSpec.of("W2", Shape.of(4, 5), BlockRole.HIDDEN, 5),
                BlockSpec.of("W_out", Shape.of(1, 4), BlockRole.OUTPUT, 4)));
    }

    /** A random point whose scale varies over trials, so some are inside the set and some far outside. */
    static Params random(RandomStream r, double scale) {
        Params p = Params.zeros(layout());
        for (int i = 0; i < 4; i++) {
            r.fillGaussian(p.block(i), scale);
        }
        return p;
    }

    static List<Object[]> cases() {
        return List.of(
                new Object[] {new BallConstraint(), Config.of(Map.of("radius", 1.5))},
                new Object[] {new BallConstraint(), Config.of(Map.of("radius", 0.5, "relative", true, "center", "zero"))},
                new Object[] {new NeuronNormConstraint(), Config.of(Map.of("bound", 0.8))},
                new Object[] {new NeuronNormConstraint(), Config.of(Map.of("bound", 0.3, "relative", true,
                        "center", "initial"))});
    }

    @Test
    void projectionsAreFeasibleIdempotentNonExpansiveAndNearest() {
        RandomStream r = RandomStream.of(2210);
        Params reference = random(r, 1.0);
        for (boolean[] trainable : new boolean[][] {{true, true, true, true}, {true, true, false, true}}) {
            for (Object[] c : cases()) {
                Constraint set = (Constraint) c[0];
                Config config = (Config) c[1];
                String what = set.getClass().getSimpleName() + " " + config;
                for (int t = 0; t < TRIALS; t++) {
                    double scale = Math.pow(10, -1 + 2.0 * t / TRIALS);
                    Params x = random(r, scale);
                    Params y = random(r, scale);
                    Params px = project(set, config, reference, trainable, x);
                    Params py = project(set, config, reference, trainable, y);
                    Params again = project(set, config, reference, trainable, px);
                    assertTrue(distance(again, px) <= 1e-14 * (1 + px.norm()), what + ": idempotent");
                    assertTrue(distance(px, py) <= distance(x, y) * (1 + 1e-12) + 1e-15, what + ": non-expansive");
                    Params z = project(set, config, reference, trainable, random(r, 3 * scale));
                    assertTrue(distance(x, px) <= distance(x, z) + 1e-12, what + ": nearest feasible point");
                    for (int i = 0; i < 4; i++) {
                        boolean constrained = trainable[i] && (set instanceof BallConstraint || i == 0 || i == 2);
                        if (!constrained) {
                            assertArrayEquals(x.block(i), px.block(i), 0, what + ": block " + i + " untouched");
                        }
                    }
                }
            }
        }
    }

    @Test
    void ballHasItsRadiusAroundItsCenter() {
        Params reference = random(RandomStream.of(1), 1.0);
        boolean[] all = {true, true, true, true};
        Params far = reference.copy();
        far.block(0)[0] += 30;
        far.block(3)[1] -= 40;
        Params p = project(new BallConstraint(), Config.of(Map.of("radius", 2.0)), reference, all, far);
        assertEquals(2.0, distance(p, reference), 1e-14);
        assertEquals(reference.block(0)[0] + 30 * 2.0 / 50, p.block(0)[0], 1e-14);
        assertEquals(reference.block(3)[1] - 40 * 2.0 / 50, p.block(3)[1], 1e-14);
        Params q = project(new BallConstraint(), Config.of(Map.of("radius", 0.5, "relative", true, "center", "zero")),
                reference, all, far);
        assertEquals(0.5 * reference.norm(), q.norm(), 1e-14);
        Params inside = project(new BallConstraint(), Config.of(Map.of("radius", 0.0)), reference, all, far);
        assertEquals(0.0, distance(inside, reference), 0, "radius 0: the reference point itself");
    }

    @Test
    void neuronNormBoundsEachHiddenRow() {
        Params reference = random(RandomStream.of(2), 1.0);
        Params x = random(RandomStream.of(3), 5.0);
        boolean[] all = {true, true, true, true};
        Params p = project(new NeuronNormConstraint(), Config.of(Map.of("bound", 0.7)), reference, all, x);
        for (int r = 0; r < 5; r++) {
            assertEquals(0.7, rowNorm(p.block(0), r, 3), 1e-15, "W1 row " + r);
        }
        for (int r = 0; r < 4; r++) {
            assertEquals(0.7, rowNorm(p.block(2), r, 5), 1e-15, "W2 row " + r);
        }
        Params rel = project(new NeuronNormConstraint(), Config.of(Map.of("bound", 0.5, "relative", true)),
                reference, all, x);
        for (int r = 0; r < 5; r++) {
            assertEquals(0.5 * rowNorm(reference.block(0), r, 3), rowNorm(rel.block(0), r, 3), 1e-15);
        }
    }

    @Test
    void badParametersAreNamed() {
        Params p = random(RandomStream.of(4), 1.0);
        boolean[] all = {true, true, true, true};
        ParamSpec radius = ParamSpec.of(BallConstraint.Settings.class).stream().filter(s -> s.name().equals("radius")).findFirst().orElseThrow();
        assertEquals("value -1.0 is out of range [0, inf)", assertThrows(InvalidInputException.class, () -> radius.check("radius", -1.0)).getMessage(),
                "refused by the schema before the component runs");
        assertEquals("center", assertThrows(InvalidInputException.class, () -> new NeuronNormConstraint()
                .project(Config.of(Map.of("center", "middle")), p, all, p.copy())).where());
    }

    static Params project(Constraint set, Config config, Params reference, boolean[] trainable, Params x) {
        Params p = x.copy();
        set.project(config, reference, trainable.clone(), p);
        return p;
    }

    static double distance(Params a, Params b) {
        return a.copy().axpy(-1, b).norm();
    }

    private static double rowNorm(double[] w, int row, int len) {
        double s = 0;
        for (int j = row * len; j < (row + 1) * len; j++) {
            s += w[j] * w[j];
        }
        return Math.sqrt(s);
    }
}
