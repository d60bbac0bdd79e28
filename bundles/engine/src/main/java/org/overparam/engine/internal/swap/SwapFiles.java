package org.overparam.engine.internal.swap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.ComponentRegistry;
import org.overparam.engine.internal.folder.RunLocks;

/**
 * The files of a run folder through which swap requests travel, also between processes:
 * <ul>
 * <li>{@value #IN_EFFECT}: the names of the components in effect ({@code optimizer=gd},
 * {@code schedule=constant}, {@code analyzers.ntk=ntk}), rewritten by the run when they change; the
 * requesting command validates against it;</li>
 * <li>{@value #REQUEST}: a pending request, one change per line, written atomically by
 * {@link #request} and taken (read and removed) by the run at its next step boundary;</li>
 * <li>{@value #APPLIED}: every request the run applied, one per line: the step, a tab, and the changes
 * separated by tabs; a resumed run applies them again up to its checkpoint and cuts the rest.</li>
 * </ul>
 */
public final class SwapFiles {
    /** The components in effect. */
    static final String IN_EFFECT = "in-effect.txt";
    /** A pending swap request. */
    public static final String REQUEST = "swap.request";
    /** The swap requests applied so far. */
    public static final String APPLIED = "swaps.applied";

    /**
     * A request the run applied.
     *
     * @param step the boundary it was applied at (before that step)
     * @param changes its changes
     */
    record Applied(long step, List<String> changes) {
    }

    private SwapFiles() {
    }

    /**
     * Validates a request against the registry and the run's components in effect, and writes it.
     *
     * @param folder the run folder
     * @param changes the changes
     * @param registry the components installed now
     * @param locks the container's table of held run folders
     * @return what was asked, on one line
     * @throws InvalidInputException as {@link org.overparam.api.run.ExperimentRunner#requestSwap} says
     */
    public static String request(Path folder, List<String> changes, ComponentRegistry registry, RunLocks locks) {
        if (!Files.isRegularFile(folder.resolve("spec.yaml"))) {
            throw new InvalidInputException(folder.toString(), "not a run folder (it has no spec.yaml)");
        }
        String id = folder.toAbsolutePath().normalize().getFileName().toString();
        if (!locks.isRunning(folder)) {
            throw new InvalidInputException(folder.toString(), "run " + id + " is not running; a swap applies to a "
                    + "running run (to continue a stopped run with other components, resume it and swap then)");
        }
        Map<String, String> current = inEffect(folder);
        if (current.isEmpty()) {
            throw new InvalidInputException(folder.toString(), "run " + id + " has not started its steps yet; try again "
                    + "in a moment");
        }
        List<SwapChanges.Target> targets = SwapChanges.parse(changes, registry, current);
        if (Files.exists(folder.resolve(REQUEST))) {
            throw new InvalidInputException(folder.toString(), "a swap request for run " + id + " is still pending; "
                    + "the run applies it before its next step");
        }
        try {
            Path tmp = folder.resolve(REQUEST + ".tmp-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
            Files.write(tmp, changes, StandardCharsets.UTF_8);
            move(tmp, folder.resolve(REQUEST));
        } catch (IOException e) {
            throw new InvalidInputException(folder.toString(), "cannot write the swap request: " + e);
        }
        return SwapChanges.describe(targets);
    }

    /**
     * @param folder a run folder
     * @return the pending request's changes, removed from disk; or {@code null}
     */
    static List<String> take(Path folder) {
        Path file = folder.resolve(REQUEST);
        if (!Files.exists(file)) {
            return null;
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            Files.deleteIfExists(file);
            List<String> out = new ArrayList<>();
            lines.stream().map(String::strip).filter(l -> !l.isEmpty()).forEach(out::add);
            return out;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * @param folder a run folder
     * @return the names in effect by key, in file order (empty if unknown)
     */
    static Map<String, String> inEffect(Path folder) {
        Map<String, String> out = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(folder.resolve(IN_EFFECT), StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    out.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return out;
    }

    /**
     * @param folder a run folder
     * @param names the names in effect by key: written atomically
     */
    public static void writeInEffect(Path folder, Map<String, String> names) {
        List<String> lines = new ArrayList<>();
        names.forEach((k, v) -> lines.add(k + "=" + v));
        try {
            Path tmp = folder.resolve(IN_EFFECT + ".tmp");
            Files.write(tmp, lines, StandardCharsets.UTF_8);
            move(tmp, folder.resolve(IN_EFFECT));
        } catch (IOException e) {
            // Only swap requests read it; they say the run has not started when it is missing.
        }
    }

    /**
     * Removes the files that only a running run needs: the names in effect and a request left unapplied.
     *
     * @param folder a run folder whose run has ended
     * @return the changes of the request left unapplied, or {@code null}
     */
    public static List<String> ended(Path folder) {
        List<String> left = take(folder);
        try {
            Files.deleteIfExists(folder.resolve(IN_EFFECT));
        } catch (IOException e) {
            // A stale file only makes a later swap request say the run is not running, as it checks the lock first.
        }
        return left;
    }

    /**
     * @param folder a run folder
     * @param step the boundary
     * @param changes the changes applied there
     */
    static void append(Path folder, long step, List<String> changes) {
        String line = step + "\t" + String.join("\t", changes) + "\n";
        try {
            Files.writeString(folder.resolve(APPLIED), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            // The swap is in run.log and provenance.json; only a later resume would miss it.
        }
    }

    /**
     * Reads the applied requests and cuts the file back to those at or before a step.
     *
     * @param folder a run folder
     * @param steps the checkpoint's step
     * @return the requests applied at boundaries up to {@code steps}, in order
     */
    public static List<Applied> cutTo(Path folder, long steps) {
        Path file = folder.resolve(APPLIED);
        if (!Files.exists(file)) {
            return List.of();
        }
        List<Applied> kept = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] parts = line.split("\t");
                long step = Long.parseLong(parts[0]);
                if (step <= steps) {
                    kept.add(new Applied(step, List.copyOf(Arrays.asList(parts).subList(1, parts.length))));
                    text.append(line).append('\n');
                }
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException(file.toString(), "cannot read the run's applied swaps: " + e.getMessage());
        }
        return kept;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
