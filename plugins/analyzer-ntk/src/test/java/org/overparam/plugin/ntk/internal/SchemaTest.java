package org.overparam.plugin.ntk.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.overparam.api.Component;
import org.overparam.api.run.ParamSpec;

/** Every parameter is documented and its default passes the schema, as the experiment resolver checks it. */
class SchemaTest {
    @Test
    void defaultsPassTheirOwnSchema() {
        for (Component c : List.<Component>of(new NtkAnalyzer(), new LinearizedAnalyzer(), new BoundsAnalyzer())) {
            for (ParamSpec p : ParamSpec.of(c.configType())) {
                assertFalse(p.description().isBlank(), p.name());
                assertFalse(p.required(), p.name());
                assertDoesNotThrow(() -> p.check(p.name(), p.defaultValue()), c.getClass().getSimpleName() + "." + p.name());
            }
        }
    }
}
