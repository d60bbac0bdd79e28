package org.overparam.sdk.check;

import java.util.Objects;
import org.overparam.api.ComponentKind;

/**
 * One Overparam component a plugin jar declares, as read from its Declarative Services descriptor.
 *
 * @param kind the kind of the service it provides
 * @param name its {@code overparam.name} property
 * @param description its {@code overparam.description} property
 * @param implementation its implementation class, the class whose loader the unload check watches
 */
public record PluginComponent(ComponentKind kind, String name, String description, String implementation) {
    /** Checks the fields. */
    public PluginComponent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(implementation, "implementation");
        description = description == null ? "" : description;
    }

    /** @return e.g. {@code optimizer gd} */
    @Override
    public String toString() {
        return kind.key() + " " + name;
    }
}
