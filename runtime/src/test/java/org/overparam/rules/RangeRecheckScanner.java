package org.overparam.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds hand-written re-checks of a {@code @Param}-declared range in plugin sources. The engine
 * checks every parameter against its {@code @Param} bounds before a component sees its Config, so a
 * plugin that tests the same bound again keeps a second copy of one fact.
 *
 * <p>A <em>ranged parameter</em> of a module is a config method whose {@code @Param} sets
 * {@code min}, {@code max}, {@code minExclusive} or {@code maxExclusive}. A <em>re-check</em> of a
 * ranged parameter {@code p} is either
 * <ol>
 * <li>an {@code if (COND)} whose body starts with {@code throw new InvalidInputException("p", ...)}
 *     where COND is built only from {@code p} (the identifier {@code p}, a call {@code x.p()}, or a
 *     local the file assigns from {@code x.p()} alone, as {@code int ch = c.channels();}),
 *     number literals, comparison and boolean operators, parentheses and
 *     {@code Double.isNaN/isInfinite/isFinite}; or</li>
 * <li>a call {@code name("p", ...)} whose other arguments are built only from {@code p} and number
 *     literals and hold both, e.g. {@code atLeast("width", c.width(), 1)} (not
 *     {@code out.scalar("width", s.width())}); or</li>
 * <li>a call {@code helper("p", ...)} of a <em>range helper</em> of the same file: a method
 *     {@code helper(String name, <number> value, <number>...)} that throws
 *     {@code new InvalidInputException(name, ...)} under an {@code if} built only from its number
 *     parameters, literals and operators, e.g. {@code check(String name, double value)} with
 *     {@code if (!(value > 0)) throw new InvalidInputException(name, ...)}.</li>
 * </ol>
 * A condition that reads another parameter, a local value or the data (e.g. {@code c.n() > rows})
 * is not a re-check: such checks depend on several parameters or on the data and stay in plugins.
 * Comments are ignored; string literals are kept.
 */
final class RangeRecheckScanner {
    private static final Pattern PARAM = Pattern.compile("@Param\\s*\\(");
    private static final Pattern METHOD = Pattern.compile("\\G\\s*(?:@\\w+\\s*)*[\\w.<>\\[\\]]+\\s+(\\w+)\\s*\\(\\s*\\)");
    private static final Pattern BOUND = Pattern.compile("\\b(min|max|minExclusive|maxExclusive)\\s*=");
    private static final Pattern IF = Pattern.compile("\\bif\\s*\\(");
    private static final Pattern THROW = Pattern.compile("\\G\\s*\\{?\\s*throw\\s+new\\s+InvalidInputException\\s*\\(\\s*\"(\\w+)\"");
    private static final Pattern CALL = Pattern.compile("\\b\\w+\\s*\\(\\s*\"(\\w+)\"\\s*,");
    private static final Pattern HELPER = Pattern.compile(
            "\\b(\\w+)\\s*\\(\\s*String\\s+(\\w+)\\s*((?:,\\s*(?:double|int|long)\\s+\\w+\\s*)+)\\)\\s*\\{");
    private static final Pattern LITERAL = Pattern.compile("(?<![\\w.])\\d");
    private static final Pattern ALLOWED = Pattern.compile(
            "Double\\s*\\.\\s*(?:isNaN|isInfinite|isFinite)|\\d[\\w.]*|[()<>=!&|,\\s-]");

    private RangeRecheckScanner() {
    }

    /**
     * @param sources the main sources of one plugin module (comments may be present)
     * @return the names of its ranged parameters
     */
    static Set<String> rangedParams(List<String> sources) {
        Set<String> out = new LinkedHashSet<>();
        for (String raw : sources) {
            String s = stripComments(raw);
            Matcher m = PARAM.matcher(s);
            while (m.find()) {
                int close = closing(s, m.end() - 1);
                Matcher name = METHOD.matcher(s);
                if (close > 0 && name.find(close + 1) && BOUND.matcher(withoutStrings(s.substring(m.end(), close))).find()) {
                    out.add(name.group(1));
                }
            }
        }
        return out;
    }

