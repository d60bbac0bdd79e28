package org.overparam.plugin.idx.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.overparam.api.run.ParamSpec;

/** Every parameter is documented and its default passes the schema, as the experiment resolver checks it. */
class SchemaTest {
    @Test
    void defaultsPassTheirOwnSchema() {
        for (ParamSpec p : ParamSpec.of(new IdxDataset().configType())) {
            assertFalse(p.description().isBlank(), p.name());
            assertFalse(p.required(), p.name());
            assertDoesNotThrow(() -> p.check(p.name(), p.defaultValue()), p.name());
        }
        assertEquals("/usr/share/datasets/fashion-mnist", IdxDataset.DEBIAN_DIR);
    }
}
