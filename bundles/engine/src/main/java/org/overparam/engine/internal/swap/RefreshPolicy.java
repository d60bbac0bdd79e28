package org.overparam.engine.internal.swap;

import java.util.Collection;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * When the framework refreshes packages after plugins are installed, updated or removed: never while
 * a run is active (a refresh stops and restarts every bundle wired to the refreshed ones, which a run
 * would see as components vanishing all at once: a refresh storm), and as soon as the last active run
 * ends. Until then the old revisions stay (see {@code stale}): bundles wired to an updated library
 * keep its old code, and each run keeps using the code it started its step with.
 */
public final class RefreshPolicy {
    private final FrameworkWiring wiring;
    private final ActiveRuns runs;
    private boolean pending;

    /**
     * @param context the engine's bundle context
     * @param runs the engine's active runs
     */
    RefreshPolicy(BundleContext context, ActiveRuns runs) {
        this.wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        this.runs = runs;
    }

    /** A plugin bundle was installed, updated or uninstalled: refresh now unless runs are active. */
    void changed() {
        synchronized (this) {
            pending = true;
        }
        if (runs.isEmpty()) {
            refresh();
        }
    }

    /** The last active run ended: apply the refreshes deferred meanwhile. */
    void drained() {
        refresh();
    }

    /** @return whether a refresh waits for the active runs to end */
    synchronized boolean pending() {
        return pending;
    }

    private void refresh() {
        Collection<Bundle> stale = wiring.getRemovalPendingBundles();
        synchronized (this) {
            pending = false;
        }
        if (!stale.isEmpty()) {
            wiring.refreshBundles(stale);
        }
    }
}
