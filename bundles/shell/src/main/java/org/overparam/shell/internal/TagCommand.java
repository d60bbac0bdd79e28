package org.overparam.shell.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.Names;
import org.overparam.api.store.RunStore;

/**
 * The {@code tag RUN TAG... [--remove TAG]... [--runs DIR]} command: adds tags to a run in the run
 * store (and removes others), for {@code runs tag=T} to find it again; prints the run's tags.
 */
final class TagCommand {
    static final String USAGE = "tag RUN TAG... [--remove TAG]... [--runs DIR]";
    private static final List<String> OPTIONS = List.of("--remove", "--runs");
    private final RunStore store;

    /** @param store the run store, or {@code null} when the store bundle is not installed */
    TagCommand(RunStore store) {
        this.store = store;
    }

    /**
     * @param args the command's arguments
     * @param runsFolder the runs folder for a {@code --runs} value (or {@code null}: the default)
     * @param t where to print
     * @return the exit code
     * @throws InvalidInputException if an argument is bad, the folder has no store or the run is unknown
     */
    int execute(List<String> args, Function<String, Path> runsFolder, Terminal t) {
        String run = null;
        String runs = null;
        List<String> add = new ArrayList<>();
        List<String> remove = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("--")) {
                String name = Options.name(a);
                String value = Options.value(args, i, "tag", USAGE);
                i += a.contains("=") ? 0 : 1;
                switch (name) {
                    case "--remove" -> remove.add(value);
                    case "--runs" -> runs = value;
                    default -> throw new InvalidInputException("tag", "unknown option '" + name + "'"
                            + Names.suggestion(name, OPTIONS) + "; usage: overparam " + USAGE);
                }
            } else if (run == null) {
                run = a;
            } else {
                add.add(a);
            }
        }
        if (run == null || add.isEmpty() && remove.isEmpty()) {
            throw new InvalidInputException("tag", "missing " + (run == null ? "RUN" : "TAG") + "; usage: overparam "
                    + USAGE);
        }
        if (store == null) {
            t.error("tag: no run store; the bundle org.overparam.store is not installed");
            return CommandLine.FAILED;
        }
        Path folder = runsFolder.apply(runs);
        String id = store.resolve(folder, run);
        store.tag(folder, id, add, remove);
        List<String> now = store.run(folder, id).map(d -> d.summary().tags()).orElse(List.of());
        t.out().println(id + "  tags: " + (now.isEmpty() ? "-" : String.join(", ", now)));
        return CommandLine.OK;
    }
}
