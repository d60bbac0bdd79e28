package org.overparam.sdk.check;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Verifies a plugin jar against a running container, one {@link Check} per line:
 *
 * <ol>
 *   <li>{@code jar}: a readable OSGi bundle;</li>
 *   <li>{@code imports}: only the plugin API, the framework and the JRE, in ranges the container
 *       satisfies and that stop before the next major version ({@link ImportCheck});</li>
 *   <li>{@code exports}: nothing;</li>
 *   <li>{@code components}: Declarative Services components of Overparam kinds, each with a name and
 *       a description ({@link ComponentCheck});</li>
 *   <li>{@code install}: it installs, resolves and starts, and its components register; an updated jar
 *       of an installed plugin is installed beside it from a copy of a higher version (the installed
 *       bundle stays), so its components are the ones checked;</li>
 *   <li>{@code metadata}: each component's parameters are documented, their defaults in range;</li>
 *   <li>{@code run}: a tiny experiment with each component ends normally ({@link TinyExperiment}), or
 *       is skipped when the component needs a parameter or rejects the tiny setup as bad input;</li>
 *   <li>{@code swap}: an update in the middle of a 200-step run changes no number ({@link SwapCheck});</li>
 *   <li>{@code unload}: after uninstall and refresh its class loaders are collected ({@link UnloadCheck}).</li>
 * </ol>
 *
 * The dynamic checks (5 to 9) run only when the static ones found components; the plugin is always
 * uninstalled again. Nothing is left in the container but what the tiny runs wrote to the work folder.
 */
public final class PluginVerifier {
    /** The step budget of the run the plugin is updated in. */
    static final long SWAP_STEPS = 200;
    private final PluginChecks checks;

    /** @param checks the framework to verify in */
    public PluginVerifier(PluginChecks checks) {
        this.checks = Objects.requireNonNull(checks, "checks");
    }

    /**
     * @param jar the plugin jar
     * @return the checks in order; the plugin passes when none {@link Check#failed() failed}
     */
    public List<Check> verify(Path jar) {
        return verify(jar, c -> { });
    }

    /**
     * @param jar the plugin jar
     * @param each receives each check as soon as it is done (to print progress)
     * @return the checks in order; the plugin passes when none {@link Check#failed() failed}
     */
    public List<Check> verify(Path jar, Consumer<Check> each) {
        List<Check> out = new ArrayList<>();
        Consumer<Check> add = c -> {
            out.add(c);
            each.accept(c);
        };
        PluginJar pj;
        try {
            pj = PluginJar.read(jar);
        } catch (IOException e) {
            add.accept(Check.fail("jar", e.getMessage()));
            return out;
        }
        add.accept(Check.pass("jar", pj.identity() + ", " + pj.descriptors().size() + " component descriptor"
                + (pj.descriptors().size() == 1 ? "" : "s")));
        add.accept(ImportCheck.check(pj.manifest(), ContainerPackages.of(checks.context())));
        add.accept(ImportCheck.exportCheck(pj.manifest()));
        List<PluginComponent> components = new ArrayList<>();
        add.accept(ComponentCheck.check(pj.descriptors(), components));
        if (components.isEmpty()) {
            return out;
        }
        InstalledPlugin plugin;
        try {
            plugin = checks.install(jar);
        } catch (PluginException e) {
            add.accept(Check.fail("install", e.getMessage()));
            return out;
        }
        try {
            add.accept(Check.pass("install", plugin.identity() + " resolved and started; "
                    + plugin.components().size() + " component" + (plugin.components().size() == 1 ? "" : "s")
                    + " registered" + (plugin.beside().isEmpty() ? "" : "; " + plugin.beside())));
            add.accept(checks.metadata(plugin));
            TinyExperiment swapIn = null;
            for (PluginComponent c : plugin.components()) {
                Check run = checks.tinyRun(plugin, c);
                add.accept(run);
                if (swapIn == null && run.outcome() == Check.Outcome.PASS) {
                    swapIn = checks.experimentFor(plugin, c).steps(SWAP_STEPS);
                }
            }
            add.accept(swapIn == null ? Check.skip("swap", "no tiny run passed, so there is no run to update the plugin in")
                    : checks.swap(plugin, swapIn));
        } finally {
            add.accept(checks.unload(plugin));
        }
        return out;
    }

    /**
     * @param checks a list of checks
     * @return whether none failed
     */
    public static boolean passed(List<Check> checks) {
        return checks.stream().noneMatch(Check::failed);
    }
}
