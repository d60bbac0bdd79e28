package org.overparam.shell.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.overparam.api.Component;
import org.overparam.api.ComponentKind;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.ComponentInfo;
import org.overparam.api.run.ComponentRegistry;
import org.overparam.api.run.Names;
import org.overparam.api.run.ParamSpec;

/**
 * The {@code list} and {@code describe} commands: the installed components by kind, each with its
 * description and a table of its parameters (name, type, default or {@code required}, range or
 * options, description), aligned for a terminal. {@code describe} adds the providing bundle, the
 * component's own {@linkplain Component#help() help lines} (the {@code serial} architecture's layers)
 * and how to write the component in an experiment file.
 */
final class ComponentHelp {
    private final ComponentRegistry registry;

    /** @param registry the components present now */
    ComponentHelp(ComponentRegistry registry) {
        this.registry = registry;
    }

    /**
     * @param kind a kind's key (singular or plural, any case), or {@code null} for every kind
     * @param out where to print
     * @throws InvalidInputException if the kind is unknown
     */
    void list(String kind, PrintStream out) {
        List<ComponentKind> kinds = kind == null ? List.of(ComponentKind.values()) : List.of(kind(kind, "list"));
        boolean first = true;
        for (ComponentKind k : kinds) {
            if (!first) {
                out.println();
            }
            first = false;
            out.println(k.key());
            List<ComponentInfo> infos = registry.list(k);
            if (infos.isEmpty()) {
                out.println("  (none installed)");
            }
            for (ComponentInfo info : infos) {
                out.println("  " + info.name() + " - " + info.description());
                params(info, "    ", out);
            }
        }
    }

    /**
     * @param kind a kind's key
     * @param name a component's name
     * @param out where to print
     * @throws InvalidInputException if there is no such kind or component (with the closest names)
     */
    void describe(String kind, String name, PrintStream out) {
        ComponentKind k = kind(kind, "describe");
        ComponentInfo info = registry.require(k, name, "describe");
        out.println(k.key() + " " + info.name() + " - " + info.description());
        out.println("provided by " + info.bundle() + " " + info.version());
        out.println();
        out.println("parameters:");
        params(info, "  ", out);
        List<String> help = registry.service(k, name, Component.class).map(Component::help).orElse(List.of());
        if (!help.isEmpty()) {
            out.println();
            help.forEach(out::println);
        }
        out.println();
        out.println("in an experiment file:");
        out.println("  " + example(k, info));
    }

    private static void params(ComponentInfo info, String indent, PrintStream out) {
        if (info.params().isEmpty()) {
            out.println(indent + "(no parameters)");
            return;
        }
        List<String[]> rows = new ArrayList<>();
        for (ParamSpec p : info.params()) {
            String dflt = p.required() ? "required" : "default " + p.defaultText();
            String range = p.options().isEmpty() ? p.range() : "one of " + String.join(", ", p.options());
            rows.add(new String[] {p.name(), p.typeName(), dflt, range, p.description()});
        }
        int[] width = new int[4];
        for (String[] r : rows) {
            for (int c = 0; c < width.length; c++) {
                width[c] = Math.max(width[c], r[c].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder b = new StringBuilder(indent);
            for (int c = 0; c < r.length; c++) {
                b.append(r[c]);
                if (c < width.length) {
                    b.append(" ".repeat(width[c] - r[c].length() + 2));
                }
            }
            out.println(b.toString().stripTrailing());
        }
    }

    /** @return e.g. {@code optimizer: {name: gd, lr: 0.1}} or {@code analyzers: [{name: ntk, every: 0}]} */
    private static String example(ComponentKind kind, ComponentInfo info) {
        List<String> parts = new ArrayList<>();
        parts.add("name: " + info.name());
        if (kind == ComponentKind.ANALYZER) {
            parts.add("every: 0");
        }
        for (ParamSpec p : info.params()) {
            parts.add(p.name() + ": " + (p.required() ? "<" + p.typeName() + ">" : p.defaultText()));
        }
        String component = parts.size() == 1 ? info.name() : "{" + String.join(", ", parts) + "}";
        return switch (kind) {
            case CONSTRAINT -> "constraints: [" + component + "]";
            case ANALYZER -> "analyzers: [" + component + "]";
            default -> kind.key() + ": " + component;
        };
    }

    /**
     * @param text a kind's key, singular or plural, any case ({@code optimizer}, {@code Losses})
     * @param where the command, for the error
     * @return the kind
     * @throws InvalidInputException if no kind has that key
     */
    static ComponentKind kind(String text, String where) {
        String key = text.strip().toLowerCase(Locale.ROOT);
        for (String candidate : List.of(key, key.replaceFirst("es$", ""), key.replaceFirst("s$", ""))) {
            ComponentKind k = ComponentKind.byKey(candidate);
            if (k != null) {
                return k;
            }
        }
        List<String> keys = new ArrayList<>();
        for (ComponentKind k : ComponentKind.values()) {
            keys.add(k.key());
        }
        throw new InvalidInputException(where, "unknown kind '" + text + "'" + Names.suggestion(key, keys)
                + "; the kinds are " + String.join(", ", keys));
    }
}
