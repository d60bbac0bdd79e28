package org.overparam.store.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import org.overparam.api.InvalidInputException;
import org.overparam.api.store.RunStore;

/**
 * Where the store of a runs folder is: the H2 database {@code <folder>/overparam-store} (the file
 * {@code overparam-store.mv.db}), where a sweep folder (one holding {@code sweep.yaml}) stands for the
 * folder it sits in; or, when one is configured, a JDBC URL for every folder.
 *
 * <p>The embedded URL opens the file with {@code AUTO_SERVER=TRUE}: the first process to open it
 * serves it to the others over a loopback socket ({@link #serveOnLoopbackUnlessSet}), so a {@code runs} command reads while a run writes
 * (and takes over when that process ends); and with {@code WRITE_DELAY=0}, so that a commit is in the
 * file before it returns and survives a kill of the process.
 *
 * @param url the JDBC URL
 * @param file the database file, or {@code null} for a configured URL
 * @param label how messages name the store: the file, or the URL
 */
record StoreLocation(String url, Path file, String label) {
    /** The file H2 keeps the database in, beside the name. */
    static final String FILE_NAME = RunStore.DATABASE_NAME + ".mv.db";

    /**
     * @param runs a runs folder (or a sweep folder)
     * @param configuredUrl a JDBC URL to use instead, or {@code null}/blank
     * @return the store's location
     * @throws InvalidInputException if the folder's path cannot be written into an H2 URL
     */
    static StoreLocation of(Path runs, String configuredUrl) {
        if (configuredUrl != null && !configuredUrl.isBlank()) {
            return new StoreLocation(configuredUrl.strip(), null, configuredUrl.strip().replaceAll(";.*", ""));
        }
        Path dir = runs.toAbsolutePath().normalize();
        if (Files.isRegularFile(dir.resolve("sweep.yaml")) && dir.getParent() != null) {
            dir = dir.getParent();
        }
        String base = dir.resolve(RunStore.DATABASE_NAME).toString();
        if (base.indexOf(';') >= 0) {
            throw new InvalidInputException(runs.toString(), "the run store cannot live in a path holding ';'");
        }
        return new StoreLocation("jdbc:h2:file:" + base + ";AUTO_SERVER=TRUE;WRITE_DELAY=0", dir.resolve(FILE_NAME),
                dir.resolve(FILE_NAME).toString());
    }

    /** The JVM-wide system property H2 reads, once, for the interface its servers listen on. */
    static final String BIND_PROPERTY = "h2.bindAddress";

    /**
     * Makes the AUTO_SERVER socket of this JVM listen on the loopback interface only, unless the user
     * set {@value #BIND_PROPERTY} (e.g. to share a runs folder between machines). H2 has no URL setting
     * for it and reads the property when its first server starts, so this is called before a
     * database is opened. The address H2 writes into the lock file follows it, so other processes on
     * this machine connect through loopback.
     */
    static void serveOnLoopbackUnlessSet() {
        if (System.getProperty(BIND_PROPERTY) == null) {
            System.setProperty(BIND_PROPERTY, "127.0.0.1");
        }
    }

    /**
     * @return the file that gives processes turns at taking the database over ({@link HandoverLock}),
     *     beside it; {@code null} for a configured URL
     */
    Path handoverLock() {
        return file == null ? null : file.resolveSibling(RunStore.DATABASE_NAME + ".handover.lock");
    }

    /** @return whether the database exists (always for a configured URL) */
    boolean exists() {
        return file == null || Files.isRegularFile(file);
    }
}
