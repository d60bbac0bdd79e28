package org.overparam.itest;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.workingDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.ops4j.pax.exam.Option;

/**
 * Pax Exam options that provision the assembled distribution ({@code target/overparam}) the way
 * the launcher does: every jar of {@code bundles/} and {@code plugins/}, each a bundle of its own,
 * so the tests see components wired at run time across bundle boundaries. The interactive shell,
 * the dashboard with its web server, and the folder watcher are left out: the tests drive the services directly.
 */
final class DistributionOptions {
    private static final Set<String> LEFT_OUT = Set.of("org.apache.felix.gogo.jline", "jline", "org.apache.felix.fileinstall",
            // the dashboard and its web server: tested through the launcher (DashboardIT), not here
            "overparam-dashboard", "org.apache.felix.http.jetty", "org.apache.felix.http.servlet-api",
            "commons-fileupload", "commons-io", "org.apache.aries.spifly.dynamic.bundle", "slf4j-api", "slf4j-nop", "asm", "asm-commons", "asm-tree", "asm-analysis",
            "asm-util");

    /** Pax Logging's fallback logger prints DEBUG lines to stdout unless told otherwise. */
    static final String QUIET_LOGGING = "org.ops4j.pax.logging.DefaultServiceLog.level";

    private DistributionOptions() {
    }

    /**
     * The distribution with FileInstall watching a folder of the test's own, started last (after the
     * engine has registered its installer of plugin jars), polling every 200 ms.
     *
     * @param plugins the folder to watch
     * @return the options for a test configuration
     */
    static Option[] withFileInstall(Path plugins) {
        Path home = Path.of(System.getProperty("overparam.home", "target/overparam"));
        List<Option> options = new ArrayList<>(List.of(all()));
        options.add(frameworkProperty("felix.fileinstall.dir").value(plugins.toString()));
        options.add(frameworkProperty("felix.fileinstall.poll").value("200"));
        options.add(frameworkProperty("felix.fileinstall.noInitialDelay").value("true"));
        options.add(frameworkProperty("felix.fileinstall.bundles.new.start").value("true"));
        options.add(frameworkProperty("felix.fileinstall.log.level").value("0"));
        try (Stream<Path> s = Files.list(home.resolve("bundles"))) {
            s.filter(p -> p.getFileName().toString().startsWith("org.apache.felix.fileinstall-"))
                    .forEach(p -> options.add(bundle(p.toUri().toString())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + home.resolve("bundles"), e);
        }
        return options.toArray(new Option[0]);
    }

    /** @return the options for a test configuration */
    static Option[] all() {
        Path home = Path.of(System.getProperty("overparam.home", "target/overparam"));
        List<Option> options = new ArrayList<>();
        options.add(junitBundles());
        options.add(cleanCaches());
        options.add(workingDirectory("target/pax-exam"));
        options.add(frameworkProperty("felix.log.level").value("1"));
        options.add(systemProperty(QUIET_LOGGING).value("NONE"));
        options.add(systemProperty("org.ops4j.pax.url.mvn.localRepository")
                .value(System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository")));
        options.add(systemProperty("overparam.examples").value(System.getProperty("overparam.examples", "../examples")));
        options.add(systemProperty("overparam.corpus").value(System.getProperty("overparam.corpus",
                "../bundles/shell/src/test/resources/bad-input")));
        for (Path jar : jars(home.resolve("bundles"))) {
            options.add(bundle(jar.toUri().toString()));
        }
        for (Path jar : jars(home.resolve("plugins"))) {
            options.add(bundle(jar.toUri().toString()));
        }
        return options.toArray(new Option[0]);
    }

    private static List<Path> jars(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.toString().endsWith(".jar"))
                    .filter(p -> LEFT_OUT.stream().noneMatch(n -> p.getFileName().toString().startsWith(n + "-")
                            || p.getFileName().toString().equals(n + ".jar")))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + " (run mvn package first)", e);
        }
    }
}
