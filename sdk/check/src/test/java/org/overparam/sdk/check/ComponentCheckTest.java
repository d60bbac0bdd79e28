package org.overparam.sdk.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The components check: a jar of layer types passes without an Overparam component service. */
class ComponentCheckTest {
    @Test
    void aJarOfLayerTypesPassesAndOneOfNothingFails() {
        List<PluginComponent> found = new ArrayList<>();
        Check c = ComponentCheck.check(List.of(new ComponentDescriptors.Descriptor("OSGI-INF/a.xml", "a",
                "org.example.SwishLayer", List.of("org.overparam.nn.LayerType"), Map.of())), found);
        assertEquals(Check.Outcome.PASS, c.outcome(), c.detail());
        assertEquals("layer type org.example.SwishLayer (org.overparam.nn.LayerType, usable by name in the serial "
                + "architecture)", c.detail());
        assertTrue(found.isEmpty());
        Check none = ComponentCheck.check(List.of(new ComponentDescriptors.Descriptor("OSGI-INF/b.xml", "b",
                "org.example.Other", List.of("java.lang.Runnable"), Map.of())), found);
        assertEquals(Check.Outcome.FAIL, none.outcome());
    }
}
