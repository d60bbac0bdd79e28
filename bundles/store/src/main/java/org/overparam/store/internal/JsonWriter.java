package org.overparam.store.internal;

import com.google.common.escape.Escaper;
import com.google.common.escape.Escapers;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Writes JSON as it goes, indented by two spaces per level. Numbers are printed by
 * {@link Double#toString} (exact: they read back to the same double); NaN and the infinities, which
 * JSON cannot hold, become {@code null}. The caller keeps the structure well formed: a
 * {@link #key} before each value inside an object, none inside an array.
 */
final class JsonWriter {
    private static final Escaper STRING = stringEscaper();
    private final Writer out;
    private final Deque<boolean[]> first = new ArrayDeque<>();
    private boolean afterKey;

    /** @param out where to write (not closed) */
    JsonWriter(Writer out) {
        this.out = out;
    }

    /**
     * @return this, having opened an object
     * @throws IOException if writing fails
     */
    JsonWriter beginObject() throws IOException {
        return open('{');
    }

    /**
     * @return this, having closed the object
     * @throws IOException if writing fails
     */
    JsonWriter endObject() throws IOException {
        return close('}');
    }

    /**
     * @return this, having opened an array
     * @throws IOException if writing fails
     */
    JsonWriter beginArray() throws IOException {
        return open('[');
    }

    /**
     * @return this, having closed the array
     * @throws IOException if writing fails
     */
    JsonWriter endArray() throws IOException {
        return close(']');
    }

    /**
     * @param name the next member's name
     * @return this
     * @throws IOException if writing fails
     */
    JsonWriter key(String name) throws IOException {
        separate();
        out.write(quote(name));
        out.write(": ");
        afterKey = true;
        return this;
    }

    /**
     * @param s a string, or {@code null}
     * @return this
     * @throws IOException if writing fails
     */
    JsonWriter value(String s) throws IOException {
        return raw(s == null ? "null" : quote(s));
    }

    /**
     * @param v a number; NaN and infinities become null
     * @return this
     * @throws IOException if writing fails
     */
    JsonWriter value(double v) throws IOException {
        return raw(Double.isFinite(v) ? Double.toString(v) : "null");
    }

    /**
     * @param v a number, or {@code null}
     * @return this
     * @throws IOException if writing fails
     */
    JsonWriter value(Double v) throws IOException {
        return v == null ? raw("null") : value(v.doubleValue());
    }

    /**
     * @param v a whole number
     * @return this
     * @throws IOException if writing fails
     */
    JsonWriter value(long v) throws IOException {
        return raw(Long.toString(v));
    }

    /** Ends the document with a line break. @throws IOException if writing fails */
    void finish() throws IOException {
        out.write('\n');
    }

    private JsonWriter raw(String text) throws IOException {
        separate();
        out.write(text);
        return this;
    }

    private JsonWriter open(char c) throws IOException {
        separate();
        out.write(c);
        first.push(new boolean[] {true});
        return this;
    }

    private JsonWriter close(char c) throws IOException {
        boolean empty = first.pop()[0];
        if (!empty) {
            newline();
        }
        out.write(c);
        return this;
    }

    private void separate() throws IOException {
        if (afterKey) {
            afterKey = false;
            return;
        }
        if (first.isEmpty()) {
            return;
        }
        boolean[] f = first.peek();
        if (!f[0]) {
            out.write(',');
        }
        f[0] = false;
        newline();
    }

    private void newline() throws IOException {
        out.write('\n');
        for (int i = 0; i < first.size(); i++) {
            out.write("  ");
        }
    }

    /**
     * @param s any string
     * @return it as a JSON string literal
     */
    static String quote(String s) {
        return '"' + STRING.escape(s) + '"';
    }

    /**
     * @return JSON's escapes: the short forms of {@code " \ \n \r \t}, and a backslash, {@code u} and four
     *     hexadecimal digits for the other control characters
     */
    private static Escaper stringEscaper() {
        Escapers.Builder b = Escapers.builder();
        for (char c = 0; c < 0x20; c++) {
            b.addEscape(c, String.format("\\u%04x", (int) c));
        }
        return b.addEscape('"', "\\\"").addEscape('\\', "\\\\").addEscape('\n', "\\n").addEscape('\r', "\\r")
                .addEscape('\t', "\\t").build();
    }
}
