package org.overparam.experiment.internal;

import java.util.ArrayList;
import java.util.List;
import org.overparam.api.ComponentKind;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.ComponentRegistry;

/**
 * Expands component fragments: where an experiment names a component ({@code architecture: fc-wide}
 * or {@code architecture: {name: fc-wide, depth: 3}}) by a name that no installed component of that
 * kind has, and the library has a fragment {@code <kind>/<name>.yaml}, the fragment's mapping takes
 * its place, with the parameters written beside the name merged over it ({@link Merge}). A fragment
 * is a mapping with a {@code name} and parameters, and its name may itself be a fragment. Values keep
 * the location of the file they come from, so errors point into the fragment. Installed components
 * win over fragments of the same name.
 */
final class ComponentFragments {
    private final ComponentRegistry registry;
    private final FragmentLibrary library;

    /**
     * @param registry the components present now
     * @param library the fragments
     */
    ComponentFragments(ComponentRegistry registry, FragmentLibrary library) {
        this.registry = registry;
        this.library = library;
    }

    /** @return the library */
    FragmentLibrary library() {
        return library;
    }

    /**
     * @param kind the component's kind
     * @param node its value in the document
     * @return {@code node} if it does not name a fragment, else the expanded component mapping
     * @throws InvalidInputException if a fragment is empty, not a component mapping, or includes itself
     */
    Node expand(ComponentKind kind, Node node) {
        List<String> sites = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        Node current = node;
        while (true) {
            Node nameNode = current instanceof Node.Mapping m ? m.get("name") : current;
            if (!(nameNode instanceof Node.Scalar s) || !(s.value() instanceof String raw)) {
                return current;
            }
            String name = raw.strip();
            if (registry.find(kind, name).isPresent()) {
                return current;
            }
            FragmentLibrary.Fragment f = library.find(kind.key(), name);
            if (f == null) {
                return current;
            }
            sites.add(s.where());
            if (seen.contains(f.location())) {
                throw new InvalidInputException(s.where(), kind.key() + " fragment '" + name + "' includes itself: "
                        + String.join(" -> ", sites));
            }
            seen.add(f.location());
            current = Merge.merge(load(kind, f), parameters(current));
        }
    }

    private Node.Mapping load(ComponentKind kind, FragmentLibrary.Fragment f) {
        Node root = YamlTree.parse(f.text(), line -> f.location() + ":" + line);
        String what = kind.key() + " fragment '" + f.name() + "'";
        if (root == null) {
            throw new InvalidInputException(f.location() + ":1", "the " + what + " is empty");
        }
        if (!(root instanceof Node.Mapping m)) {
            throw new InvalidInputException(root.where(), "the " + what + " must be a mapping with 'name' and "
                    + "parameters, not " + root.describe());
        }
        if (m.get("name") == null) {
            throw new InvalidInputException(m.where(), "the " + what + " needs a 'name': the " + kind.key()
                    + " (or " + kind.key() + " fragment) it configures");
        }
        return m;
    }

    /** @return the parameters written beside the name (a mapping without {@code name}) */
    private static Node.Mapping parameters(Node node) {
        Node.Mapping out = Node.Mapping.empty(node.where());
        if (node instanceof Node.Mapping m) {
            m.entries().forEach((k, e) -> {
                if (!k.equals("name")) {
                    out.entries().put(k, e);
                }
            });
        }
        return out;
    }
}