    /**
     * @param source one source file
     * @param ranged the ranged parameters of its module
     * @return one line per re-check found: {@code line N: p}
     */
    static List<String> rechecks(String source, Set<String> ranged) {
        String s = stripComments(source);
        List<String> out = new ArrayList<>();
        Matcher m = IF.matcher(s);
        while (m.find()) {
            int close = closing(s, m.end() - 1);
            if (close < 0) {
                continue;
            }
            Matcher t = THROW.matcher(s);
            if (t.find(close + 1) && ranged.contains(t.group(1))
                    && onlyParam(s.substring(m.end(), close), t.group(1), aliases(s, t.group(1)))) {
                out.add("line " + line(s, m.start()) + ": " + t.group(1));
            }
        }
        Matcher c = CALL.matcher(s);
        while (c.find()) {
            int open = s.indexOf('(', c.start());
            int close = closing(s, open);
            String p = c.group(1);
            if (close > 0 && ranged.contains(p) && !s.substring(c.start(), open).trim().equals("InvalidInputException")) {
                String rest = s.substring(c.end(), close);
                if (onlyParam(rest, p, aliases(s, p)) && rest.matches("(?s).*\\b" + p + "\\b.*") && LITERAL.matcher(rest).find()) {
                    out.add("line " + line(s, c.start()) + ": " + p);
                }
            }
        }
        for (String helper : rangeHelpers(s)) {
            Matcher h = Pattern.compile("\\b" + helper + "\\s*\\(\\s*\"(\\w+)\"").matcher(s);
            while (h.find()) {
                if (ranged.contains(h.group(1))) {
                    out.add("line " + line(s, h.start()) + ": " + h.group(1));
                }
            }
        }
        return out;
    }

    /** @return the names of the file's range helpers (see the class doc) */
    private static Set<String> rangeHelpers(String s) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = HELPER.matcher(s);
        while (m.find()) {
            String name = m.group(2);
            Set<String> numbers = new LinkedHashSet<>();
            for (String arg : m.group(3).split(",")) {
                if (!arg.isBlank()) {
                    String[] parts = arg.trim().split("\\s+");
                    numbers.add(parts[parts.length - 1]);
                }
            }
            int end = s.indexOf("\n    }", m.end());
            String body = s.substring(m.end(), end < 0 ? s.length() : end);
            Matcher i = IF.matcher(body);
            while (i.find()) {
                int close = closing(body, i.end() - 1);
                Matcher t = Pattern.compile("\\G\\s*\\{?\\s*throw\\s+new\\s+InvalidInputException\\s*\\(\\s*" + name
                        + "\\b").matcher(body);
                if (close > 0 && t.find(close + 1) && onlyParam(body.substring(i.end(), close), "", numbers)) {
                    out.add(m.group(1));
                }
            }
        }
        return out;
    }

    /** @return whether the expression is built only from {@code p} (or its aliases), number literals and operators */
    private static boolean onlyParam(String expr, String p, Set<String> aliases) {
        if (expr.contains("\"")) {
            return false;
        }
        String rest = expr.replaceAll("\\b\\w+\\s*\\.\\s*" + p + "\\s*\\(\\s*\\)", " ");
        for (String a : aliases) {
            rest = rest.replaceAll("\\b" + a + "\\b", " ");
        }
        return ALLOWED.matcher(rest).replaceAll("").isEmpty();
    }

    /** @return {@code p} and the locals the file assigns from {@code x.p()} alone, e.g. {@code ch} in {@code int ch = c.channels();} */
    private static Set<String> aliases(String s, String p) {
        Set<String> out = new LinkedHashSet<>(Set.of(p));
        Matcher m = Pattern.compile("\\b(\\w+)\\s*=\\s*\\w+\\s*\\.\\s*" + p + "\\s*\\(\\s*\\)\\s*;").matcher(s);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static int line(String s, int at) {
        int n = 1;
        for (int i = 0; i < at; i++) {
            if (s.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    /** @return the index of the parenthesis closing the one at {@code open}, skipping literals; -1 if none */
    static int closing(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"' || ch == '\'') {
                i = endOfLiteral(s, i);
            } else if (ch == '(') {
                depth++;
            } else if (ch == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static int endOfLiteral(String s, int start) {
        char q = s.charAt(start);
        for (int i = start + 1; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\\') {
                i++;
            } else if (ch == q) {
                return i;
            }
        }
        return s.length();
    }

    private static String withoutStrings(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"' || ch == '\'') {
                i = endOfLiteral(s, i);
                out.append("\"\"");
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    /** @return the source with its comments replaced by spaces (newlines kept, so line numbers hold) */
    static String stripComments(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"' || ch == '\'') {
                int end = Math.min(endOfLiteral(s, i), s.length() - 1);
                out.append(s, i, end + 1);
                i = end;
            } else if (ch == '/' && i + 1 < s.length() && s.charAt(i + 1) == '/') {
                while (i < s.length() && s.charAt(i) != '\n') {
                    i++;
                }
                if (i < s.length()) {
                    out.append('\n');
                }
            } else if (ch == '/' && i + 1 < s.length() && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                end = end < 0 ? s.length() : end + 2;
                for (int j = i; j < end; j++) {
                    out.append(s.charAt(j) == '\n' ? '\n' : ' ');
                }
                i = end - 1;
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }
}
