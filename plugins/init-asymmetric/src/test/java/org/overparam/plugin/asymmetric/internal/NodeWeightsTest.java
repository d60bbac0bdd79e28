package org.overparam.plugin.asymmetric.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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

    /**
     * {@code indexing: authors} against SciPy's zipfian pmf as the authors' code evaluates it
     * (authors_lambda.csv, written by make_authors_lambda.py beside it): entry for entry to 1e-14
     * relative (SciPy sums the normalizer in another order), node 0 exactly a/p.
     */
    @Test
    void authorsIndexingEqualsTheirFormulaEntryForEntry() throws IOException {
        String csv;
        try (InputStream in = NodeWeightsTest.class.getResourceAsStream("authors_lambda.csv")) {
            csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int checked = 0;
        for (String line : csv.split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split(",");
            int p = Integer.parseInt(f[0]);
            double a = Double.parseDouble(f[1]);
            double alpha = Double.parseDouble(f[2]);
            int node = Integer.parseInt(f[3]);
            double expected = Double.parseDouble(f[4]);
            double got = NodeWeights.authors(p, a, alpha)[node];
            if (node == 0) {
                assertEquals(a / p, got, 0.0, line);
            }
            assertEquals(expected, got, 1e-14 * Math.abs(expected), line);
            checked++;
        }
        assertEquals(7 + 5 + 12 + 1, checked);
    }

    @Test
    void authorsIndexingIsOursShiftedByOneNode() {
        double[] ours = NodeWeights.lambda(9, 0.2, 0.6);
        double[] theirs = NodeWeights.authors(9, 0.2, 0.6);
        assertEquals(0.2 / 9, theirs[0], 0.0);
        for (int i = 1; i < 9; i++) {
            assertEquals(ours[i - 1], theirs[i], 0.0, "node " + i);
        }
        assertEquals(1 - (ours[8] - 0.2 / 9), kahanSum(theirs), 1e-15, "the Zipf weight of index p is not used");
    }
}
