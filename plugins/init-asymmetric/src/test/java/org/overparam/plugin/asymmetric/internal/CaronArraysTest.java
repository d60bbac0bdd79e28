package org.overparam.plugin.asymmetric.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.api.Batch;
import org.overparam.api.Config;
import org.overparam.api.Forward;
import org.overparam.api.Initialization;
import org.overparam.api.Model;
import org.overparam.api.Params;
import org.overparam.api.RandomStream;
import org.overparam.api.Shape;
import org.overparam.linalg.io.Npy;

/**
 * The authors' arrays (a PyTorch module laid out as their FFNN, state_dict names and all, written by
 * tools/make_caron_fixture.py into caron/) loaded with {@code asymmetric}: the run's multipliers are
 * theirs, so their MSE and its autograd gradient with respect to V come out to 1e-12 relative, u is
 * frozen, and their lambda is {@code indexing: authors} entry for entry.
 */
class CaronArraysTest {
    static final String STATE = "model.safetensors#";
    @TempDir
    Path dir;

    byte[] resource(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("caron/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void theirLossAndGradientOfVFromTheirArrays() throws IOException {
        Path model = Files.write(dir.resolve("model.safetensors"), resource("model.safetensors"));
        String file = model.toString() + "#";
        double[] x = Npy.read(resource("x.npy"), "x.npy").values();
        double[] y = Npy.read(resource("y.npy"), "y.npy").values();
        double torchLoss = Npy.read(resource("loss.npy"), "loss.npy").values()[0];
        double[] gradV = Npy.read(resource("grad_v.npy"), "grad_v.npy").values();
        int p = 30;
        int d = 6;
        int n = y.length;

        Model raw = AsymmetricInitializerTest.fc(p, 1, false, d);
        Initialization init = new AsymmetricInitializer().initialize(Config.of(Map.of(
                "hiddenFile", file + "hidden_layers.0.linear.weight",
                "signsFile", file + "output_layer.linear.weight",
                "lambdaFile", file + "hidden_layers.0.scale.log_lambdas", "lambdaLog", true)),
                raw.layout(), RandomStream.of(0));
        assertEquals(Set.of("W_out"), init.frozen(), "u frozen: only V is trained");
        assertEquals(1 / Math.sqrt(d), init.scaling().scale(0).scalar(), 0.0, "their input scaling sqrt(1/d)");
        double[] lambda = NodeWeights.authors(p, 0.5, 0.5);
        for (int j = 0; j < p; j++) {
            double m = init.scaling().scale(1).perInput()[j];
            assertEquals(lambda[j], m * m, 1e-14 * lambda[j], "node " + j + ": their lambda is indexing: authors");
        }

        Model net = init.scaling().wrap(raw);
        Forward f = net.forward(init.params(), new Batch(Shape.of(d), n, x, 1, y, null));
        double loss = 0;
        double[] dOut = new double[n];
        for (int i = 0; i < n; i++) {
            double r = f.output()[i] - y[i];
            loss += r * r / n;
            dOut[i] = 2 * r / n;
        }
        Params g = init.params().zerosLike();
        net.backward(f, dOut, g);
        assertEquals(torchLoss, loss, 1e-12 * torchLoss, "their MSE (1/n) sum (f - y)^2");
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < gradV.length; i++) {
            diff += (g.block("W1")[i] - gradV[i]) * (g.block("W1")[i] - gradV[i]);
            norm += gradV[i] * gradV[i];
        }
        assertTrue(norm > 0 && Math.sqrt(diff) <= 1e-12 * Math.sqrt(norm), "dLoss/dV, relative error "
                + Math.sqrt(diff / norm));
    }
}
