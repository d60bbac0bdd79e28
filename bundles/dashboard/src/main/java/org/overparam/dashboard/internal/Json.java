package org.overparam.dashboard.internal;

import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import javax.servlet.http.HttpServletResponse;

/** A small JSON writer for the API's answers: strings escaped, numbers as JSON allows (NaN as null). */
final class Json {
    private Json() {
    }

    /** @return {@code s} as a JSON string literal ({@code null} for {@code null}) */
    static String str(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '<' -> b.append("\\u003c");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** @return a finite number as JSON, else {@code null} */
    static String num(double v) {
        if (!Double.isFinite(v)) {
            return "null";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** @return strings as a JSON array */
    static String strings(Collection<String> values) {
        StringBuilder b = new StringBuilder("[");
        for (String v : values) {
            b.append(b.length() > 1 ? "," : "").append(str(v));
        }
        return b.append(']').toString();
    }

    /** @return a map of strings as a JSON object */
    static String object(Map<String, String> values) {
        StringBuilder b = new StringBuilder("{");
        for (Map.Entry<String, String> e : values.entrySet()) {
            b.append(b.length() > 1 ? "," : "").append(str(e.getKey())).append(':').append(str(e.getValue()));
        }
        return b.append('}').toString();
    }

    /** Sends {@code {"error": message}} with a status. */
    static void error(HttpServletResponse res, int status, String message) throws IOException {
        send(res, status, "{\"error\":" + str(message) + "}");
    }

    /** Sends a JSON body with a status. */
    static void send(HttpServletResponse res, int status, String body) throws IOException {
        res.setStatus(status);
        res.setContentType("application/json;charset=UTF-8");
        res.setHeader("Cache-Control", "no-store");
        res.getWriter().write(body);
    }
}
