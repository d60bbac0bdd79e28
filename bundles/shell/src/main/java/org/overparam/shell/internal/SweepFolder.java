package org.overparam.shell.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.RunStatus;
import org.overparam.api.run.SweepPoint;
import org.overparam.engine.runfolder.ResultJson;
import org.overparam.engine.runfolder.RunFileNames;

/**
 * A sweep's folder, {@code <runs>/<name>-<yyyyMMdd-HHmmss>/}: the manifest {@code sweep.yaml} and the
 * run folders the runner writes directly inside it. A run folder belongs to the point whose key is
 * the SHA-256 of its {@code spec.yaml}; a point is done when one of its run folders has a
 * {@code result.json} with a finished status (converged, completed or diverged), and interrupted when
 * it is not done but has a run folder (stopped, failed, or killed without a result.json), which
 * {@code sweep --resume} continues from its checkpoint.
 */
final class SweepFolder {
    /** The manifest's file name. */
    static final String MANIFEST = "sweep.yaml";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /**
     * A finished run found in the folder.
     *
     * @param folder the run folder
     * @param status its status
     * @param steps its steps
     * @param loss its final training loss (NaN if not recorded)
     */
    record Done(Path folder, RunStatus status, long steps, double loss) {
    }

    private SweepFolder() {
    }

    /**
     * Creates the sweep's folder and writes its manifest.
     *
     * @param runs the runs folder (checked by {@link RunsFolder#requireWritable} first)
     * @param name the sweep's name, made safe by {@link #safe}
     * @param now the time for the folder's name
     * @param manifest the manifest's text
     * @return the new folder
     * @throws InvalidInputException naming the runs folder if it cannot be written
     */
    static Path create(Path runs, String name, LocalDateTime now, String manifest) {
        String base = safe(name) + "-" + STAMP.format(now);
        try {
            Files.createDirectories(runs);
            for (int i = 1; ; i++) {
                Path dir = runs.resolve(i == 1 ? base : base + "-" + i);
                try {
                    Files.createDirectory(dir);
                    Files.writeString(dir.resolve(MANIFEST), manifest, StandardCharsets.UTF_8);
                    return dir;
                } catch (FileAlreadyExistsException e) {
                    if (i > 100) {
                        throw e;
                    }
                }
            }
        } catch (AccessDeniedException e) {
            throw new InvalidInputException(runs.toString(), "the runs folder is not writable (permission denied"
                    + " for " + e.getFile() + ")");
        } catch (IOException e) {
            throw new InvalidInputException(runs.toString(), "cannot create the sweep folder: " + RunsFolder.cause(e));
        }
    }

    /**
     * Removes a sweep folder that {@link #create} made and nothing ran in (only its manifest, and the
     * lock of the sweep), so that bad input found after it was made leaves nothing behind.
     *
     * @param dir the sweep folder
     */
    static void removeUnused(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            if (s.anyMatch(Files::isDirectory)) {
                return;
            }
        } catch (IOException e) {
            return;
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // what is left is the manifest of a sweep that never ran: sweep --resume runs it
        }
    }

    /**
     * @param name a sweep's name
     * @return the start of its folder's name: characters other than letters, digits, '.', '_' and '-'
     *     become '-', and a name that is empty or starts with '.' or '-' gets the prefix {@code sweep}
     */
    static String safe(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._-]", "-");
        return s.isEmpty() || s.startsWith(".") || s.startsWith("-") ? "sweep" + s : s;
    }

    /**
     * @param sweep the sweep folder
     * @return the finished runs in it, by the key of their spec (unreadable or unfinished folders are
     *     left out)
     */
    static Map<String, Done> finished(Path sweep) {
        Map<String, Done> out = new HashMap<>();
        List<Path> dirs = new ArrayList<>();
        try (Stream<Path> s = Files.list(sweep)) {
            s.filter(Files::isDirectory).sorted().forEach(dirs::add);
        } catch (IOException e) {
            return out;
        }
        for (Path d : dirs) {
            try {
                Path spec = d.resolve(RunFileNames.SPEC);
                if (Files.isRegularFile(spec) && Files.isRegularFile(d.resolve(RunFileNames.RESULT))) {
                    Done done = done(d, ResultJson.read(d));
                    if (done != null) {
                        out.putIfAbsent(SweepPoint.key(Files.readString(spec, StandardCharsets.UTF_8)), done);
                    }
                }
            } catch (IOException e) {
                // an unreadable run folder counts as not done: the point runs again
            }
        }
        return out;
    }

    /**
     * @param sweep the sweep folder
     * @return for each key without a finished run, the latest of its run folders that has not finished
     *     (no result.json, or one saying STOPPED or FAILED): the run to resume from its checkpoint
     */
    static Map<String, Path> interrupted(Path sweep) {
        Map<String, Done> done = finished(sweep);
        Map<String, Path> out = new HashMap<>();
        List<Path> dirs = new ArrayList<>();
        try (Stream<Path> s = Files.list(sweep)) {
            s.filter(Files::isDirectory).sorted().forEach(dirs::add);
        } catch (IOException e) {
            return out;
        }
        for (Path d : dirs) {
            try {
                Path spec = d.resolve(RunFileNames.SPEC);
                if (Files.isRegularFile(spec)) {
                    String key = SweepPoint.key(Files.readString(spec, StandardCharsets.UTF_8));
                    if (!done.containsKey(key)) {
                        out.put(key, d);
                    }
                }
            } catch (IOException e) {
                // an unreadable run folder is not resumed: the point runs again in a new folder
            }
        }
        return out;
    }

    /**
     * @param runFolder a run folder
     * @return the status its result.json gives, or {@code null} when it has none (or none readable)
     */
    static String status(Path runFolder) {
        try {
            return ResultJson.status(ResultJson.read(runFolder));
        } catch (IOException e) {
            return null;
        }
    }

    private static Done done(Path folder, String json) {
        String status = ResultJson.status(json);
        if (status == null) {
            return null;
        }
        RunStatus s;
        try {
            s = RunStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (!s.isFinished()) {
            return null;
        }
        return new Done(folder, s, Math.max(0, ResultJson.steps(json)), ResultJson.loss(json));
    }
}
