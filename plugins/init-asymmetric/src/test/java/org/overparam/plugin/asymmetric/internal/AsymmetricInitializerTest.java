package org.overparam.plugin.asymmetric.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.overparam.api.Batch;
import org.overparam.api.Config;
import org.overparam.api.Initialization;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Model;
import org.overparam.api.Params;
import org.overparam.api.RandomStream;
import org.overparam.api.Shape;
import org.overparam.api.run.ParamSpec;
import org.overparam.plugin.fc.internal.FullyConnected;

/** {@code asymmetric} on the real fc network: the paper's formula, frozen signs, the a = 1 case. */
class AsymmetricInitializerTest {
    private final AsymmetricInitializer init = new AsymmetricInitializer();

    static Model fc(int width, int depth, boolean bias, int d) {
        return new FullyConnected().build(Config.of(Map.of("width", width, "depth", depth, "bias", bias)),
                Shape.of(d), 1);
    }

    @Test
    void modelOutputIsThePapersFormula() {
        int p = 300;
        int d = 50;
        int n = 20;
        Model raw = fc(p, 1, false, d);
        Config c = Config.of(Map.of("a", 0.3, "alpha", 0.6));
        Initialization ini = init.initialize(c, raw.layout(), RandomStream.of(11));
        Model model = ini.scaling().wrap(raw);
        double[] x = new double[n * d];
        RandomStream.of(12).fillGaussian(x, 1.0);
        Batch batch = new Batch(Shape.of(d), n, x, 1, new double[n], null);
        double[] out = model.forward(ini.params(), batch).output();

        double[] lambda = NodeWeights.lambda(p, 0.3, 0.6);
        double[] v = ini.params().block("W1");
        double[] u = ini.params().block("W_out");
        for (int i = 0; i < n; i++) {
            double f = 0;
            double scale = 0;
            for (int j = 0; j < p; j++) {
                double z = 0;
                for (int k = 0; k < d; k++) {
                    z += v[j * d + k] * x[i * d + k];
                }
                double h = Math.max(0, z / Math.sqrt(d));
                f += u[j] * Math.sqrt(lambda[j]) * h;
                scale += Math.sqrt(lambda[j]) * h;
            }
            assertEquals(f, out[i], 1e-13 * scale, "sample " + i);
        }
    }

    @Test
    void signsAreFrozenPlusMinusOneAndHiddenWeightsHaveVarianceTwo() {
        Model raw = fc(2000, 1, false, 50);
        Initialization ini = init.initialize(Config.empty(), raw.layout(), RandomStream.of(1));
        assertEquals(Set.of("W_out"), ini.frozen());
        int plus = 0;
        for (double s : ini.params().block("W_out")) {
            assertTrue(s == 1.0 || s == -1.0, "sign " + s);
            plus += s > 0 ? 1 : 0;
        }
        assertEquals(1000, plus, 4 * Math.sqrt(500), "fair coin: within 4 standard deviations");
        double[] v = ini.params().block("W1");
        double sq = 0;
        for (double x : v) {
            sq += x * x;
        }
        assertEquals(2.0, sq / v.length, 0.02 * 2.0, "100k draws: E v^2 = 2 within 2%");
        assertEquals(1 / Math.sqrt(50), ini.scaling().scale(0).scalar(), 0);
        assertEquals(1.0, ini.scaling().scale(1).scalar(), 0);
        double[] per = ini.scaling().scale(1).perInput();
        double[] lambda = NodeWeights.lambda(2000, 0.5, 0.5);
        for (int j = 0; j < per.length; j++) {
            assertEquals(Math.sqrt(lambda[j]), per[j], 0);
        }
    }

    @Test
    void aOneIsTheSymmetricNtkNet() {
        Model raw = fc(64, 1, false, 5);
        Initialization ini = init.initialize(Config.of(Map.of("a", 1.0)), raw.layout(), RandomStream.of(3));
        for (double m : ini.scaling().scale(1).perInput()) {
            assertEquals(Math.sqrt(1.0 / 64), m, 0);
        }
    }

    @Test
    void sameSeedSameNetOtherSeedOtherNet() {
        Model raw = fc(32, 1, false, 4);
        Params a = init.initialize(Config.empty(), raw.layout(), RandomStream.of(5)).params();
        Params b = init.initialize(Config.empty(), raw.layout(), RandomStream.of(5)).params();
        Params c = init.initialize(Config.empty(), raw.layout(), RandomStream.of(6)).params();
        assertArrayEquals(a.block(0), b.block(0), 0);
        assertArrayEquals(a.block(1), b.block(1), 0);
        assertNotEquals(a.block(0)[0], c.block(0)[0]);
    }

    @Test
    void otherNetworksAreRefusedWithTheirLayout() {
        for (Model m : new Model[] {fc(8, 2, false, 3), fc(8, 1, true, 3)}) {
            var e = assertThrows(InvalidInputException.class,
                    () -> init.initialize(Config.empty(), m.layout(), RandomStream.of(1)));
            assertTrue(e.getMessage().startsWith("asymmetrical node scaling needs a one-hidden-layer net without"
                    + " biases (fc with depth 1 and bias false); the model has blocks ["), e.getMessage());
        }
        ParamSpec a = ParamSpec.of(AsymmetricInitializer.Settings.class).stream().filter(p -> p.name().equals("a"))
                .findFirst().orElseThrow();
        assertEquals("value 2.0 is out of range [0, 1]", assertThrows(InvalidInputException.class,
                () -> a.check("a", 2.0)).getMessage(), "refused by the schema before the component runs");
    }

    @Test
    void defaultsPassTheirOwnSchema() {
        for (ParamSpec p : ParamSpec.of(init.configType())) {
            assertFalse(p.description().isBlank(), p.name());
            assertFalse(p.required(), p.name());
            assertDoesNotThrow(() -> p.check(p.name(), p.defaultValue()), p.name());
        }
    }
}
