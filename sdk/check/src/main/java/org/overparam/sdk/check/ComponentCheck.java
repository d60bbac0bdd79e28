package org.overparam.sdk.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.overparam.api.Component;
import org.overparam.api.ComponentKind;

/**
 * Checks the Declarative Services components of a plugin jar: at least one provides an Overparam
 * service ({@link ComponentKind#service()}), and each such component carries the service properties
 * {@link Component#NAME} (lower case letters, digits, {@code -}, {@code _} or {@code .}, starting with
 * a letter, unique per kind in the jar) and a non-blank {@link Component#DESCRIPTION}. A jar of layers
 * only (components providing {@value #LAYER_TYPE}, used by name in the {@code serial} architecture's
 * layer lists) passes too; such components carry their name and description as methods.
 */
final class ComponentCheck {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9._-]*");
    /** The service of a layer usable by name in experiment files. */
    static final String LAYER_TYPE = "org.overparam.nn.LayerType";

    private ComponentCheck() {
    }

    /**
     * @param descriptors the jar's components
     * @param found receives the Overparam components found, in descriptor order
     * @return the check {@code components}
     */
    static Check check(List<ComponentDescriptors.Descriptor> descriptors, List<PluginComponent> found) {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String> layers = new ArrayList<>();
        for (ComponentDescriptors.Descriptor d : descriptors) {
            for (String service : d.provides()) {
                if (service.equals(LAYER_TYPE)) {
                    layers.add(d.implementation());
                }
                ComponentKind kind = kindOf(service);
                if (kind == null) {
                    continue;
                }
                String name = d.properties().get(Component.NAME);
                String description = d.properties().get(Component.DESCRIPTION);
                String who = d.implementation() + " (" + kind.key() + ")";
                if (name == null || name.isBlank()) {
                    problems.add(who + " has no service property " + Component.NAME);
                    continue;
                }
                if (!NAME.matcher(name).matches()) {
                    problems.add(who + ": name '" + name + "' is not lower case letters, digits and - _ .");
                }
                if (description == null || description.isBlank()) {
                    problems.add(who + " has no service property " + Component.DESCRIPTION);
                }
                if (!seen.add(kind.key() + " " + name)) {
                    problems.add("two components are " + kind.key() + " " + name);
                }
                found.add(new PluginComponent(kind, name, description, d.implementation()));
            }
        }
        if (!problems.isEmpty()) {
            return Check.fail("components", String.join("; ", problems));
        }
        if (found.isEmpty() && !layers.isEmpty()) {
            return Check.pass("components", "layer type" + (layers.size() == 1 ? " " : "s ") + String.join(", ", layers)
                    + " (" + LAYER_TYPE + ", usable by name in the serial architecture)");
        }
        if (found.isEmpty()) {
            return Check.fail("components", "no Declarative Services component provides an Overparam service "
                    + "(Optimizer, Architecture, ...): annotate the class with @Component(service = ...)");
        }
        List<String> names = new ArrayList<>();
        found.forEach(c -> names.add(c.toString()));
        return Check.pass("components", String.join(", ", names) + ", each with a name and a description");
    }

    /**
     * @param serviceInterface a class name
     * @return the kind whose service it is, or {@code null}
     */
    static ComponentKind kindOf(String serviceInterface) {
        for (ComponentKind k : ComponentKind.values()) {
            if (k.service().getName().equals(serviceInterface)) {
                return k;
            }
        }
        return null;
    }
}
