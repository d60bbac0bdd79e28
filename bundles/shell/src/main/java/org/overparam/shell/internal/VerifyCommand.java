package org.overparam.shell.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.osgi.framework.BundleContext;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.ComponentRegistry;
import org.overparam.api.run.ExperimentRunner;
import org.overparam.api.run.SpecReader;
import org.overparam.sdk.check.Check;
import org.overparam.sdk.check.PluginChecks;
import org.overparam.sdk.check.PluginVerifier;

/**
 * The {@code verify JAR} command: checks a plugin jar against this container before it goes into
 * {@code plugins/} (see {@link PluginVerifier} for the checks: imports, exports, component metadata,
 * install, parameters, a tiny run per component, an update in the middle of a run, clean unloading).
 * Prints one line per check on standard output as it completes, then a verdict; exit code 0 when
 * no check failed, 2 otherwise. The jar is installed under a location of its own and uninstalled
 * again; the tiny runs go to a temporary folder that is deleted.
 */
final class VerifyCommand {
    static final String USAGE = "verify JAR";
    private final BundleContext context;
    private final ComponentRegistry registry;
    private final SpecReader reader;
    private final ExperimentRunner runner;

    /**
     * @param context the shell bundle's context (the jar is installed through it)
     * @param registry the components present now
     * @param reader reads experiment files
     * @param runner runs experiments
     */
    VerifyCommand(BundleContext context, ComponentRegistry registry, SpecReader reader, ExperimentRunner runner) {
        this.context = context;
        this.registry = registry;
        this.reader = reader;
        this.runner = runner;
    }

    /**
     * @param args the jar
     * @param t where to print
     * @return {@link CommandLine#OK} when every check passed or was skipped, else {@link CommandLine#BAD_INPUT}
     * @throws InvalidInputException if the arguments are not one existing jar (zip) file
     */
    int execute(List<String> args, Terminal t) {
        if (args.size() != 1 || args.get(0).startsWith("-")) {
            throw new InvalidInputException("verify", (args.isEmpty() ? "missing JAR" : "expected one JAR, got " + args)
                    + "; usage: overparam " + USAGE);
        }
        Path jar;
        try {
            jar = Path.of(args.get(0)).toAbsolutePath();
        } catch (InvalidPathException e) {
            throw new InvalidInputException(args.get(0), "not a valid path: " + e.getReason());
        }
        if (Files.isDirectory(jar)) {
            throw new InvalidInputException(args.get(0), "a folder, not a jar; usage: overparam " + USAGE);
        }
        if (!Files.isRegularFile(jar)) {
            throw new InvalidInputException(args.get(0), "no such file");
        }
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
            zip.size();
        } catch (IOException e) {
            throw new InvalidInputException(args.get(0), "not a jar (" + e.getMessage() + "); verify takes a plugin's "
                    + "jar, e.g. target/my-plugin-1.0.0.jar");
        }
        Path work;
        try {
            work = Files.createTempDirectory("overparam-verify-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for the tiny runs", e);
        }
        try {
            PluginVerifier verifier = new PluginVerifier(new PluginChecks(context, registry, reader, runner, work));
            List<Check> checks = verifier.verify(jar, c -> {
                t.out().println(c.line());
                t.out().flush();
            });
            long failed = checks.stream().filter(Check::failed).count();
            if (failed == 0) {
                t.out().println(jar.getFileName() + ": passed");
                return CommandLine.OK;
            }
            t.error(jar.getFileName() + ": " + failed + " of " + checks.size() + " checks failed");
            return CommandLine.BAD_INPUT;
        } finally {
            delete(work);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            return;
        }
    }
}
