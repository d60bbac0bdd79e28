package org.overparam.shell.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.Names;
import org.overparam.api.run.ReportWriter;

/**
 * The {@code report RUN|SWEEP [--runs DIR]} command: writes the plots and {@code report.html} of a
 * run or a sweep through the {@link ReportWriter} service and prints the page's path. RUN is a run
 * folder, or a run id (or a prefix matching one run) under the runs folder, also inside a sweep
 * folder there; SWEEP is a folder holding run folders. Exit codes: 0 written, 2 bad input (no such
 * run, an unreadable run file), 1 when no report service is installed.
 */
final class ReportCommand {
    static final String USAGE = "report RUN|SWEEP [--runs DIR]";
    private final ReportWriter writer;

    /** @param writer the report service, or {@code null} when the report bundle is not installed */
    ReportCommand(ReportWriter writer) {
        this.writer = writer;
    }

    /**
     * @param args the command's arguments: a target and {@code --runs DIR}
     * @param runsFolder the runs folder for a {@code --runs} value (or {@code null}: the default)
     * @param t where to print
     * @return the exit code
     * @throws InvalidInputException if the arguments or the run's files are bad
     */
    int execute(List<String> args, Function<String, Path> runsFolder, Terminal t) {
        String target = null;
        String runs = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--runs") || a.startsWith("--runs=")) {
                runs = a.equals("--runs") ? (i + 1 < args.size() ? args.get(++i) : "") : a.substring("--runs=".length());
                if (runs.isBlank()) {
                    throw new InvalidInputException("report", "--runs needs a folder");
                }
            } else if (a.startsWith("-")) {
                String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
                throw new InvalidInputException("report", "unknown option '" + name + "'"
                        + Names.suggestion(name, List.of("--runs")) + "; usage: overparam " + USAGE);
            } else if (target == null) {
                target = a;
            } else {
                throw new InvalidInputException("report", "too many arguments; usage: overparam " + USAGE);
            }
        }
        if (target == null) {
            throw new InvalidInputException("report", "missing RUN or SWEEP; usage: overparam " + USAGE);
        }
        Path folder = resolve(target, runsFolder.apply(runs));
        if (writer == null) {
            t.error("report: no report service; the bundle org.overparam.report is not installed");
            return CommandLine.FAILED;
        }
        Path page = writer.report(folder);
        t.out().println("report  " + page);
        return CommandLine.OK;
    }

    /**
     * @param target a folder, or a run id or id prefix
     * @param runs the runs folder
     * @return the folder: {@code target} itself if it is one, else the one run folder under
     *     {@code runs} (or under a sweep folder in it) whose name is or starts with {@code target}
     * @throws InvalidInputException if there is none or more than one, with the closest ids
     */
    static Path resolve(String target, Path runs) {
        Path direct;
        try {
            direct = Path.of(target);
        } catch (InvalidPathException e) {
            throw new InvalidInputException(target, "not a valid path: " + e.getReason());
        }
        if (Files.isDirectory(direct)) {
            return direct;
        }
        List<Path> candidates = folders(runs);
        List<Path> exact = candidates.stream().filter(p -> p.getFileName().toString().equals(target)).toList();
        List<Path> prefixed = candidates.stream().filter(p -> p.getFileName().toString().startsWith(target)).toList();
        List<Path> found = exact.isEmpty() ? prefixed : exact;
        if (found.size() == 1) {
            return found.get(0);
        }
        List<String> ids = candidates.stream().map(p -> p.getFileName().toString()).toList();
        if (found.size() > 1) {
            List<String> names = found.stream().map(p -> p.getFileName().toString()).limit(5).toList();
            throw new InvalidInputException("report", "'" + target + "' matches " + found.size() + " runs under " + runs
                    + ", e.g. " + String.join(", ", names) + "; give more of the id");
        }
        throw new InvalidInputException("report", "no folder '" + target + "' and no run with that id under " + runs
                + Names.suggestion(target, ids));
    }

    /** @return the folders in {@code runs} and in its sub-folders, sorted */
    private static List<Path> folders(Path runs) {
        List<Path> out = new ArrayList<>();
        for (Path p : list(runs)) {
            out.add(p);
            out.addAll(list(p));
        }
        out.sort(null);
        return out;
    }

    private static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
