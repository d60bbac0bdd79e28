package org.overparam.shell.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.overparam.api.run.RunStatus;
import org.overparam.api.store.RunDetails;

/**
 * Whether the process that was running a run is still there, for runs the store lists as RUNNING or
 * PAUSED. A process that runs a run writes its id into the folder's {@code run.lock} (and holds an
 * operating-system lock on it, gone with the process); a run whose process died without ending it
 * ({@code kill -9}, an out-of-memory crash, power loss) is left RUNNING in the store. Its owner is
 * <em>gone</em> when no process has that id now, or the process with that id started after the lock
 * was written (the id was reused, e.g. after a reboot). The lock file is only read, never locked: in
 * the Gogo shell the run may be running in this very JVM, whose lock another channel would release.
 * A run that ran on another host (its provenance names another host) is not judged.
 */
final class RunOwner {
    /** The status shown for a RUNNING or PAUSED run whose process is gone. */
    static final String INTERRUPTED = "INTERRUPTED";
    /** Clock skew allowed between a process's start time and the lock file's time. */
    private static final long SLACK_MILLIS = 2_000;

    private RunOwner() {
    }

    /**
     * @param folder a run folder
     * @return the id of the process that last held its lock, if the lock file names one
     */
    static Optional<Long> pid(Path folder) {
        try {
            String text = Files.readString(folder.resolve("run.lock"), StandardCharsets.UTF_8).strip();
            return text.matches("\\d{1,18}") ? Optional.of(Long.parseLong(text)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * @param folder a run folder
     * @return whether the process named in its {@code run.lock} is known to be gone (false when there is no
     *     lock file, it names no process, or the process is alive)
     */
    static boolean gone(Path folder) {
        Optional<Long> pid = pid(folder);
        if (pid.isEmpty()) {
            return false;
        }
        if (pid.get() == ProcessHandle.current().pid()) {
            return false;
        }
        Optional<ProcessHandle> p = ProcessHandle.of(pid.get());
        if (p.isEmpty() || !p.get().isAlive()) {
            return true;
        }
        Optional<Instant> started = p.get().info().startInstant();
        try {
            Instant locked = Files.getLastModifiedTime(folder.resolve("run.lock")).toInstant();
            return started.isPresent() && started.get().isAfter(locked.plusMillis(SLACK_MILLIS));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * @param d a run from the store
     * @param runs the runs folder it was found under
     * @param host this machine's host name
     * @return {@value #INTERRUPTED} when the store says RUNNING or PAUSED but the run's process is gone,
     *     else the store's status
     */
    static String status(RunDetails d, Path runs, String host) {
        RunStatus s = d.summary().status();
        if (s != RunStatus.RUNNING && s != RunStatus.PAUSED) {
            return s.name();
        }
        String ranOn = d.provenance().host();
        if (!ranOn.isEmpty() && !host.isEmpty() && !ranOn.equals(host)) {
            return s.name();
        }
        return gone(folder(d, runs)) ? INTERRUPTED : s.name();
    }

    /**
     * @param d a run from the store
     * @param runs the runs folder it was found under
     * @return its folder: the one the store recorded when it exists, else {@code runs/[sweep/]id}
     */
    static Path folder(RunDetails d, Path runs) {
        if (Files.isDirectory(d.folder())) {
            return d.folder();
        }
        Path sweep = d.summary().sweep().isEmpty() ? runs : runs.resolve(d.summary().sweep());
        return sweep.resolve(d.summary().id());
    }

    /**
     * @param id a run id
     * @return the line that says how to continue an interrupted run
     */
    static String resumeHint(String id) {
        return "its process is gone (killed, out of memory or power lost); continue it with 'overparam resume " + id
                + "'";
    }

    /** @return this machine's host name, as provenance.json records it (HOSTNAME, else /etc/hostname) */
    static String host() {
        String h = System.getenv("HOSTNAME");
        if (h == null || h.isBlank()) {
            try {
                Path p = Path.of("/etc/hostname");
                h = Files.isReadable(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
            } catch (IOException e) {
                h = "";
            }
        }
        return h.strip();
    }
}
