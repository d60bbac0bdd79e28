package org.overparam.api.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.overparam.api.ComponentKind;
import org.overparam.api.Config;
import org.overparam.api.InvalidInputException;

/**
 * What the registry knows of one component: its metadata and where it comes from.
 *
 * @param kind its kind
 * @param name its short name
 * @param description one line
 * @param params its parameters, sorted by name
 * @param bundle the symbolic name of the bundle providing it
 * @param version that bundle's version
 */
public record ComponentInfo(ComponentKind kind, String name, String description, List<ParamSpec> params,
                            String bundle, String version) {
    /** Copies the list. */
    public ComponentInfo {
        params = List.copyOf(params);
    }

    /**
     * @param param a parameter name
     * @return its spec, or {@code null}
     */
    public ParamSpec param(String param) {
        for (ParamSpec p : params) {
            if (p.name().equals(param)) {
                return p;
            }
        }
        return null;
    }

    /**
     * Validates values given for this component and makes its config.
     *
     * @param values the values as read, by parameter name
     * @param origins where each value was written ({@code file:line}), by parameter name; may miss
     *     entries
     * @param where the component's location, used when a value has no origin of its own (e.g.
     *     {@code run.yaml:5})
     * @return the config with converted values
     * @throws InvalidInputException naming the location and parameter of the first problem
     */
    public Config configure(Map<String, ?> values, Map<String, String> origins, String where) {
        Map<String, Object> out = new TreeMap<>();
        List<String> names = new ArrayList<>();
        params.forEach(p -> names.add(p.name()));
        for (Map.Entry<String, ?> e : values.entrySet()) {
            String at = origins.getOrDefault(e.getKey(), where);
            String path = kind.key() + "." + e.getKey();
            ParamSpec p = param(e.getKey());
            if (p == null) {
                throw new InvalidInputException(at, "unknown parameter '" + e.getKey() + "' of " + kind.key()
                        + " " + name + Names.suggestion(e.getKey(), names) + "; its parameters: " + names);
            }
            out.put(e.getKey(), p.check(at.isEmpty() ? path : at + ": " + path, e.getValue()));
        }
        for (ParamSpec p : params) {
            if (p.required() && !out.containsKey(p.name())) {
                throw new InvalidInputException(where, kind.key() + " " + name + " needs parameter '" + p.name()
                        + "' (" + p.description() + ")");
            }
        }
        return Config.of(out);
    }
}
