package org.overparam.launcher;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The framework's bundle cache: a fresh folder under {@code java.io.tmpdir} per process, named
 * {@code overparam-felix-<pid>-*}, so two processes never share one. It is deleted when the
 * framework stops; folders left behind by killed processes (whose pid is gone) are swept at the
 * next start once they are an hour old.
 */
public final class StorageDir {
    private static final String PREFIX = "overparam-felix-";
    private static final Duration STALE_AFTER = Duration.ofHours(1);
    private final Path path;

    private StorageDir(Path path) {
        this.path = path;
    }

    /**
     * @return a new, empty folder
     * @throws LaunchException (exit code 1) if the temporary folder is not writable
     */
    public static StorageDir create() throws LaunchException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        sweepStale(tmp);
        try {
            long pid = ProcessHandle.current().pid();
            return new StorageDir(Files.createTempDirectory(tmp, PREFIX + pid + "-").toAbsolutePath());
        } catch (IOException e) {
            throw new LaunchException("cannot create the framework's storage in " + tmp + ": " + e.getMessage(), 1, e);
        }
    }

    /** @return the folder, absolute */
    public Path path() {
        return path;
    }

    /** Deletes the folder and everything in it; failures are ignored (it is temporary anyway). */
    public void delete() {
        deleteTree(path);
    }

    private static void sweepStale(Path tmp) {
        Instant cutoff = Instant.now().minus(STALE_AFTER);
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tmp, PREFIX + "*")) {
            for (Path dir : dirs) {
                if (isOrphan(dir) && Files.getLastModifiedTime(dir).compareTo(FileTime.from(cutoff)) < 0) {
                    deleteTree(dir);
                }
            }
        } catch (IOException | RuntimeException e) {
            Log.detail("could not sweep old framework storage in " + tmp + ": " + e.getMessage());
        }
    }

    private static boolean isOrphan(Path dir) {
        String rest = dir.getFileName().toString().substring(PREFIX.length());
        int dash = rest.indexOf('-');
        try {
            long pid = Long.parseLong(dash < 0 ? rest : rest.substring(0, dash));
            return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            Log.detail("could not delete " + root + ": " + e.getMessage());
        }
    }
}
