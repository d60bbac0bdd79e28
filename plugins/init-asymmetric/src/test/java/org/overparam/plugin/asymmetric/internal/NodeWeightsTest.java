package org.overparam.plugin.asymmetric.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** lambda_j = a/p + (1 - a) j^(-1/alpha) / H: sums, the symmetric case, order and a = 0. */
class NodeWeightsTest {
    @Test
    void weightsSumToOne() {
        for (int p : new int[] {1, 2, 7, 100, 2000, 50_000}) {
            for (double a : new double[] {0, 0.1, 0.5, 0.9, 1}) {
                for (double alpha : new double[] {0.05, 0.3, 0.5, 0.9, 0.999}) {
                    assertEquals(1.0, kahanSum(NodeWeights.lambda(p, a, alpha)), 1e-12,
                            "p " + p + ", a " + a + ", alpha " + alpha);
                }
            }
        }
    }

    /** Compensated summation, so that the test measures the weights' error, not its own. */
    private static double kahanSum(double[] x) {
        double sum = 0;
        double carry = 0;
        for (double v : x) {
            double y = v - carry;
            double t = sum + y;
            carry = (t - sum) - y;
            sum = t;
        }
        return sum;
    }

    @Test
    void aOneGivesExactlyOneOverP() {
        for (int p : new int[] {1, 3, 2000}) {
            for (double alpha : new double[] {0.1, 0.5, 0.9}) {
                for (double l : NodeWeights.lambda(p, 1.0, alpha)) {
                    assertEquals(1.0 / p, l, 0.0);
                }
            }
        }
    }

    @Test
    void weightsDecreaseInJBelowAOne() {
        for (double a : new double[] {0, 0.5, 0.99}) {
            double[] l = NodeWeights.lambda(2000, a, 0.5);
            for (int j = 1; j < l.length; j++) {
                assertTrue(l[j] < l[j - 1], "a " + a + ": lambda_" + (j + 1) + " < lambda_" + j);
            }
        }
    }

    @Test
    void aZeroIsThePureZipfLawWithMassOnTheFirstNode() {
        double[] l = NodeWeights.lambda(4, 0.0, 0.5);
        double h = 1 + 1.0 / 4 + 1.0 / 9 + 1.0 / 16;
        assertEquals(1 / h, l[0], 1e-16, "node 1 has the largest mass, not zero");
        assertEquals(1 / (9 * h), l[2], 1e-16);
        double[] half = NodeWeights.lambda(4, 0.5, 0.5);
        assertEquals(0.5 / 4 + 0.5 / (16 * h), half[3], 1e-16);
    }

    @Test
    void outOfRangeParametersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> NodeWeights.lambda(0, 0.5, 0.5));
        assertThrows(IllegalArgumentException.class, () -> NodeWeights.lambda(5, 1.5, 0.5));
        assertThrows(IllegalArgumentException.class, () -> NodeWeights.lambda(5, 0.5, 1.0));
        assertThrows(IllegalArgumentException.class, () -> NodeWeights.lambda(5, 0.5, 0.0));
    }
}
