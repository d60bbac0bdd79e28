package org.overparam.experiment.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.overparam.api.ComponentKind;
import org.overparam.api.Config;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.ComponentInfo;
import org.overparam.api.run.ComponentRef;
import org.overparam.api.run.ComponentRegistry;
import org.overparam.api.run.Names;
import org.overparam.api.run.ParamSpec;

/**
 * Turns one component entry of an experiment file into a {@link ComponentRef} whose config holds
 * every parameter of the component: the values written in the file, checked by
 * {@link ComponentInfo#configure}, and the defaults of the others. A component is written either as
 * its name ({@code initializer: ntk}) or as a mapping with {@code name} and parameters
 * ({@code optimizer: {name: gd, lr: 0.5}}); the name may be a fragment's ({@link ComponentFragments}).
 * String parameters get their text as written, so {@code tag: no} stays {@code "no"} rather than
 * YAML's {@code false}. Path parameters ({@link PathParams}) resolve against the folder of the file
 * that names them. Remembers the components it resolved, so that the resolved text can pin the
 * bundle and version of each.
 */
final class ComponentResolver {
    private final ComponentRegistry registry;
    private final ComponentFragments fragments;
    private final List<ComponentInfo> used = new ArrayList<>();

    /**
     * @param registry the components present now
     * @param library the fragments a component's name may refer to
     */
    ComponentResolver(ComponentRegistry registry, FragmentLibrary library) {
        this.registry = registry;
        this.fragments = new ComponentFragments(registry, library);
    }

    /**
     * @param kind the component's kind
     * @param path its path in the file for messages, e.g. {@code optimizer} or {@code analyzers[1]}
     * @param given its value in the file
     * @param where where it was written ({@code file:line} of its key or list item)
     * @param reserved keys of its mapping that are not parameters (an analyzer's {@code every} and
     *     {@code label}); they are skipped here
     * @return the component with all its parameters
     * @throws InvalidInputException naming the line of the first problem
     */
    ComponentRef resolve(ComponentKind kind, String path, Node given, String where, Set<String> reserved) {
        Node node = fragments.expand(kind, given);
        Node nameNode = node;
        if (node instanceof Node.Mapping m) {
            nameNode = m.get("name");
            if (nameNode == null) {
                throw new InvalidInputException(where, path + " needs a 'name' (" + installed(kind) + ")");
            }
        } else if (node instanceof Node.Sequence) {
            throw new InvalidInputException(where, path + ": expected " + article(kind) + kind.key()
                    + " name or a mapping with 'name' and parameters, got a list");
        }
        if (!(nameNode instanceof Node.Scalar nameScalar)) {
            throw new InvalidInputException(nameNode.where(), path + ".name: expected " + article(kind) + kind.key()
                    + " name, got " + nameNode.describe());
        }
        ComponentInfo info = require(kind, name(kind, path, nameScalar), nameNode.where());
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, String> origins = new LinkedHashMap<>();
        if (node instanceof Node.Mapping m) {
            m.entries().forEach((key, entry) -> {
                if (!key.equals("name") && !reserved.contains(key)) {
                    requireValues(entry.value(), kind.key() + "." + key);
                    ParamSpec p = info.param(key);
                    boolean text = p != null && (p.type() == String.class || p.type() == String[].class);
                    Object value = Node.plain(entry.value(), text);
                    if (p != null && p.type() == String.class && PathParams.isPath(key) && value instanceof String v) {
                        value = PathParams.resolve(v, entry.value().where(), path + "." + key,
                                PathParams.isFile(key));
                    }
                    values.put(key, value);
                    origins.put(key, entry.keyWhere());
                }
            });
        }
        Config config = info.configure(values, origins, where);
        Map<String, Object> all = new LinkedHashMap<>(config.values());
        for (ParamSpec p : info.params()) {
            if (!all.containsKey(p.name())) {
                all.put(p.name(), p.check(where + ": " + kind.key() + "." + p.name(), p.defaultValue()));
            }
        }
        used.add(info);
        return new ComponentRef(kind, info.name(), Config.of(all), nameNode.where());
    }

    /**
     * @param kind a component's kind
     * @param node its value in the file
     * @return the value with its fragments expanded ({@link ComponentFragments#expand})
     */
    Node expand(ComponentKind kind, Node node) {
        return fragments.expand(kind, node);
    }

    /** @return the components resolved so far, in order */
    List<ComponentInfo> used() {
        return List.copyOf(used);
    }

    /**
     * @return the registry's component; if there is none, the registry's error when its suggestion is
     *     the closest name, else an error suggesting the closest component or fragment name
     */
    private ComponentInfo require(ComponentKind kind, String name, String where) {
        try {
            return registry.require(kind, name, where);
        } catch (InvalidInputException e) {
            FragmentLibrary library = fragments.library();
            List<String> all = new ArrayList<>(library.names(kind.key()));
            List<String> installed = new ArrayList<>();
            registry.list(kind).forEach(i -> installed.add(i.name()));
            String near = Names.closest(name, installed);
            if (all.isEmpty() || near != null && near.equals(Names.closest(name, concat(all, installed)))) {
                throw e;
            }
            all.addAll(installed);
            throw new InvalidInputException(where, "no " + kind.key() + " or " + kind.key() + " fragment named '"
                    + name + "'" + Names.suggestion(name, all) + "; " + installed(kind) + "; "
                    + library.listed(kind.key()));
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /**
     * @param kind a kind
     * @return {@code installed: a, b} or {@code none installed}
     */
    String installed(ComponentKind kind) {
        List<String> names = new ArrayList<>();
        registry.list(kind).forEach(i -> names.add(i.name()));
        return names.isEmpty() ? "no " + kind.key() + " is installed" : "installed: " + String.join(", ", names);
    }

    private String name(ComponentKind kind, String path, Node.Scalar s) {
        if (s.value() == null) {
            throw new InvalidInputException(s.where(), path + ": no " + kind.key() + " given (" + installed(kind)
                    + ")");
        }
        if (!(s.value() instanceof String name) || name.isBlank()) {
            throw new InvalidInputException(s.where(), path + ": expected " + article(kind) + kind.key() + " name, got "
                    + s.describe());
        }
        return name.strip();
    }

    /** @return {@code "an "} before a vowel, else {@code "a "} */
    private static String article(ComponentKind kind) {
        return "aeiou".indexOf(kind.key().charAt(0)) >= 0 ? "an " : "a ";
    }

    private static void requireValues(Node node, String path) {
        if (node instanceof Node.Scalar s && s.value() == null) {
            throw new InvalidInputException(s.where() + ": " + path, "no value given");
        }
        if (node instanceof Node.Sequence q) {
            for (int i = 0; i < q.items().size(); i++) {
                requireValues(q.items().get(i), path + "[" + i + "]");
            }
        } else if (node instanceof Node.Mapping m) {
            m.entries().forEach((k, e) -> requireValues(e.value(), path + "." + k));
        }
    }
}
