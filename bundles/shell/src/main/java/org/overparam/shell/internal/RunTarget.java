package org.overparam.shell.internal;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.Names;

/**
 * The {@code RUN [--runs DIR] [flags]} arguments of {@code resume} and {@code stop}: RUN is a run
 * folder, or a run id (or a prefix matching exactly one run) under the runs folder, also inside a
 * sweep folder there (as {@code report} finds it).
 *
 * @param folder the run's folder
 * @param flags the flags given, among those the command allows
 */
record RunTarget(Path folder, Set<String> flags) {
    /**
     * @param command the command, for errors
     * @param usage its usage line
     * @param args its arguments
     * @param allowed the flags it takes besides {@code --runs}, e.g. {@code --wait}
     * @param runsFolder the runs folder for a {@code --runs} value (or {@code null}: the default)
     * @return the target
     * @throws InvalidInputException for a missing or extra argument, an unknown option, or a RUN that
     *     names no folder and no run (with the closest id)
     */
    static RunTarget parse(String command, String usage, List<String> args, List<String> allowed,
                           Function<String, Path> runsFolder) {
        String target = null;
        String runs = null;
        Set<String> flags = new LinkedHashSet<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--runs") || a.startsWith("--runs=")) {
                runs = a.equals("--runs") ? (i + 1 < args.size() ? args.get(++i) : "") : a.substring("--runs=".length());
                if (runs.isBlank()) {
                    throw new InvalidInputException(command, "--runs needs a folder");
                }
            } else if (allowed.contains(a)) {
                flags.add(a);
            } else if (a.startsWith("-")) {
                String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
                List<String> options = new java.util.ArrayList<>(allowed);
                options.add("--runs");
                throw new InvalidInputException(command, "unknown option '" + name + "'"
                        + Names.suggestion(name, options) + "; usage: overparam " + usage);
            } else if (target == null) {
                target = a;
            } else {
                throw new InvalidInputException(command, "too many arguments; usage: overparam " + usage);
            }
        }
        if (target == null) {
            throw new InvalidInputException(command, "missing RUN; usage: overparam " + usage);
        }
        Path folder;
        try {
            folder = ReportCommand.resolve(target, runsFolder.apply(runs));
        } catch (InvalidInputException e) {
            throw e.where().equals("report") ? new InvalidInputException(command, e.getMessage()) : e;
        }
        return new RunTarget(folder, flags);
    }

    /** @return the run's id: its folder's name */
    String id() {
        Path name = folder.toAbsolutePath().normalize().getFileName();
        return name == null ? folder.toString() : name.toString();
    }
}
