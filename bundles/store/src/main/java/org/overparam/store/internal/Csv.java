package org.overparam.store.internal;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes CSV lines as RFC 4180 says: fields holding a comma, quote or line break are quoted, quotes
 * doubled; lines end with {@code \n}. Numbers are printed by {@link Double#toString} (exact); a
 * missing value is an empty field.
 */
final class Csv {
    private Csv() {
    }

    /**
     * @param out where to write
     * @param fields the line's fields, {@code null} for empty
     * @throws IOException if writing fails
     */
    static void line(Writer out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(fields.get(i)));
        }
        out.write('\n');
    }

    /**
     * @param s a field, or {@code null}
     * @return it as written, quoted when needed
     */
    static String field(String s) {
        if (s == null) {
            return "";
        }
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /**
     * @param v a number, or {@code null}
     * @return its text, or {@code null}
     */
    static String number(Double v) {
        return v == null ? null : Double.toString(v);
    }
}
