package org.overparam.engine.internal;

import java.util.List;
import java.util.regex.Pattern;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Layout;

/**
 * Block-name globs of a spec's {@code freeze} list: {@code *} matches any run of characters
 * (including none), {@code ?} exactly one, everything else itself. A glob must match a whole name.
 */
final class Globs {
    private Globs() {
    }

    /**
     * @param glob a pattern
     * @return the equivalent regular expression
     */
    static Pattern compile(String glob) {
        StringBuilder r = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    r.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                r.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            r.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(r.toString(), Pattern.DOTALL);
    }

    /**
     * Marks the blocks the globs match as frozen.
     *
     * @param globs the patterns
     * @param layout the model's blocks
     * @param trainable per block; set to false where a glob matches
     * @throws InvalidInputException naming {@code freeze} if a glob matches no block
     */
    static void freeze(List<String> globs, Layout layout, boolean[] trainable) {
        for (String g : globs) {
            Pattern p = compile(g);
            boolean any = false;
            for (int i = 0; i < layout.count(); i++) {
                if (p.matcher(layout.block(i).name()).matches()) {
                    trainable[i] = false;
                    any = true;
                }
            }
            if (!any) {
                throw new InvalidInputException("freeze", "pattern '" + g + "' matches no block; the blocks are "
                        + String.join(", ", layout.names()));
            }
        }
    }
}
