package org.overparam.plugin.asymmetric.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.api.Batch;
import org.overparam.api.Config;
import org.overparam.api.Initialization;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Model;
import org.overparam.api.RandomStream;
import org.overparam.api.Shape;
import org.overparam.linalg.io.DType;
import org.overparam.linalg.io.Npy;
import org.overparam.linalg.io.Safetensors;
import org.overparam.linalg.io.Tensor;

/**
 * {@code asymmetric} from the authors' arrays: a net loaded from files gives the same parameters,
 * multipliers, frozen set and outputs as the net the initializer draws with the same seed, and bad
 * arrays are refused in one line naming the parameter.
 */
class GivenArraysTest {
    static final int P = 40;
    static final int D = 6;
    @TempDir
    Path dir;
    private final AsymmetricInitializer init = new AsymmetricInitializer();

    Initialization drawn(Model raw, Map<String, Object> extra) {
        Map<String, Object> m = new HashMap<>(Map.of("a", 0.4, "alpha", 0.6));
        m.putAll(extra);
        return init.initialize(Config.of(m), raw.layout(), RandomStream.of(5));
    }

    Path npy(String name, double[] values, int... shape) throws IOException {
        return Files.write(dir.resolve(name), Npy.float64(values, shape));
    }

    double[] outputs(Initialization ini, Model raw) {
        int n = 9;
        double[] x = new double[n * D];
        RandomStream.of(8).fillGaussian(x, 1.0);
        return ini.scaling().wrap(raw).forward(ini.params(), new Batch(Shape.of(D), n, x, 1, new double[n], null))
                .output();
    }

    void assertSameNet(Initialization expected, Initialization got, Model raw) {
        for (String b : new String[] {"W1", "W_out"}) {
            assertArrayEquals(expected.params().block(b), got.params().block(b), b);
        }
        for (int i = 0; i < 2; i++) {
            assertEquals(expected.scaling().scale(i).scalar(), got.scaling().scale(i).scalar());
            assertArrayEquals(expected.scaling().scale(i).perInput(), got.scaling().scale(i).perInput());
        }
        assertEquals(expected.frozen(), got.frozen());
        assertArrayEquals(outputs(expected, raw), outputs(got, raw), "outputs, bit for bit");
    }

    @Test
    void arraysFromFilesGiveTheSameNetAsTheSameSeed() throws IOException {
        Model raw = AsymmetricInitializerTest.fc(P, 1, false, D);
        for (String indexing : new String[] {"overparam", "authors"}) {
            Initialization ini = drawn(raw, Map.of("indexing", indexing));
            double[] lambda = indexing.equals("authors") ? NodeWeights.authors(P, 0.4, 0.6)
                    : NodeWeights.lambda(P, 0.4, 0.6);
            Path v = npy("v.npy", ini.params().block("W1"), P, D);
            Map<String, Tensor> t = new LinkedHashMap<>();
            t.put("output_layer.linear.weight", Tensor.of(new int[] {1, P}, ini.params().block("W_out")));
            t.put("other", Tensor.of(new int[] {2}, new double[] {1, 2}));
            Path s = dir.resolve("model.safetensors");
            Safetensors.write(s, t, DType.F64, Map.of());
            double[] logs = new double[P];
            for (int j = 0; j < P; j++) {
                logs[j] = Math.log(lambda[j]);
            }
            Path l = npy("lambda.npy", lambda, P);
            Path ll = npy("log_lambda.npy", logs, P);
            Initialization loaded = drawn(raw, Map.of("hiddenFile", v.toString(),
                    "signsFile", s + "#output_layer.linear.weight", "lambdaFile", l.toString()));
            assertSameNet(ini, loaded, raw);
            Initialization fromLogs = drawn(raw, Map.of("lambdaFile", ll.toString(), "lambdaLog", true));
            for (int j = 0; j < P; j++) {
                assertEquals(Math.sqrt(lambda[j]), fromLogs.scaling().scale(1).perInput()[j],
                        1e-15 * Math.sqrt(lambda[j]), "exp(log lambda) to one rounding");
            }
        }
    }

    @Test
    void onePieceFromAFileLeavesTheOthersAsDrawn() throws IOException {
        Model raw = AsymmetricInitializerTest.fc(P, 1, false, D);
        Initialization ini = drawn(raw, Map.of());
        Path u = npy("u.npy", ini.params().block("W_out"), P);
        assertSameNet(ini, drawn(raw, Map.of("signsFile", u.toString())), raw);
    }

    String error(Map<String, Object> extra) {
        Model raw = AsymmetricInitializerTest.fc(P, 1, false, D);
        return assertThrows(InvalidInputException.class, () -> drawn(raw, extra)).oneLine();
    }

    @Test
    void badArraysAreRefusedNamingTheParameter() throws IOException {
        Path shortLambda = npy("short.npy", new double[P - 1], P - 1);
        assertEquals("lambdaFile: " + shortLambda + " has shape [39] but the model has p = 40 nodes: give [40]",
                error(Map.of("lambdaFile", shortLambda.toString())));
        double[] neg = new double[P];
        neg[3] = -0.5;
        Path negative = npy("neg.npy", neg, P);
        assertEquals("lambdaFile: " + negative + " holds lambda -0.5 at node 3; node weights must be finite and at"
                + " least 0 (lambdaLog: true if it holds logs)", error(Map.of("lambdaFile", negative.toString())));
        Path v = npy("vt.npy", new double[P * D], D, P);
        assertEquals("hiddenFile: " + v + " has shape [6, 40] but the model needs [40, 6]",
                error(Map.of("hiddenFile", v.toString())));
        Path two = dir.resolve("two.safetensors");
        Safetensors.write(two, Map.of("a", Tensor.of(new int[] {1}, new double[] {1})), DType.F64, Map.of());
        assertEquals("signsFile: " + two + " has no tensor 'u'; it has [a]", error(Map.of("signsFile", two + "#u")));
        assertEquals("signsFile: '" + dir.resolve("none.npy") + "' not found",
                error(Map.of("signsFile", dir.resolve("none.npy").toString())));
        Path l = npy("l.npy", NodeWeights.lambda(P, 0.5, 0.5), P);
        assertEquals("indexing: indexing: authors computes lambda, but lambdaFile gives it (used entry for entry);"
                + " drop one of them", error(Map.of("indexing", "authors", "lambdaFile", l.toString())));
        assertEquals("indexing: unknown indexing 'theirs'; choose overparam or authors",
                error(Map.of("indexing", "theirs")));
    }
}
