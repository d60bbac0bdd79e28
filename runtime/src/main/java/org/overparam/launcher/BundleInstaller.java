package org.overparam.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Installs the jars of {@code bundles/} and starts them: everything is installed first and
 * resolved together, then every bundle that is not a fragment is started in file-name order.
 * The bundles in {@link #SHELL_ONLY} (Gogo's JLine console, which takes over the terminal) are
 * installed but started only in shell mode, after all the others. The bundles named in the framework
 * property {@value FrameworkSettings#ON_SERVE} (the web server and SPI Fly) are installed and resolved
 * but left for the dashboard to start when it serves. FileInstall ({@link #START_LAST}) starts
 * after every other bundle, so that the engine's installer of plugin jars is registered before its first
 * scan of {@code plugins/} (see {@code docs/hot-swap.md}). Failures do not stop the boot:
 * each is recorded as one line.
 */
public final class BundleInstaller {
    /** Symbolic names of bundles started only by {@code overparam shell}. */
    public static final Set<String> SHELL_ONLY = Set.of("org.apache.felix.gogo.jline");
    /** The symbolic name of JLine, whose class loader holds its terminal providers. */
    public static final String JLINE = "org.jline";
    /** Symbolic names of bundles started after all the others. */
    public static final Set<String> START_LAST = Set.of("org.apache.felix.fileinstall");

    /** The location prefix that makes the framework use a jar in place (a Felix extension). */
    static final String REFERENCE = "reference:";
    private final BundleContext context;
    private final List<String> failures = new ArrayList<>();

    /** @param context the system bundle's context */
    public BundleInstaller(BundleContext context) {
        this.context = context;
    }

    /**
     * @param jars the jars to install, in order
     * @return the installed bundles, in the same order; jars that are not bundles are left out
     */
    public List<Bundle> install(List<Path> jars) {
        List<Bundle> installed = new ArrayList<>();
        for (Path jar : jars) {
            String name = jar.getFileName().toString();
            try {
                Bundle bundle = context.installBundle(location(jar));
                if (bundle.getSymbolicName() == null) {
                    bundle.uninstall();
                    failures.add(name + " is not an OSGi bundle (no Bundle-SymbolicName); skipped");
                } else {
                    installed.add(bundle);
                }
            } catch (BundleException | RuntimeException e) {
                failures.add("cannot install " + name + ": " + Log.oneLine(e.getMessage()));
            }
        }
        return installed;
    }

    /**
     * The location a jar of {@code bundles/} is installed from: {@code reference:file:...}, so that the
     * framework reads the jar where it is instead of copying it into its per-process cache first (45
     * jars, hazelcast's alone 16 MB, at every start). Felix opens each installed jar once and keeps it
     * open, and a rebuild of the distribution deletes {@code bundles/} and writes new files (it never
     * rewrites a jar in place), so a process that is running keeps reading the jars it started with.
     *
     * @param jar a jar of {@code bundles/}
     * @return its location
     */
    public static String location(Path jar) {
        return REFERENCE + jar.toUri();
    }

    /**
     * @param framework the started framework
     * @param bundles the bundles to start
     * @param shell whether the {@link #SHELL_ONLY} bundles are started too (last)
     */
    public void start(Framework framework, List<Bundle> bundles, boolean shell) {
        framework.adapt(FrameworkWiring.class).resolveBundles(bundles);
        Set<String> onServe = onServe(framework.getBundleContext());
        List<Bundle> last = new ArrayList<>();
        List<Bundle> watcher = new ArrayList<>();
        for (Bundle bundle : bundles) {
            if (isFragment(bundle) || onServe.contains(bundle.getSymbolicName())) {
                continue;
            }
            if (START_LAST.contains(bundle.getSymbolicName())) {
                watcher.add(bundle);
                continue;
            }
            if (SHELL_ONLY.contains(bundle.getSymbolicName())) {
                if (shell) {
                    last.add(bundle);
                }
                continue;
            }
            start(bundle);
        }
        watcher.forEach(this::start);
        withContextLoaderOf(bundles, JLINE, () -> last.forEach(this::start));
    }

    /**
     * Runs an action with the thread's context class loader set to a bundle's class loader (when
     * that bundle is among {@code bundles} and resolved), then restores it. Gogo's console builds its
     * JLine terminal while it starts, on this thread, and the shell's thread inherits the loader:
     * JLine finds its terminal providers (exec, jni, ffm...) as resources of the context class
     * loader, and the launcher's own loader has none, so without this the terminal falls back to
     * a dumb one (no line editing, history or completion; Up prints {@code ^[[A}).
     *
     * @param bundles the installed bundles
     * @param symbolicName the bundle whose class loader to use
     * @param action what to run
     */
    static void withContextLoaderOf(List<Bundle> bundles, String symbolicName, Runnable action) {
        ClassLoader loader = null;
        for (Bundle b : bundles) {
            if (symbolicName.equals(b.getSymbolicName())) {
                org.osgi.framework.wiring.BundleWiring wiring = b.adapt(org.osgi.framework.wiring.BundleWiring.class);
                loader = wiring == null ? null : wiring.getClassLoader();
            }
        }
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        if (loader != null) {
            thread.setContextClassLoader(loader);
        }
        try {
            action.run();
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    /**
     * @param context the system bundle's context
     * @return the symbolic names of {@value FrameworkSettings#ON_SERVE} (comma-separated), empty if it is not set
     */
    public static Set<String> onServe(BundleContext context) {
        String names = context.getProperty(FrameworkSettings.ON_SERVE);
        if (names == null) {
            return Set.of();
        }
        return Arrays.stream(names.split(",")).map(String::strip).filter(n -> !n.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    private void start(Bundle bundle) {
        try {
            bundle.start();
        } catch (BundleException | RuntimeException e) {
            failures.add("cannot start " + bundle.getSymbolicName() + ": " + Log.oneLine(e.getMessage()));
        }
    }

    /**
     * @param bundle any bundle
     * @return whether it is a fragment (resolved, never started)
     */
    public static boolean isFragment(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        return revision != null && (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
    }

    /** @return one line per bundle that could not be installed or started */
    public List<String> failures() {
        return List.copyOf(failures);
    }
}
