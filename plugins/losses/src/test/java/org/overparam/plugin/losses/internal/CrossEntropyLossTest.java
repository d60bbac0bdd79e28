package org.overparam.plugin.losses.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.overparam.api.Batch;
import org.overparam.api.Config;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Shape;

/** {@code cross-entropy} against closed forms, a dense Hessian and finite differences. */
class CrossEntropyLossTest {
    private final CrossEntropyLoss loss = new CrossEntropyLoss();

    private static Batch labelled(int k, int... labels) {
        double[] y = new double[labels.length * k];
        for (int i = 0; i < labels.length; i++) {
            y[i * k + labels[i]] = 1;
        }
        return new Batch(Shape.of(1), labels.length, new double[labels.length], k, y, labels);
    }

    @Test
    void valueAndGradientMatchTheClosedForm() {
        Batch b = labelled(2, 0, 1);
        double[] f = {0, 0, 0, Math.log(3)};
        double[] g = new double[4];
        double value = loss.evaluate(Config.empty(), b, f, g);
        assertEquals(Math.log(2) - Math.log(0.75), value, 1e-15);
        assertArrayEquals(new double[] {-0.5, 0.5, 0.25, -0.25}, g, 1e-15);
        double mean = loss.evaluate(Config.of(Map.of("reduction", "mean")), b, f, g);
        assertEquals(value / 2, mean, 1e-15);
        assertArrayEquals(new double[] {-0.25, 0.25, 0.125, -0.125}, g, 1e-15);
    }

    @Test
    void hugeLogitsStayFinite() {
        double[] f = {1000, 0, -1000};
        double[] g = new double[3];
        assertEquals(0, loss.evaluate(Config.empty(), labelled(3, 0), f, g), 1e-300);
        assertArrayEquals(new double[] {0, 0, 0}, g, 1e-300);
        assertEquals(2000, loss.evaluate(Config.empty(), labelled(3, 2), f, g), 0);
        assertArrayEquals(new double[] {1, 0, -1}, g, 1e-300);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sum", "mean"})
    void gradientAndProductMatchFiniteDifferences(String reduction) {
        Config c = Config.of(Map.of("reduction", reduction));
        for (boolean labels : new boolean[] {true, false}) {
            Batch b = Fixtures.batch(5, 4, labels, 11);
            Fixtures.assertDerivativesMatchFiniteDifferences(loss, c, b, Fixtures.gaussian(20, 2, 12), 13, 1e-8);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sum", "mean"})
    void productEqualsTheDenseHessianPerSample(String reduction) {
        Config c = Config.of(Map.of("reduction", reduction));
        int n = 4;
        int k = 3;
        Batch b = Fixtures.batch(n, k, true, 21);
        double[] f = Fixtures.gaussian(n * k, 3, 22);
        double[] v = Fixtures.gaussian(n * k, 1, 23);
        double[] hv = new double[n * k];
        loss.hessianVector(c, b, f, v, hv);
        double r = reduction.equals("mean") ? 1.0 / n : 1.0;
        double[] ref = new double[n * k];
        for (int i = 0; i < n; i++) {
            double[] p = new double[k];
            CrossEntropyLoss.softmax(f, i * k, k, p);
            for (int a = 0; a < k; a++) {
                for (int e = 0; e < k; e++) {
                    ref[i * k + a] += r * ((a == e ? p[a] : 0) - p[a] * p[e]) * v[i * k + e];
                }
            }
        }
        assertTrue(Fixtures.relative(hv, ref) < 1e-14);
    }

    @Test
    void labelsAndOneHotTargetsAgree() {
        Batch withLabels = Fixtures.batch(6, 3, true, 31);
        Batch withoutLabels = new Batch(Shape.of(1), 6, new double[6], 3, withLabels.targets(), null);
        double[] f = Fixtures.gaussian(18, 1, 32);
        double[] g1 = new double[18];
        double[] g2 = new double[18];
        assertEquals(loss.evaluate(Config.empty(), withLabels, f, g1), loss.evaluate(Config.empty(), withoutLabels, f, g2),
                1e-14);
        assertArrayEquals(g1, g2, 1e-15);
    }

    @Test
    void oneOutputAndBadLabelsAreRefused() {
        Batch one = new Batch(Shape.of(1), 1, new double[1], 1, new double[] {1}, new int[] {0});
        var e = assertThrows(InvalidInputException.class, () -> loss.evaluate(Config.empty(), one, new double[1], null));
        assertEquals("loss", e.where());
        Batch bad = new Batch(Shape.of(1), 1, new double[1], 2, new double[2], new int[] {2});
        assertThrows(IllegalArgumentException.class, () -> loss.evaluate(Config.empty(), bad, new double[2], null));
    }
}
