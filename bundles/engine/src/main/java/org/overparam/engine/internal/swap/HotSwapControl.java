package org.overparam.engine.internal.swap;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The container side of hot swap, active as long as the engine bundle is:
 * <ul>
 * <li>when the framework begins to stop (the system bundle's STOPPING event, delivered synchronously
 * before any other bundle stops) or the engine stops, every active run is asked to stop at its next
 * step boundary (STOPPED, with a checkpoint) and waited for, up to {@value #DRAIN_MILLIS} ms, so that
 * no run is left waiting for components that are gone;</li>
 * <li>package refreshes follow the {@link RefreshPolicy} (none while runs are active), and when
 * FileInstall is present the {@link PluginDeployer} handles the jars of its folders.</li>
 * </ul>
 */
@Component(service = HotSwapControl.class, immediate = true)
public final class HotSwapControl {
    /** The most time the container waits for its runs to reach a step boundary when it stops. */
    static final long DRAIN_MILLIS = 30_000;
    private final BundleContext context;
    private final ActiveRuns runs;
    private final SynchronousBundleListener shutdown;
    private final RefreshPolicy refresh;
    private final Runnable drained;
    private final ServiceRegistration<?> deployer;

    /**
     * @param context the engine's bundle context
     * @param runs the engine's active runs
     * @param unreadable the jars of plugins/ that are not readable bundles
     */
    @Activate
    public HotSwapControl(BundleContext context, @Reference(name = "runs") ActiveRuns runs,
                          @Reference(name = "unreadable") UnreadableJars unreadable) {
        this.context = context;
        this.runs = runs;
        this.shutdown = e -> {
            if (e.getBundle().getBundleId() == 0 && e.getType() == BundleEvent.STOPPING) {
                runs.shutdown("the container is shutting down", DRAIN_MILLIS);
            }
        };
        context.addBundleListener(shutdown);
        this.refresh = new RefreshPolicy(context, runs);
        this.drained = refresh::drained;
        runs.onDrain(drained);
        this.deployer = fileInstallPresent() ? PluginDeployer.register(context, refresh, unreadable) : null;
    }

    /** Stops the active runs cleanly, then lets go of the listeners and the installer. */
    @Deactivate
    public void deactivate() {
        runs.shutdown("the engine is stopping", DRAIN_MILLIS);
        runs.removeDrainListener(drained);
        try {
            context.removeBundleListener(shutdown);
            if (deployer != null) {
                deployer.unregister();
            }
        } catch (IllegalStateException e) {
            // The engine's context is already invalid: the framework released both.
        }
    }

    /** @return whether the FileInstall API is wired to the engine (its import is optional) */
    private static boolean fileInstallPresent() {
        try {
            Class.forName("org.apache.felix.fileinstall.ArtifactInstaller", false, HotSwapControl.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
