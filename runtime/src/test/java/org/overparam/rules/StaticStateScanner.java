package org.overparam.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds static mutable state in bundle sources: state a bundle keeps across its components' lives
 * belongs to a DS component instance, so that a container has one copy per bundle revision and a
 * test its own. A <em>static field</em> is a declaration whose modifiers include {@code static}
 * (a nested class, interface, enum or record is not a field). It is reported when
 * <ol>
 * <li>it is not {@code final} ({@code static int count;}, {@code static Foo instance = ...}); or</li>
 * <li>it is {@code final} but its declared type or its initializer is a mutable container or cache:
 *     a {@code Cache}, {@code LoadingCache}, {@code Atomic*}, {@code ThreadLocal} or
 *     {@code StringBuilder}, a {@code HashMap}/{@code HashSet} (and the linked, tree, concurrent, weak,
 *     identity and enum kinds), an {@code ArrayList}, {@code LinkedList}, {@code ArrayDeque},
 *     {@code CopyOnWriteArrayList}/{@code Set} or {@code PriorityQueue} made with {@code new}, a
 *     {@code CacheBuilder} or a {@code Collections.synchronized*} wrapper (the initializer's outer
 *     expression: {@code Set.copyOf(new HashSet<>(...))} is immutable); or</li>
 * <li>it is a {@code final} array that the same file writes an element of ({@code NAME[i] = ...}).</li>
 * </ol>
 * Constants and immutable values ({@code List.of}, {@code Set.of}, {@code Map.of}, strings, numbers,
 * records, a {@code Pattern}, an array the file only reads) are fine. Comments and the contents of
 * string and character literals are ignored.
 */
final class StaticStateScanner {
    private static final String MODIFIERS = "(?:(?:public|protected|private|static|final|volatile|transient)\\s+)+";
    private static final Pattern FIELD = Pattern.compile("(?m)^\\s*(" + MODIFIERS + ")([\\w.<>\\[\\], ?]+?)\\s+(\\w+)\\s*(=|;)");
    private static final Pattern MUTABLE_TYPE = Pattern.compile("^(?:[\\w.]+\\.)?(Cache|LoadingCache|Atomic\\w+|ThreadLocal"
            + "|StringBuilder|(?:Hash|LinkedHash|Tree|ConcurrentHash|ConcurrentSkipList|WeakHash|IdentityHash|Enum)(?:Map|Set)"
            + "|ArrayList|LinkedList|ArrayDeque)\\b");
    private static final Pattern MUTABLE_VALUE = Pattern.compile("\\s*(?:new\\s+(?:[\\w.]+\\.)?(?:(?:Hash|LinkedHash|Tree|ConcurrentHash"
            + "|ConcurrentSkipList|WeakHash|IdentityHash|Enum)(?:Map|Set)|ArrayList|LinkedList|ArrayDeque"
            + "|CopyOnWriteArray(?:List|Set)|PriorityQueue|StringBuilder|Atomic\\w+|ThreadLocal)\\b|CacheBuilder\\b"
            + "|ThreadLocal\\.|Collections\\.synchronized)");
    private static final Pattern COMMENTS_AND_STRINGS = Pattern.compile(
            "/\\*.*?\\*/|//[^\\n]*|\"\"\".*?\"\"\"|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])*'", Pattern.DOTALL);

    private StaticStateScanner() {
    }

    /**
     * @param source a Java source file
     * @return the static mutable fields it declares, as {@code NAME: why}
     */
    static List<String> find(String source) {
        String code = COMMENTS_AND_STRINGS.matcher(source).replaceAll(m -> m.group().startsWith("/") ? " " : "\"\"");
        List<String> found = new ArrayList<>();
        Matcher m = FIELD.matcher(code);
        while (m.find()) {
            List<String> modifiers = List.of(m.group(1).trim().split("\\s+"));
            String type = m.group(2).trim();
            String name = m.group(3);
            if (!modifiers.contains("static") || type.matches("class|interface|enum|record|@?interface")) {
                continue;
            }
            if (!modifiers.contains("final")) {
                found.add(name + ": static and not final");
            } else if (MUTABLE_TYPE.matcher(type).find() || m.group(4).equals("=")
                    && MUTABLE_VALUE.matcher(initializer(code, m.end())).lookingAt()) {
                found.add(name + ": a static mutable container or cache");
            } else if (type.endsWith("]") && Pattern.compile("\\b" + name + "\\s*\\[[^\\]]*\\]\\s*=[^=]")
                    .matcher(code).find()) {
                found.add(name + ": a static array the file writes");
            }
        }
        return found;
    }

    /** The initializer that starts at {@code from}: up to the {@code ;} that ends the declaration. */
    private static String initializer(String code, int from) {
        int depth = 0;
        for (int i = from; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if (c == ')' || c == '}' || c == ']') {
                depth--;
            } else if (c == ';' && depth <= 0) {
                return code.substring(from, i);
            }
        }
        return code.substring(from);
    }
}
