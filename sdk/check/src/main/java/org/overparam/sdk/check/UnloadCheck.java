package org.overparam.sdk.check;

import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

/**
 * The clean-unloading check: after the plugin's bundle is uninstalled and the framework refreshed,
 * nothing may keep its classes, so the class loader of every revision it had (one per install or
 * update, remembered weakly by {@link InstalledPlugin}) must be garbage collected. Collection is
 * asked for with {@link System#gc()} up to {@value #ROUNDS} times, with growing pauses between
 * rounds; the check never holds a class of the plugin itself.
 */
final class UnloadCheck {
    /** The most garbage collections to ask for. */
    static final int ROUNDS = 10;

    private UnloadCheck() {
    }

    /**
     * The check {@code revisions}: after updates, the class loaders of the plugin's old revisions
     * are collected while the plugin stays installed (a refresh of the bundle first, when asked).
     *
     * @param context a bundle context of the framework
     * @param plugin the installed plugin, updated at least once
     * @param refresh whether to refresh the bundle before collecting
     * @return the check {@code revisions}
     */
    static Check oldRevisions(BundleContext context, InstalledPlugin plugin, boolean refresh) {
        if (refresh) {
            try {
                BundleOps.refresh(context, List.of(plugin.bundle()), PluginChecks.REFRESH_TIMEOUT_MS);
            } catch (PluginException e) {
                return Check.fail("revisions", e.getMessage());
            }
        }
        int old = plugin.rememberedLoaders() - 1;
        int rounds = collect(plugin::reachableOldLoaders);
        int reachable = plugin.reachableOldLoaders();
        if (reachable == 0) {
            return Check.pass("revisions", "the class loaders of its " + old + " old revision" + (old == 1 ? "" : "s")
                    + " collected after " + rounds + (rounds == 1 ? " garbage collection" : " garbage collections"));
        }
        return Check.fail("revisions", reachable + " of the class loaders of its " + old + " old revisions still "
                + "reachable after " + rounds + " garbage collections: something keeps an object or class of an old "
                + "revision (a run holding a component past its step, a cache keyed by plugin classes)");
    }

    /** Asks for garbage collection until nothing counted is reachable. @return the rounds used */
    private static int collect(java.util.function.IntSupplier reachable) {
        int rounds = 0;
        while (reachable.getAsInt() > 0 && rounds < ROUNDS) {
            rounds++;
            System.gc();
            try {
                Thread.sleep(10L * rounds);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return rounds;
    }

    /**
     * @param context a bundle context of the framework
     * @param plugin the plugin, still installed
     * @return the check {@code unload}
     */
    static Check run(BundleContext context, InstalledPlugin plugin) {
        plugin.rememberLoader();
        Bundle bundle = plugin.bundle();
        try {
            bundle.uninstall();
        } catch (BundleException | IllegalStateException e) {
            return Check.fail("unload", "uninstall failed: " + BundleOps.oneLine(e));
        }
        try {
            BundleOps.refresh(context, List.of(bundle), PluginChecks.REFRESH_TIMEOUT_MS);
        } catch (PluginException e) {
            return Check.fail("unload", e.getMessage());
        }
        int remembered = plugin.rememberedLoaders();
        int rounds = collect(plugin::reachableLoaders);
        int reachable = plugin.reachableLoaders();
        String loaders = remembered + (remembered == 1 ? " class loader" : " class loaders");
        if (reachable == 0) {
            return Check.pass("unload", "uninstalled and refreshed; its " + loaders + " collected after " + rounds
                    + (rounds == 1 ? " garbage collection" : " garbage collections"));
        }
        return Check.fail("unload", reachable + " of its " + loaders + " still reachable after uninstall, refresh and "
                + rounds + " garbage collections: something outside the plugin keeps one of its objects or classes (a "
                + "static cache, a thread it started, a ThreadLocal, a listener it registered and never removed)");
    }
}
