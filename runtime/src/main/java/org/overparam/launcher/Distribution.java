package org.overparam.launcher;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The folders of an Overparam distribution: {@code lib/} (this launcher and the framework),
 * {@code bundles/} (installed and started at boot), {@code plugins/} (watched by FileInstall) and
 * {@code conf/framework.properties}. The home is the system property {@value #HOME_PROPERTY} if
 * set, otherwise the folder above the launcher jar's {@code lib/}.
 *
 * @param home the distribution's root, absolute
 */
public record Distribution(Path home) {
    /** System property that overrides where the distribution is. */
    public static final String HOME_PROPERTY = "overparam.home";

    /** Normalizes the home to an absolute path. */
    public Distribution {
        home = home.toAbsolutePath().normalize();
    }

    /**
     * @return the distribution this launcher belongs to, checked
     * @throws LaunchException (exit code 2) if it cannot be found or is incomplete
     */
    public static Distribution locate() throws LaunchException {
        String configured = System.getProperty(HOME_PROPERTY);
        Distribution found = configured != null && !configured.isBlank()
                ? new Distribution(Path.of(configured))
                : new Distribution(fromLauncherJar());
        return found.checked();
    }

    private static Path fromLauncherJar() throws LaunchException {
        CodeSource source = Distribution.class.getProtectionDomain().getCodeSource();
        try {
            Path jar = source == null ? null : Path.of(source.getLocation().toURI());
            Path lib = jar == null ? null : jar.getParent();
            if (jar == null || !Files.isRegularFile(jar) || lib == null || lib.getParent() == null) {
                throw new LaunchException("cannot tell where the distribution is: run the launcher"
                        + " jar from <home>/lib or set -D" + HOME_PROPERTY + "=<home>", 2);
            }
            return lib.getParent();
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new LaunchException("cannot read the launcher's location (" + e.getMessage()
                    + "); set -D" + HOME_PROPERTY + "=<home>", 2, e);
        }
    }

    /**
     * @return this distribution, with {@code plugins/} created if it was missing
     * @throws LaunchException (exit code 2) if {@code bundles/} or the framework properties are missing
     */
    public Distribution checked() throws LaunchException {
        if (!Files.isDirectory(bundles())) {
            throw new LaunchException("no Overparam distribution at " + home + " (bundles/ is missing);"
                    + " build it with 'mvn install' or set -D" + HOME_PROPERTY, 2);
        }
        if (!Files.isRegularFile(frameworkProperties())) {
            throw new LaunchException("incomplete distribution at " + home + ": "
                    + home.relativize(frameworkProperties()) + " is missing", 2);
        }
        try {
            Files.createDirectories(plugins());
        } catch (IOException e) {
            throw new LaunchException("cannot create " + plugins() + ": " + e.getMessage(), 2, e);
        }
        return this;
    }

    /** @return the folder of bundles installed and started at boot */
    public Path bundles() {
        return home.resolve("bundles");
    }

    /** @return the folder FileInstall watches */
    public Path plugins() {
        return home.resolve("plugins");
    }

    /** @return {@code conf/framework.properties} */
    public Path frameworkProperties() {
        return home.resolve("conf").resolve("framework.properties");
    }

    /**
     * @param folder {@link #bundles()} or {@link #plugins()}
     * @return the jars directly in that folder, sorted by name (empty if the folder is missing)
     * @throws LaunchException (exit code 2) if the folder cannot be listed
     */
    public static List<Path> jars(Path folder) throws LaunchException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new LaunchException("cannot list " + folder + ": " + e.getMessage(), 2, e);
        }
    }
}
