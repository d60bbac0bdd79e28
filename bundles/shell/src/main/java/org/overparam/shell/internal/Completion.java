package org.overparam.shell.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.overparam.api.ComponentKind;
import org.overparam.api.run.ComponentInfo;
import org.overparam.api.run.ComponentRegistry;
import org.overparam.api.run.ParamSpec;

/**
 * Tab completion for the {@code op:} commands of the Gogo shell: given the words of the line and the
 * index of the word under the cursor, the words that may stand there. Commands' options
 * ({@code --runs}...); experiment files ({@code *.yaml} and folders) for {@code run} and
 * {@code sweep}; override keys ({@code optimizer=}, {@code optimizer.}, {@code stop.maxSteps=}),
 * component names after a kind's {@code =} ({@code optimizer=nesterov}) and parameter keys after a
 * kind's {@code .} ({@code optimizer.lr=}, from the component named on the line, else from every
 * component of the kind); kinds and names for {@code list} and {@code describe}; run ids for the
 * commands that take a run; folders after {@code --runs}, {@code --fragments} and {@code --resume}. The shell filters the candidates by what is typed; a candidate ending in
 * {@code =} or {@code .} is not complete (no space is added after it).
 */
final class Completion {
    /**
     * A word that may stand at the cursor.
     *
     * @param value the word
     * @param complete whether a space may follow it
     */
    record Candidate(String value, boolean complete) {
    }

    /** The options of each command (the command line's {@code --...} arguments). */
    static final Map<String, List<String>> OPTIONS = options();
    /** The top-level keys an override may set. */
    static final List<String> KEYS = List.of("name", "seed", "dataset", "architecture", "initializer", "loss",
            "optimizer", "schedule", "constraints", "analyzers", "stop", "freeze", "switch", "checkpoint");
    /** The keys of {@code stop}. */
    static final List<String> STOP_KEYS = List.of("maxSteps", "targetLoss");
    /** Commands whose first argument is a run (its id in the run store). */
    static final List<String> RUN_COMMANDS = List.of("report", "resume", "stop", "swap", "show", "compare", "tag");
    /** The most run ids offered. */
    static final int MAX_RUNS = 200;

    private final ComponentRegistry registry;
    private final Supplier<List<String>> runIds;
    private final Path workingDir;

    /**
     * @param registry the components present now
     * @param runIds the ids of the runs in the default runs folder, newest first
     * @param workingDir the folder relative file names start from
     */
    Completion(ComponentRegistry registry, Supplier<List<String>> runIds, Path workingDir) {
        this.registry = registry;
        this.runIds = runIds;
        this.workingDir = workingDir;
    }

