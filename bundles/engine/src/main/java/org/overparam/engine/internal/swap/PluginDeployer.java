package org.overparam.engine.internal.swap;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Hashtable;
import org.apache.felix.fileinstall.ArtifactInstaller;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;

/**
 * Installs, updates and uninstalls the bundle jars of FileInstall's watched folders ({@code plugins/})
 * in place of FileInstall's own bundle handling, so that no refresh follows an update while runs are
 * active ({@link RefreshPolicy}): FileInstall 3.7.4 refreshes every bundle it installs, updates or
 * removes, and has no setting to stop it, but leaves artifacts handled by an {@link ArtifactInstaller}
 * service alone. A jar is installed under its file URI (as FileInstall names it) and started; a
 * replaced jar updates that bundle (same id; Declarative Services re-registers its components with the
 * new code); a deleted jar uninstalls it. A bundle that does not start (a missing import) stays
 * installed, as with FileInstall, and is started again after each later change of the folder. A jar
 * that is not a readable bundle (random bytes, a truncated copy, no Bundle-SymbolicName) is not
 * installed and is reported in one line ({@link UnreadableJars}); when it replaced an installed
 * bundle, that bundle is uninstalled.
 *
 * <p>Loaded only when the FileInstall package is wired to the engine (its import is optional).
 */
public final class PluginDeployer implements ArtifactInstaller {
    /** The service ranking: ahead of any other installer of jars. */
    static final int RANKING = 100;
    private final BundleContext context;
    private final RefreshPolicy refresh;
    private final UnreadableJars unreadable;
    private final java.util.Set<Long> unstarted = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private PluginDeployer(BundleContext context, RefreshPolicy refresh, UnreadableJars unreadable) {
        this.context = context;
        this.refresh = refresh;
        this.unreadable = unreadable;
    }

    /**
     * @param context the engine's bundle context
     * @param refresh when to refresh
     * @return the registration of the installer service
     */
    static ServiceRegistration<?> register(BundleContext context, RefreshPolicy refresh, UnreadableJars unreadable) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(Constants.SERVICE_RANKING, RANKING);
        props.put(Constants.SERVICE_DESCRIPTION, "Overparam plugins: install, update, uninstall; refresh when no run is active");
        return context.registerService(ArtifactInstaller.class.getName(), new PluginDeployer(context, refresh, unreadable), props);
    }

    /** Every jar: one that is not a readable bundle is reported here rather than passed over in silence. */
    @Override
    public boolean canHandle(File artifact) {
        return artifact.getName().endsWith(".jar") && artifact.isFile();
    }

    @Override
    public void install(File artifact) throws BundleException, IOException {
        Bundle existing = context.getBundle(location(artifact));
        if (existing != null) {
            update(artifact);
            return;
        }
        if (unreadable(artifact, null)) {
            return;
        }
        Bundle b;
        try (InputStream in = Files.newInputStream(artifact.toPath())) {
            b = context.installBundle(location(artifact), in);
        } catch (BundleException e) {
            unreadable.refused(artifact, e);
            return;
        }
        refresh.changed();
        start(b);
        retry();
    }

    @Override
    public void update(File artifact) throws BundleException, IOException {
        Bundle b = context.getBundle(location(artifact));
        if (b == null) {
            install(artifact);
            return;
        }
        if (unreadable(artifact, b)) {
            return;
        }
        try (InputStream in = Files.newInputStream(artifact.toPath())) {
            b.update(in);
        } catch (BundleException e) {
            unreadable.refused(artifact, e);
            return;
        }
        refresh.changed();
        if (b.getState() != Bundle.ACTIVE) {
            start(b);
        }
        retry();
    }

    /**
     * A jar that is not a readable bundle is not installed; the bundle installed from its file before,
     * if any, is uninstalled (the folder no longer holds a readable copy of it), and the jar is logged
     * and remembered ({@link UnreadableJars}).
     *
     * @return whether the jar is unreadable
     */
    private boolean unreadable(File artifact, Bundle before) throws BundleException {
        String problem = UnreadableJars.problem(artifact);
        if (problem == null) {
            unreadable.clear(artifact);
            return false;
        }
        String replaced = before == null ? "" : before.getSymbolicName() + " " + before.getVersion();
        unreadable.mark(artifact, problem, replaced);
        if (before != null) {
            unstarted.remove(before.getBundleId());
            before.uninstall();
            refresh.changed();
        }
        return true;
    }

    @Override
    public void uninstall(File artifact) throws BundleException {
        unreadable.clear(artifact);
        Bundle b = context.getBundle(location(artifact));
        if (b != null) {
            unstarted.remove(b.getBundleId());
            b.uninstall();
            refresh.changed();
        }
        retry();
    }

    /** Starts a bundle; one that cannot start yet is remembered and tried again after later changes. */
    private void start(Bundle b) {
        try {
            b.start();
            unstarted.remove(b.getBundleId());
        } catch (BundleException | IllegalStateException e) {
            unstarted.add(b.getBundleId());
        }
    }

    private void retry() {
        for (Long id : java.util.List.copyOf(unstarted)) {
            Bundle b = context.getBundle(id);
            if (b == null || b.getState() == Bundle.UNINSTALLED) {
                unstarted.remove(id);
            } else if (b.getState() != Bundle.ACTIVE) {
                try {
                    b.start();
                    unstarted.remove(id);
                } catch (BundleException | IllegalStateException e) {
                    continue;
                }
            }
        }
    }

    private static String location(File artifact) {
        return artifact.toURI().normalize().toString();
    }
}
