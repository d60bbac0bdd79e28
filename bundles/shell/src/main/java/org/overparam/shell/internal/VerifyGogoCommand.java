package org.overparam.shell.internal;

import java.util.Arrays;
import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.ComponentRegistry;
import org.overparam.api.run.ExperimentRunner;
import org.overparam.api.run.SpecReader;

/**
 * The Gogo command {@code op:verify JAR}: the command line's {@code verify} ({@link VerifyCommand}) in
 * the running shell, printing to the session. Verify a plugin before dropping it into
 * {@code plugins/}: an updated jar of an installed plugin is checked beside it, from a copy of a
 * higher version, and the installed bundle stays (runs going on in this shell see the checked jar's
 * components while the check lasts).
 */
@Component(service = VerifyGogoCommand.class, property = {
    "osgi.command.scope=op",
    "osgi.command.function=verify"})
public final class VerifyGogoCommand {
    private final VerifyCommand verify;

    /**
     * @param context this bundle's context
     * @param registry the components present now
     * @param reader reads experiment files
     * @param runner runs experiments
     */
    @Activate
    public VerifyGogoCommand(BundleContext context, @Reference(name = "registry") ComponentRegistry registry,
                             @Reference(name = "reader") SpecReader reader,
                             @Reference(name = "runner") ExperimentRunner runner) {
        this.verify = new VerifyCommand(context, registry, reader, runner);
    }

    /**
     * {@code op:verify JAR}: checks a plugin jar against this container.
     *
     * @param args the jar
     */
    @Descriptor(GogoHelp.VERIFY)
    public void verify(@Descriptor("the plugin jar") String... args) {
        Terminal t = Terminal.system();
        try {
            verify.execute(Arrays.asList(args), t);
        } catch (InvalidInputException e) {
            t.error(e.oneLine());
        } catch (RuntimeException e) {
            t.error("internal error: " + e);
        }
    }
}
