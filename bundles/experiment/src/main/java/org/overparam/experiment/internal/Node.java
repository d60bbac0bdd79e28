package org.overparam.experiment.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a tree whose every node remembers where it was written: {@code file:line} for
 * nodes read from a file, {@code override 'key=value'} for nodes from the command line. Mappings and
 * sequences are mutable so that overrides can edit the tree before it is validated.
 */
sealed interface Node permits Node.Scalar, Node.Mapping, Node.Sequence {

    /** @return where the node was written, for error messages */
    String where();

    /** @return what the node is, for error messages: {@code a mapping}, {@code a list}, {@code 'abc'} */
    String describe();

    /**
     * A plain value.
     *
     * @param value a {@code Long}, {@code Double}, {@code Boolean}, {@code String}, or {@code null}
     *     for an empty value
     * @param text the value as written, for string parameters: YAML reads {@code no} as false and
     *     {@code 1.10} as 1.1, but a string parameter wants the text ({@code null} for an empty value)
     * @param where where it was written
     */
    record Scalar(Object value, String text, String where) implements Node {
        /** @return the text as written if the value is a string parameter's, else the value */
        Object asString() {
            return value == null ? null : text;
        }

        @Override
        public String describe() {
            if (value == null) {
                return "no value";
            }
            return value instanceof String s ? "'" + s + "'" : value.toString();
        }
    }

    /**
     * A mapping, in document order.
     *
     * @param entries the entries by key
     * @param where where it starts
     */
    record Mapping(LinkedHashMap<String, Entry> entries, String where) implements Node {
        /**
         * @param where where it starts
         * @return an empty mapping
         */
        static Mapping empty(String where) {
            return new Mapping(new LinkedHashMap<>(), where);
        }

        /**
         * @param key a key
         * @return its value, or {@code null} if absent
         */
        Node get(String key) {
            Entry e = entries.get(key);
            return e == null ? null : e.value();
        }

        @Override
        public String describe() {
            return "a mapping";
        }
    }

    /**
     * One key of a mapping and its value.
     *
     * @param keyWhere where the key was written
     * @param value its value
     */
    record Entry(String keyWhere, Node value) {
    }

    /**
     * A list.
     *
     * @param items its items
     * @param where where it starts
     */
    record Sequence(ArrayList<Node> items, String where) implements Node {
        @Override
        public String describe() {
            return "a list";
        }
    }

    /**
     * @param node a node
     * @return a deep copy (scalars are shared: they are immutable), so that edits of the copy leave
     *     {@code node} as it was
     */
    static Node copy(Node node) {
        if (node instanceof Mapping m) {
            Mapping out = Mapping.empty(m.where());
            m.entries().forEach((k, e) -> out.entries().put(k, new Entry(e.keyWhere(), copy(e.value()))));
            return out;
        }
        if (node instanceof Sequence q) {
            ArrayList<Node> items = new ArrayList<>(q.items().size());
            q.items().forEach(n -> items.add(copy(n)));
            return new Sequence(items, q.where());
        }
        return node;
    }

    /**
     * @param node a node
     * @return it as one line of flow YAML, as written where possible: {@code 256}, {@code sgd},
     *     {@code [W1, W2]}, {@code {name: sgd, lr: 0.1}}
     */
    static String flow(Node node) {
        if (node instanceof Scalar s) {
            return s.value() == null ? "null" : s.text() != null ? s.text() : s.value().toString();
        }
        StringBuilder b = new StringBuilder();
        if (node instanceof Sequence q) {
            b.append('[');
            for (int i = 0; i < q.items().size(); i++) {
                b.append(i == 0 ? "" : ", ").append(flow(q.items().get(i)));
            }
            return b.append(']').toString();
        }
        b.append('{');
        ((Mapping) node).entries().forEach((k, e) -> b.append(b.length() == 1 ? "" : ", ").append(k).append(": ")
                .append(flow(e.value())));
        return b.append('}').toString();
    }

    /**
     * @param node a node
     * @param text whether scalars give their text as written ({@link Scalar#asString()}) rather than
     *     their YAML value
     * @return its value as plain Java objects: scalars, lists as {@link List}, mappings as {@link Map}
     *     (key order kept)
     */
    static Object plain(Node node, boolean text) {
        if (node instanceof Scalar s) {
            return text ? s.asString() : s.value();
        }
        if (node instanceof Sequence q) {
            List<Object> out = new ArrayList<>(q.items().size());
            q.items().forEach(n -> out.add(plain(n, text)));
            return out;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        ((Mapping) node).entries().forEach((k, e) -> out.put(k, plain(e.value(), text)));
        return out;
    }
}
