package org.overparam.experiment.internal;

import org.overparam.api.ComponentKind;

/**
 * Merges a later experiment document over an earlier one ({@code include}: the including file
 * over what it includes, later includes over earlier ones). Mappings merge key by key, recursively;
 * anything else (a scalar, a list, a mapping over a scalar) replaces the earlier value. Two mappings
 * that both have a {@code name} and name different components do not merge: the later one replaces
 * the earlier, so that switching a component drops the old one's parameters. A component written as
 * a bare name ({@code initializer: ntk}) takes parameters from a later mapping without a name
 * ({@code initializer: {sigma: 2}}). Nodes keep the locations they were read at. The inputs are not
 * modified.
 */
final class Merge {
    private Merge() {
    }

    /**
     * @param base the earlier document
     * @param overlay the later document
     * @return a new document: {@code overlay} merged over {@code base}, keys in {@code base}'s order,
     *     then the new ones
     */
    static Node.Mapping documents(Node.Mapping base, Node.Mapping overlay) {
        Node.Mapping out = (Node.Mapping) Node.copy(base);
        overlay.entries().forEach((key, e) -> {
            Node.Entry old = out.entries().get(key);
            Node value;
            if (old == null) {
                value = Node.copy(e.value());
            } else if (ComponentKind.byKey(key) != null) {
                value = merge(promote(old.value(), e.value()), e.value());
            } else {
                value = merge(old.value(), e.value());
            }
            out.entries().put(key, new Node.Entry(e.keyWhere(), value));
        });
        return out;
    }

    /**
     * @param base the earlier value
     * @param overlay the later value
     * @return a new value: {@code overlay} merged over {@code base}
     */
    static Node merge(Node base, Node overlay) {
        if (!(base instanceof Node.Mapping b) || !(overlay instanceof Node.Mapping o) || renamed(b, o)) {
            return Node.copy(overlay);
        }
        Node.Mapping out = (Node.Mapping) Node.copy(b);
        o.entries().forEach((key, e) -> {
            Node.Entry old = out.entries().get(key);
            Node value = old == null ? Node.copy(e.value()) : merge(old.value(), e.value());
            out.entries().put(key, new Node.Entry(e.keyWhere(), value));
        });
        return out;
    }

    /** @return a bare component name as a mapping {@code {name: x}} when the overlay adds parameters to it */
    private static Node promote(Node base, Node overlay) {
        if (base instanceof Node.Scalar s && s.value() instanceof String && overlay instanceof Node.Mapping o
                && o.get("name") == null) {
            Node.Mapping m = Node.Mapping.empty(s.where());
            m.entries().put("name", new Node.Entry(s.where(), s));
            return m;
        }
        return base;
    }

    private static boolean renamed(Node.Mapping base, Node.Mapping overlay) {
        Node a = base.get("name");
        Node b = overlay.get("name");
        return a instanceof Node.Scalar x && b instanceof Node.Scalar y && x.value() != null
                && !x.value().equals(y.value());
    }
}
