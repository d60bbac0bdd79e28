package org.overparam.api.store;

import java.util.Objects;
import java.util.regex.Pattern;
import org.overparam.api.InvalidInputException;

/**
 * A condition on one parameter of the runs' resolved specs, written {@code key=value},
 * {@code key!=value}, {@code key<value}, {@code key<=value}, {@code key>value} or {@code key>=value}
 * (e.g. {@code architecture.width>=512}). When the value is a number, it is compared with the
 * parameter's numeric value ({@code 1e-7} matches {@code 1.0E-7}); otherwise as text, and only
 * {@code =} and {@code !=} apply. A run without the parameter matches no condition on it except
 * {@code !=}.
 *
 * @param key the parameter's dotted key, e.g. {@code architecture.width}
 * @param op the comparison
 * @param value the value as written
 */
public record ParamFilter(String key, Op op, String value) {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    /** The comparisons, with the text that writes each. */
    public enum Op {
        /** {@code =}: equal. */
        EQ("="),
        /** {@code !=}: not equal (also true when the run lacks the parameter). */
        NE("!="),
        /** {@code <}: numerically below. */
        LT("<"),
        /** {@code <=}: numerically at most. */
        LE("<="),
        /** {@code >}: numerically above. */
        GT(">"),
        /** {@code >=}: numerically at least. */
        GE(">=");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        /** @return how the comparison is written, e.g. {@code >=} */
        public String symbol() {
            return symbol;
        }
    }

    /** Checks the fields; an order comparison needs a number. */
    public ParamFilter {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(value, "value");
        if (key.isBlank()) {
            throw new InvalidInputException(key + op.symbol() + value, "the parameter key is empty");
        }
        if (op != Op.EQ && op != Op.NE && numberOf(value) == null) {
            throw new InvalidInputException(key + op.symbol() + value, "'" + value + "' is not a number; "
                    + op.symbol() + " compares numbers");
        }
    }

    /**
     * @param text a condition such as {@code architecture.width>=512}
     * @return it as a filter
     * @throws InvalidInputException naming the text if it has no comparison or no key
     */
    public static ParamFilter parse(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '=' || c == '<' || c == '>' || (c == '!' && i + 1 < text.length() && text.charAt(i + 1) == '=')) {
                boolean eq = i + 1 < text.length() && text.charAt(i + 1) == '=';
                Op op = switch (c) {
                    case '!' -> Op.NE;
                    case '<' -> eq ? Op.LE : Op.LT;
                    case '>' -> eq ? Op.GE : Op.GT;
                    default -> Op.EQ;
                };
                int end = i + op.symbol().length();
                return new ParamFilter(text.substring(0, i).strip(), op, text.substring(end).strip());
            }
        }
        throw new InvalidInputException(text, "not a condition; write key=value, key!=value, key<value, key<=value,"
                + " key>value or key>=value");
    }

    /** @return the value as a number, or {@code null} if it is not one */
    public Double number() {
        return numberOf(value);
    }

    private static Double numberOf(String text) {
        String v = text.strip();
        return NUMBER.matcher(v).matches() ? Double.valueOf(v) : null;
    }

    @Override
    public String toString() {
        return key + op.symbol() + value;
    }
}
