package org.overparam.plugin.safetensors.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.api.BlockScale;
import org.overparam.api.Config;
import org.overparam.api.Layout;
import org.overparam.linalg.io.DType;
import org.overparam.linalg.io.Safetensors;
import org.overparam.linalg.io.Tensor;

/** {@code from-file}'s notice: identity scaling on a file saved with multipliers says what it trains. */
class FromFileNoticeTest {
    @TempDir
    Path dir;

    Path file(Map<String, String> metadata) throws IOException {
        Map<String, Tensor> t = new LinkedHashMap<>();
        t.put("W1", Tensor.of(new int[] {3, 2}, new double[6]));
        t.put("W_out", Tensor.of(new int[] {1, 3}, new double[3]));
        Path p = dir.resolve("w.safetensors");
        Safetensors.write(p, t, DType.F64, metadata);
        return p;
    }

    List<String> notices(Path file, String scaling) {
        Layout layout = Layouts.fc(2, 3, 1, 1, false);
        return new FromFileInitializer().notices(Config.of(Map.of("file", file.toString(), "scaling", scaling)), layout);
    }

    @Test
    void identityOnAParameterizedFileNamesBothChoicesAndTheMultipliers() throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        Metadata.multiplier(m, "W1", BlockScale.of(1 / Math.sqrt(2)));
        Metadata.multiplier(m, "W_out", new BlockScale(1.0, new double[] {0.75, 0.5, 0.25}));
        Path f = file(m);
        assertEquals(List.of("from-file: scaling: identity loads w.safetensors as EFFECTIVE weights with every"
                + " multiplier 1 (in force: 1 on all blocks), but it was saved with multipliers W1 0.7071, W_out 1.000 x"
                + " per-input in [0.2500, 0.7500]: same function, other parameterization (NTK, learning-rate scale);"
                + " scaling: file trains the RAW weights under the saved multipliers (docs/weights.md)"),
                notices(f, "identity"));
        assertEquals(List.of(), notices(f, "file"), "scaling: file keeps the parameterization: nothing to say");
    }

    @Test
    void aFileWithoutMultipliersOrWithOnesSaysNothing() throws IOException {
        assertEquals(List.of(), notices(file(Map.of("format", "pt")), "identity"), "a PyTorch state_dict");
        Map<String, String> m = new LinkedHashMap<>();
        Metadata.multiplier(m, "W1", BlockScale.ONE);
        Metadata.multiplier(m, "W_out", BlockScale.ONE);
        assertEquals(List.of(), notices(file(m), "identity"), "standard parameterization");
    }
}