    private static Map<String, List<String>> options() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("run", List.of("--runs", "--fragments"));
        m.put("sweep", List.of("--runs", "--fragments", "--parallel", "--dry-run", "--resume"));
        m.put("report", List.of("--runs"));
        m.put("reproduce", List.of("--quick", "--parallel", "--runs", "--dir"));
        m.put("resume", List.of("--runs"));
        m.put("stop", List.of("--runs", "--wait"));
        m.put("swap", List.of("--runs"));
        m.put("runs", List.of("--limit", "--offset", "--sort", "--csv", "--json", "--runs"));
        m.put("show", List.of("--json", "--csv", "--metric", "--points", "--runs"));
        m.put("compare", List.of("--sweep", "--metric", "--csv", "--json", "--runs"));
        m.put("tag", List.of("--remove", "--runs"));
        return m;
    }

    /**
     * @param words the line's words, the command first ({@code op:run} or {@code run})
     * @param index the index of the word under the cursor (may be {@code words.size()} for a new word)
     * @return the candidates for that word, unfiltered by what is typed of it, in a stable order
     */
    List<Candidate> candidates(List<String> words, int index) {
        if (words.isEmpty() || index < 1) {
            return List.of();
        }
        String command = words.get(0).startsWith("op:") ? words.get(0).substring(3) : words.get(0);
        String word = index < words.size() ? words.get(index) : "";
        if (word.startsWith("-")) {
            return complete(OPTIONS.getOrDefault(command, List.of()));
        }
        if (List.of("--runs", "--fragments", "--resume").contains(words.get(index - 1))) {
            return files(word);
        }
        return switch (command) {
            case "list" -> index == 1 ? complete(kinds()) : List.of();
            case "describe" -> index == 1 ? complete(kinds()) : index == 2 ? complete(names(kind(words.get(1)))) : List.of();
            case "run", "sweep" -> index == firstPlain(words) ? files(word, ".yaml", ".yml")
                    : overrides(words, word, command.equals("sweep"));
            case "swap" -> index == firstPlain(words) ? complete(runs()) : overrides(words, word, false);
            case "verify" -> files(word, ".jar");
            default -> RUN_COMMANDS.contains(command) && (index == firstPlain(words) || command.equals("compare"))
                    ? complete(runs()) : List.of();
        };
    }

    /** @return the index of the first word after the command that is not an option (or after the last word) */
    private static int firstPlain(List<String> words) {
        for (int i = 1; i < words.size(); i++) {
            if (!words.get(i).startsWith("-")) {
                return i;
            }
            if (List.of("--runs", "--fragments", "--resume").contains(words.get(i))) {
                i++;
            }
        }
        return words.size();
    }

    private List<Candidate> overrides(List<String> words, String word, boolean sweep) {
        int eq = word.indexOf('=');
        if (eq > 0) {
            ComponentKind kind = kind(word.substring(0, eq));
            List<Candidate> out = new ArrayList<>();
            if (kind != null && kind != ComponentKind.ANALYZER && kind != ComponentKind.CONSTRAINT) {
                for (String name : names(kind)) {
                    out.add(new Candidate(word.substring(0, eq + 1) + name, true));
                }
            }
            return out;
        }
        int dot = word.lastIndexOf('.');
        if (dot > 0) {
            String head = word.substring(0, dot);
            if (head.equals("stop")) {
                return STOP_KEYS.stream().map(k -> new Candidate("stop." + k + "=", false)).toList();
            }
            ComponentKind kind = kind(head);
            if (kind == null) {
                return List.of();
            }
            return params(kind, named(words, head)).stream().map(p -> new Candidate(head + "." + p + "=", false))
                    .toList();
        }
        List<Candidate> out = new ArrayList<>();
        for (String key : KEYS) {
            ComponentKind kind = kind(key);
            out.add(new Candidate(key + "=", false));
            if (kind != null || key.equals("stop")) {
                out.add(new Candidate(key + ".", false));
            }
        }
        if (sweep) {
            out.add(new Candidate("seeds=", false));
        }
        return out;
    }

    /** @return the component named by a {@code head=NAME} word on the line, or {@code null} */
    private static String named(List<String> words, String head) {
        for (String w : words) {
            if (w.startsWith(head + "=") && w.length() > head.length() + 1) {
                return w.substring(head.length() + 1);
            }
        }
        return null;
    }

    /** @return the parameter names of the named component of a kind, or of all its components (sorted) */
    private List<String> params(ComponentKind kind, String name) {
        TreeSet<String> out = new TreeSet<>();
        for (ComponentInfo c : registry.list(kind)) {
            if (name == null || c.name().equals(name)) {
                c.params().stream().map(ParamSpec::name).forEach(out::add);
            }
        }
        return List.copyOf(out);
    }

    private List<String> names(ComponentKind kind) {
        return kind == null ? List.of() : registry.list(kind).stream().map(ComponentInfo::name).toList();
    }

    private static List<String> kinds() {
        return java.util.Arrays.stream(ComponentKind.values()).map(ComponentKind::key).toList();
    }

    /**
     * @param key a kind's key, or the plural of a list key ({@code analyzers})
     * @return the kind, or {@code null}
     */
    private static ComponentKind kind(String key) {
        for (ComponentKind k : ComponentKind.values()) {
            if (k.key().equals(key)) {
                return k;
            }
        }
        return null;
    }

    private List<String> runs() {
        List<String> ids = runIds.get();
        return ids.size() > MAX_RUNS ? ids.subList(0, MAX_RUNS) : ids;
    }

    /** @return the files with one of the endings, and the folders, in the folder of the typed path */
    private List<Candidate> files(String typed, String... endings) {
        int slash = typed.lastIndexOf('/');
        String dirText = slash < 0 ? "" : typed.substring(0, slash + 1);
        Path dir;
        try {
            dir = dirText.isEmpty() ? workingDir : workingDir.resolve(dirText);
        } catch (InvalidPathException e) {
            return List.of();
        }
        List<Candidate> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        TreeSet<String> names = new TreeSet<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                String n = p.getFileName().toString();
                if (n.startsWith(".")) {
                    continue;
                }
                if (Files.isDirectory(p)) {
                    names.add(n + "/");
                } else if (java.util.Arrays.stream(endings).anyMatch(n::endsWith)) {
                    names.add(n);
                }
            }
        } catch (IOException e) {
            return out;
        }
        for (String n : names) {
            out.add(new Candidate(dirText + n, !n.endsWith("/")));
        }
        return out;
    }

    private static List<Candidate> complete(List<String> values) {
        return values.stream().map(v -> new Candidate(v, true)).toList();
    }
}
