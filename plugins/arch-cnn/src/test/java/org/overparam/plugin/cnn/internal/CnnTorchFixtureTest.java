package org.overparam.plugin.cnn.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.overparam.api.Batch;
import org.overparam.api.Config;
import org.overparam.api.Forward;
import org.overparam.api.Model;
import org.overparam.api.Params;
import org.overparam.api.Shape;
import org.overparam.linalg.io.Safetensors;
import org.overparam.linalg.io.Tensor;
import org.overparam.linalg.io.TensorFile;

/**
 * PyTorch's layouts and semantics: two CNNs made and run by PyTorch in float64
 * ({@code make_torch_fixture.py} beside the fixture: Conv2d with stride and padding, biases and a
 * flattened head; Conv1d with average pooling and no biases), loaded by block name, give torch's
 * outputs and torch's gradients of {@code 1/2 sum (f - y)^2} here.
 */
class CnnTorchFixtureTest {
    /** Double precision on both sides; sums in another order. */
    static final double TOLERANCE = 1e-13;

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"net2d, 2:6:5, 3:2, 3:2, 2:1, 1:1, flatten, true, 2", "net1d, 9, 4:3, 5:3, 2:1, 2:0, avgpool, false, 1"})
    void torchsWeightsGiveTorchsOutputsAndGradients(String net, String data, String channels, String kernel,
                                                    String stride, String padding, String head, boolean bias, int k)
            throws IOException {
        TensorFile file = fixture();
        Model model = new ConvolutionalNet().build(Config.of(Map.of("channels", list(channels), "kernel", list(kernel),
                "stride", list(stride), "padding", list(padding), "head", head, "bias", bias)), Shape.of(ints(data)), k);
        Params w = Params.zeros(model.layout());
        for (int i = 0; i < w.layout().count(); i++) {
            Tensor t = file.tensors().get(net + "." + w.layout().block(i).name());
            assertArrayEquals(w.layout().block(i).shape().dims(), t.shape(), w.layout().block(i).name());
            System.arraycopy(t.values(), 0, w.block(i), 0, t.values().length);
        }
        double[] x = file.tensors().get(net + ".inputs").values();
        double[] y = file.tensors().get(net + ".targets").values();
        int n = y.length / k;
        Batch batch = new Batch(model.inputShape(), n, x, k, y, null);
        Forward f = model.forward(w, batch);
        double[] want = file.tensors().get(net + ".outputs").values();
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], f.output()[i], TOLERANCE * (1 + Math.abs(want[i])), "output " + i);
        }
        double[] dOut = new double[y.length];
        for (int i = 0; i < dOut.length; i++) {
            dOut[i] = f.output()[i] - y[i];
        }
        Params g = Params.zeros(model.layout());
        model.backward(f, dOut, g);
        for (int i = 0; i < g.layout().count(); i++) {
            String name = g.layout().block(i).name();
            double[] torch = file.tensors().get(net + ".grad." + name).values();
            for (int j = 0; j < torch.length; j++) {
                assertEquals(torch[j], g.block(i)[j], TOLERANCE * (1 + Math.abs(torch[j])), name + "[" + j + "]");
            }
        }
    }

    private TensorFile fixture() throws IOException {
        Path p = dir.resolve("torch_cnn.safetensors");
        try (InputStream in = getClass().getResourceAsStream("torch_cnn.safetensors")) {
            Files.copy(in, p);
        }
        return Safetensors.read(p);
    }

    private static int[] ints(String colonSeparated) {
        String[] parts = colonSeparated.split(":");
        int[] v = new int[parts.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = Integer.parseInt(parts[i].trim());
        }
        return v;
    }

    private static List<Long> list(String colonSeparated) {
        return java.util.Arrays.stream(ints(colonSeparated)).mapToObj(i -> (long) i).toList();
    }
}
