package org.overparam.experiment.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.overparam.api.ComponentKind;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.ComponentInfo;

/**
 * The {@code pinned} mapping of a resolved experiment: for every component it uses,
 * {@code <kind>.<name>: <bundle symbolic name>@<bundle version>}, e.g.
 * {@code architecture.fc: org.overparam.plugin.arch-fc@0.1.0.SNAPSHOT}. The resolved text writes it;
 * reading a file with pins checks each pinned component that the run uses against the bundle that
 * provides it now, so a run fixed by a sweep never silently runs with other code. Pins of components
 * the run does not use are ignored.
 */
final class Pins {
    private static final Pattern PIN = Pattern.compile("[^@\\s]+@[^@\\s]+");

    private Pins() {
    }

    /**
     * @param used the components a run uses
     * @return their pins by {@code kind.name}, in order
     */
    static Map<String, String> of(List<ComponentInfo> used) {
        Map<String, String> out = new LinkedHashMap<>();
        used.forEach(i -> out.putIfAbsent(key(i), pin(i)));
        return out;
    }

    /**
     * @param i a component
     * @return {@code <kind>.<name>}
     */
    static String key(ComponentInfo i) {
        return i.kind().key() + "." + i.name();
    }

    /**
     * @param i a component
     * @return {@code <bundle>@<version>}
     */
    static String pin(ComponentInfo i) {
        return i.bundle() + "@" + i.version();
    }

    /**
     * @param pinned the document's {@code pinned} entry, or {@code null}
     * @param used the components the run uses
     * @throws InvalidInputException at the line of a malformed pin, or of a pin that the installed
     *     component does not match
     */
    static void check(Node.Entry pinned, List<ComponentInfo> used) {
        if (pinned == null || pinned.value() instanceof Node.Scalar s && s.value() == null) {
            return;
        }
        if (!(pinned.value() instanceof Node.Mapping m)) {
            throw new InvalidInputException(pinned.value().where() + ": pinned", "expected a mapping of "
                    + "<kind>.<name>: <bundle>@<version>, got " + pinned.value().describe());
        }
        Map<String, String> now = of(used);
        m.entries().forEach((key, e) -> {
            int dot = key.indexOf('.');
            if (dot <= 0 || ComponentKind.byKey(key.substring(0, dot)) == null || dot == key.length() - 1) {
                throw new InvalidInputException(e.keyWhere(), "pinned: '" + key + "' is not <kind>.<name>, e.g. "
                        + "architecture.fc");
            }
            Node v = e.value();
            if (!(v instanceof Node.Scalar s) || !(s.value() instanceof String pin) || !PIN.matcher(pin).matches()) {
                throw new InvalidInputException(v.where() + ": pinned." + key, "expected <bundle>@<version>, got "
                        + v.describe());
            }
            String installed = now.get(key);
            if (installed != null && !installed.equals(pin)) {
                throw new InvalidInputException(v.where() + ": pinned." + key, "pinned to " + pin + " but "
                        + installed + " is installed; remove the pin to run with it");
            }
        });
    }
}
