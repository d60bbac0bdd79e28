package org.overparam.launcher;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Waits for FileInstall's first scan of {@code plugins/}, so that a command sees the shipped
 * plugins: it returns once every jar there that opens as a bundle is an installed bundle and every one of them is
 * active (or a resolved fragment), or once nothing has changed for {@value #QUIET_MS} ms after
 * all were installed (a plugin that cannot resolve stays installed), and at the latest after
 * {@value #LIMIT_MS} ms. FileInstall names a bundle's location after its file, which is how jars
 * and bundles are matched.
 */
public final class PluginSettle {
    /** Give up waiting after this long. */
    public static final long LIMIT_MS = 10_000;
    /** With all plugins installed, this long without a state change counts as settled. */
    public static final long QUIET_MS = 1_000;
    private static final long POLL_MS = 20;

    private PluginSettle() {
    }

    /**
     * @param context the system bundle's context
     * @param plugins the jars of {@code plugins/} at boot
     * @return whether every plugin jar became an active bundle (or resolved fragment) in time
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public static boolean await(BundleContext context, List<Path> plugins) throws InterruptedException {
        List<Path> bundles = plugins.stream().filter(PluginSettle::bundleJar).toList();
        long start = System.currentTimeMillis();
        long lastChange = start;
        String lastStates = null;
        while (true) {
            Bundle[] found = bundles.stream().map(jar -> find(context, jar)).toArray(Bundle[]::new);
            boolean allInstalled = Arrays.stream(found).allMatch(Objects::nonNull);
            if (allInstalled && Arrays.stream(found).allMatch(PluginSettle::settled)) {
                return true;
            }
            long now = System.currentTimeMillis();
            String states = Arrays.toString(Arrays.stream(found).mapToInt(b -> b == null ? 0 : b.getState()).toArray());
            if (!states.equals(lastStates)) {
                lastStates = states;
                lastChange = now;
            }
            if (now - start >= LIMIT_MS || (allInstalled && now - lastChange >= QUIET_MS)) {
                return false;
            }
            Thread.sleep(POLL_MS);
        }
    }

    /**
     * @param jar a file of plugins/
     * @return whether it opens as a jar whose manifest names a bundle (the engine reports the others, which
     *     never become bundles, so they are not waited for)
     */
    static boolean bundleJar(Path jar) {
        try (java.util.jar.JarFile f = new java.util.jar.JarFile(jar.toFile())) {
            java.util.jar.Manifest mf = f.getManifest();
            return mf != null && mf.getMainAttributes().getValue("Bundle-SymbolicName") != null;
        } catch (java.io.IOException | SecurityException e) {
            return false;
        }
    }

    private static Bundle find(BundleContext context, Path jar) {
        String uri = jar.toUri().toString();
        String suffix = "/" + jar.getFileName();
        for (Bundle bundle : context.getBundles()) {
            String location = bundle.getLocation();
            if (location.equals(uri) || location.endsWith(suffix)) {
                return bundle;
            }
        }
        return null;
    }

    private static boolean settled(Bundle bundle) {
        return bundle.getState() == Bundle.ACTIVE
                || (bundle.getState() == Bundle.RESOLVED && BundleInstaller.isFragment(bundle));
    }
}
