package org.overparam.plugin.pruning.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.overparam.api.Component;
import org.overparam.api.run.ParamSpec;

/** Every parameter is documented and its default passes the schema, as the experiment resolver checks it. */
class SchemaTest {
    @Test
    void defaultsPassTheirOwnSchema() {
        Component c = new PruningAnalyzer();
        for (ParamSpec p : ParamSpec.of(c.configType())) {
            assertFalse(p.description().isBlank(), p.name());
            assertFalse(p.required(), p.name());
            assertDoesNotThrow(() -> p.check(p.name(), p.defaultValue()), p.name());
        }
    }
}
