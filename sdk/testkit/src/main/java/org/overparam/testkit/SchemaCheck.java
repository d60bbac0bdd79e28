package org.overparam.testkit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.overparam.api.Component;
import org.overparam.api.run.ParamSpec;

/**
 * The schema check every plugin's tests run on its components: each {@code @Param} has a
 * description, none is required, and each default passes the parameter's own range and type, as
 * the experiment resolver and {@code verify} check them.
 */
public final class SchemaCheck {
    private SchemaCheck() {
    }

    /**
     * @param components the plugin's components
     * @throws AssertionError naming the first parameter that fails
     */
    public static void assertDocumentedWithValidDefaults(Component... components) {
        for (Component c : components) {
            for (ParamSpec p : ParamSpec.of(c.configType())) {
                String where = c.getClass().getSimpleName() + "." + p.name();
                assertFalse(p.description().isBlank(), where + " has no description");
                assertFalse(p.required(), where + " is required");
                assertDoesNotThrow(() -> p.check(p.name(), p.defaultValue()), where);
            }
        }
    }
}
