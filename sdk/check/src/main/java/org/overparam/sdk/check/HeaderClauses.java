package org.overparam.sdk.check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses an OSGi manifest header such as {@code Import-Package} into clauses (OSGi Core,
 * section 3.2.4): clauses are separated by commas, the parts of a clause by semicolons; a part
 * {@code k=v} is an attribute, {@code k:=v} a directive, anything else one of the clause's paths.
 * Values may be quoted, and a quoted value may hold commas and semicolons.
 */
final class HeaderClauses {
    /**
     * One clause.
     *
     * @param paths the clause's names (usually one package), in order
     * @param attributes its attributes, e.g. {@code version}, unquoted
     * @param directives its directives, e.g. {@code resolution}, unquoted
     */
    record Clause(List<String> paths, Map<String, String> attributes, Map<String, String> directives) {
        /** Copies the collections. */
        Clause {
            paths = List.copyOf(paths);
            attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
            directives = Collections.unmodifiableMap(new LinkedHashMap<>(directives));
        }
    }

    private HeaderClauses() {
    }

    /**
     * @param header the header's value, or {@code null}
     * @return its clauses in order (empty for {@code null} or blank)
     */
    static List<Clause> parse(String header) {
        List<Clause> out = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return out;
        }
        for (String clause : split(header, ',')) {
            List<String> paths = new ArrayList<>();
            Map<String, String> attributes = new LinkedHashMap<>();
            Map<String, String> directives = new LinkedHashMap<>();
            for (String part : split(clause, ';')) {
                int colonEq = indexOutsideQuotes(part, ":=");
                int eq = indexOutsideQuotes(part, "=");
                if (colonEq >= 0 && colonEq + 1 == eq) {
                    directives.put(part.substring(0, colonEq).strip(), unquote(part.substring(colonEq + 2)));
                } else if (eq >= 0) {
                    String key = part.substring(0, eq).strip();
                    int type = key.indexOf(':');
                    attributes.put(type < 0 ? key : key.substring(0, type).strip(), unquote(part.substring(eq + 1)));
                } else if (!part.isBlank()) {
                    paths.add(part.strip());
                }
            }
            if (!paths.isEmpty()) {
                out.add(new Clause(paths, attributes, directives));
            }
        }
        return out;
    }

    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }

    private static int indexOutsideQuotes(String text, String token) {
        boolean quoted = false;
        for (int i = 0; i + token.length() <= text.length(); i++) {
            if (text.charAt(i) == '"') {
                quoted = !quoted;
            } else if (!quoted && text.startsWith(token, i)) {
                return i;
            }
        }
        return -1;
    }

    private static String unquote(String value) {
        String v = value.strip();
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }
}
