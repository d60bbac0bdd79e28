package org.overparam.shell.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.ComponentRegistry;
import org.overparam.api.run.ExperimentRunner;
import org.overparam.api.run.SpecReader;

/**
 * The {@code verify} command for other front ends (the dashboard checks an uploaded jar before it
 * installs it): a {@code BiFunction<Path, PrintStream, Integer>} with {@value #PROPERTY}{@code =true},
 * only JDK types across bundles. It prints the same lines as {@code overparam verify JAR} (checks,
 * verdict, errors) to the given stream and returns the same exit code: 0 passed, 2 failed or not a jar.
 */
@Component(service = BiFunction.class, property = VerifyService.PROPERTY + "=true")
public final class VerifyService implements BiFunction<Path, PrintStream, Integer> {
    /** The service property other bundles filter on. */
    public static final String PROPERTY = "overparam.verify";
    private final VerifyCommand verify;

    /**
     * @param context this bundle's context, through which the jar is installed and uninstalled
     * @param registry the components present now
     * @param reader reads experiment files
     * @param runner runs the tiny runs
     */
    @Activate
    public VerifyService(BundleContext context, @Reference(name = "registry") ComponentRegistry registry,
                         @Reference(name = "reader") SpecReader reader,
                         @Reference(name = "runner") ExperimentRunner runner) {
        this.verify = new VerifyCommand(context, registry, reader, runner);
    }

    @Override
    public Integer apply(Path jar, PrintStream out) {
        Terminal t = new Terminal(out, out, false);
        try {
            return verify.execute(List.of(jar.toString()), t);
        } catch (InvalidInputException e) {
            t.error(e.oneLine());
            return CommandLine.BAD_INPUT;
        }
    }
}
