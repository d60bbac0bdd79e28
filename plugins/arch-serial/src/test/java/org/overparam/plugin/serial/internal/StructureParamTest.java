package org.overparam.plugin.serial.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.ParamSpec;

/** A structure parameter ({@code @Param(structure = true)}) as the API checks and keeps it. */
class StructureParamTest {
    private final ParamSpec layers = ParamSpec.of(SerialArchitecture.Settings.class).get(0);

    @Test
    void itIsARequiredListKeptAsWrittenWithWholeNumbersAsLong() {
        assertEquals("layers", layers.name());
        assertTrue(layers.structure());
        assertTrue(layers.required());
        assertEquals("list of entries", layers.typeName());
        Map<String, Object> conv = new LinkedHashMap<>();
        conv.put("channels", 16);
        conv.put("kernel", List.of(3, 3));
        Object v = layers.check("architecture.layers", List.of(Map.of("conv", conv), "relu", Map.of("dense", 512)));
        assertEquals(List.of(Map.of("conv", Map.of("channels", 16L, "kernel", List.of(3L, 3L))), "relu",
                Map.of("dense", 512L)), v);
        assertEquals(List.of("channels", "kernel"), List.copyOf(((Map<?, ?>) ((Map<?, ?>) ((List<?>) v).get(0))
                .get("conv")).keySet()), "the order written");
        assertThrows(UnsupportedOperationException.class, () -> ((List<Object>) v).add("tanh"));
        assertEquals(v, layers.check("again", v));
    }

    @Test
    void aScalarOrAnEmptyItemIsRefusedNamingThePath() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> layers.check("run.yaml:6: architecture.layers", "relu"));
        assertEquals("run.yaml:6: architecture.layers: expected a list, got 'relu'", e.oneLine());
        java.util.ArrayList<Object> withNull = new java.util.ArrayList<>();
        withNull.add("relu");
        withNull.add(null);
        e = assertThrows(InvalidInputException.class, () -> layers.check("architecture.layers", withNull));
        assertEquals("architecture.layers[1]: no value given", e.oneLine());
    }
}
