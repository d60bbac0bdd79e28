package org.overparam.plugin.safetensors.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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
import org.overparam.linalg.io.Safetensors;
import org.overparam.linalg.io.Tensor;
import org.overparam.linalg.io.TensorFile;
import org.overparam.plugin.fc.internal.FullyConnected;
import org.overparam.plugin.losses.internal.SquaredLoss;

/**
 * A plain PyTorch script's module (a custom nn.Module with named Linear attributes, not a
 * Sequential), converted with tools/torch_to_safetensors.py's name map and loaded with
 * {@code from-file} into {@code fc}, reproduces torch's float64 loss and autograd gradient to 1e-12
 * relative. The fixture (torch_module/) is written by tools/make_torch_module_fixture.py.
 */
class TorchModuleTest {
    static final double TOLERANCE = 1e-12;
    @TempDir
    Path dir;

    byte[] resource(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("torch_module/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void lossAndGradientMatchTorchsToOneEMinus12() throws IOException {
        Path weights = Files.write(dir.resolve("weights.safetensors"), resource("weights.safetensors"));
        Npy.Array x = Npy.read(resource("x.npy"), "x.npy");
        Npy.Array y = Npy.read(resource("y.npy"), "y.npy");
        double torchLoss = Npy.read(resource("loss.npy"), "loss.npy").values()[0];
        TensorFile gradient = Safetensors.read(Files.write(dir.resolve("g.safetensors"), resource("gradient.safetensors")));
        int n = x.shape()[0];
        int d = x.shape()[1];
        int k = y.shape()[1];

        Model raw = new FullyConnected().build(Config.of(Map.of("width", 7, "depth", 2, "bias", true)), Shape.of(d), k);
        Initialization init = new FromFileInitializer().initialize(Config.of(Map.of("file", weights.toString())),
                raw.layout(), RandomStream.of(0));
        Model model = init.scaling().wrap(raw);
        Batch batch = new Batch(Shape.of(d), n, x.values(), k, y.values(), null);
        Forward f = model.forward(init.params(), batch);
        double[] dOut = new double[n * k];
        Config loss = Config.of(Map.of("reduction", "mean", "half", true));
        double value = new SquaredLoss().evaluate(loss, batch, f.output(), dOut);
        Params g = init.params().zerosLike();
        model.backward(f, dOut, g);

        assertEquals(torchLoss, value, TOLERANCE * torchLoss, "loss");
        assertEquals(Double.parseDouble(gradient.metadata().get("loss")), torchLoss, 0.0, "loss.npy and metadata agree");
        assertEquals(raw.layout().count(), gradient.tensors().size());
        for (int b = 0; b < raw.layout().count(); b++) {
            String name = raw.layout().block(b).name();
            Tensor want = gradient.tensors().get(name);
            assertArrayEquals(raw.layout().block(b).shape().dims(), want.shape(), name);
            double diff = 0;
            double norm = 0;
            for (int i = 0; i < want.values().length; i++) {
                double e = g.block(b)[i] - want.values()[i];
                diff += e * e;
                norm += want.values()[i] * want.values()[i];
            }
            assertTrue(norm > 0, name + " has a nonzero gradient, so the check can fail");
            assertTrue(Math.sqrt(diff) <= TOLERANCE * Math.sqrt(norm), name + ": relative error "
                    + Math.sqrt(diff / norm));
        }
    }
}
