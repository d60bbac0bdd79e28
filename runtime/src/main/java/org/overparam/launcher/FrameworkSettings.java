package org.overparam.launcher;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The framework properties of one launch: {@code conf/framework.properties}, then the values the
 * launcher computes (bundle cache, watched folder, Gogo's arguments), then, with
 * {@code --verbose}, louder log levels. The computed keys always win over the file.
 */
public final class FrameworkSettings {
    /** OSGi: where the framework keeps its bundle cache. */
    public static final String STORAGE = "org.osgi.framework.storage";
    /** OSGi: when the bundle cache is emptied. */
    public static final String STORAGE_CLEAN = "org.osgi.framework.storage.clean";
    /**
     * Overparam: the symbolic names (comma-separated) of the bundles that are installed and resolved at
     * every start but started only when the dashboard serves, by its {@code serve}, in the order given.
     */
    public static final String ON_SERVE = "overparam.bundles.onServe";
    /** FileInstall: the watched folder. */
    public static final String FILEINSTALL_DIR = "felix.fileinstall.dir";
    /** Gogo: the arguments of the shell started by {@code org.apache.felix.gogo.jline}. */
    public static final String GOSH_ARGS = "gosh.args";
    /** Gogo: the folder whose {@code etc/gosh_profile} the shell reads (completion, {@code exit}). */
    public static final String GOSH_HOME = "gosh.home";

    private FrameworkSettings() {
    }

    /**
     * @param distribution where {@code conf/} and {@code plugins/} are
     * @param storage the bundle cache of this process
     * @param shell whether the interactive shell runs
     * @param verbose whether log levels are raised
     * @return the properties to hand to the framework factory
     * @throws LaunchException (exit code 2) if the properties file cannot be read
     */
    public static Map<String, String> of(Distribution distribution, StorageDir storage,
                                         boolean shell, boolean verbose) throws LaunchException {
        Map<String, String> settings = new TreeMap<>(read(distribution));
        settings.putIfAbsent(STORAGE_CLEAN, "onFirstInit");
        settings.put(STORAGE, storage.path().toString());
        settings.put(FILEINSTALL_DIR, distribution.plugins().toString());
        if (shell) {
            settings.remove(GOSH_ARGS);
            settings.put(GOSH_HOME, distribution.home().toString());
        } else {
            settings.put(GOSH_ARGS, "--nointeractive");
        }
        if (verbose) {
            settings.put("felix.log.level", "3");
            settings.put("felix.fileinstall.log.level", "3");
            settings.put("ds.loglevel", "info");
        }
        return settings;
    }

    private static Map<String, String> read(Distribution distribution) throws LaunchException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(distribution.frameworkProperties(), StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new LaunchException("cannot read " + distribution.frameworkProperties() + ": "
                    + e.getMessage(), 2, e);
        }
        Map<String, String> values = new TreeMap<>();
        properties.stringPropertyNames().forEach(key -> values.put(key, properties.getProperty(key).strip()));
        return values;
    }
}
