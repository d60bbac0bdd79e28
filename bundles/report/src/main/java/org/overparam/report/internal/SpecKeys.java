package org.overparam.report.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A spec as dotted keys ({@code architecture.width}, {@code analyzers.0.every}) with their values
 * as text, and the keys whose values differ across the runs of a sweep.
 */
final class SpecKeys {
    private SpecKeys() {
    }

    /**
     * @param spec a spec tree
     * @return its leaves by dotted key, in document order
     */
    static Map<String, String> flatten(JsonNode spec) {
        Map<String, String> out = new LinkedHashMap<>();
        flatten("", spec, out);
        return out;
    }

    /**
     * @param specs the flattened specs of a sweep's runs
     * @return the keys whose value is not the same in all of them (a missing key counts as a value),
     *     in first-seen order
     */
    static List<String> varying(List<Map<String, String>> specs) {
        Set<String> keys = new LinkedHashSet<>();
        specs.forEach(s -> keys.addAll(s.keySet()));
        return keys.stream().filter(k -> specs.stream().map(s -> s.getOrDefault(k, "\u0000")).distinct().count() > 1)
                .toList();
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                out.put(prefix, "[]");
            }
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "." + i, node.get(i), out);
            }
        } else if (!node.isMissingNode()) {
            out.put(prefix, node.asText());
        }
    }
}
