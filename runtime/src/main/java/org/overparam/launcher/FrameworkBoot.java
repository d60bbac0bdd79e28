package org.overparam.launcher;

import java.util.List;
import java.util.ServiceLoader;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * One running OSGi framework for one process: found through {@link ServiceLoader} (Felix on the
 * class path), configured by {@link FrameworkSettings}, with a private {@link StorageDir}, and
 * the bundles of {@code bundles/} installed and started by {@link BundleInstaller}. FileInstall,
 * one of those bundles, then installs {@code plugins/} on its own. {@link #close()} stops the
 * framework and deletes its storage; it is idempotent and safe from a shutdown hook.
 */
public final class FrameworkBoot implements AutoCloseable {
    /** How long {@link #close()} waits for the framework: its runs first stop at a step boundary (up to 30 s). */
    private static final long STOP_TIMEOUT_MS = 40_000;
    private final Framework framework;
    private final StorageDir storage;
    private final List<String> failures;
    private final long bootMillis;
    private boolean closed;

    private FrameworkBoot(Framework framework, StorageDir storage, List<String> failures, long bootMillis) {
        this.framework = framework;
        this.storage = storage;
        this.failures = failures;
        this.bootMillis = bootMillis;
    }

    /**
     * @param distribution the distribution to run
     * @param shell whether the interactive Gogo shell is started
     * @param verbose whether framework log levels are raised
     * @return the started framework, with every bundle of {@code bundles/} installed and started
     * @throws LaunchException if there is no framework implementation or it cannot start
     */
    public static FrameworkBoot start(Distribution distribution, boolean shell, boolean verbose)
            throws LaunchException {
        long begin = System.nanoTime();
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst().orElseThrow(
                () -> new LaunchException("no OSGi framework on the class path (is lib/org.apache.felix.framework-*.jar there?)", 1));
        StorageDir storage = StorageDir.create();
        Framework framework = null;
        try {
            framework = factory.newFramework(FrameworkSettings.of(distribution, storage, shell, verbose));
            framework.start();
            BundleInstaller installer = new BundleInstaller(framework.getBundleContext());
            List<Bundle> bundles = installer.install(Distribution.jars(distribution.bundles()));
            installer.start(framework, bundles, shell);
            long millis = (System.nanoTime() - begin) / 1_000_000;
            return new FrameworkBoot(framework, storage, installer.failures(), millis);
        } catch (BundleException | RuntimeException | LaunchException e) {
            if (framework != null) {
                stopQuietly(framework);
            }
            storage.delete();
            if (e instanceof LaunchException launch) {
                throw launch;
            }
            throw new LaunchException("the OSGi framework did not start: " + Log.oneLine(e.getMessage()), 1, e);
        }
    }

    /** @return the system bundle's context */
    public BundleContext context() {
        return framework.getBundleContext();
    }

    /** @return one line per bundle of {@code bundles/} that could not be installed or started */
    public List<String> failures() {
        return failures;
    }

    /** @return milliseconds from the start of {@link #start} until every bundle was started */
    public long bootMillis() {
        return bootMillis;
    }

    /**
     * Blocks until the framework has stopped (for example through Gogo's {@code exit} or
     * {@code stop 0}).
     *
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public void awaitStop() throws InterruptedException {
        FrameworkEvent event;
        do {
            event = framework.waitForStop(0);
        } while (event.getType() == FrameworkEvent.WAIT_TIMEDOUT);
    }

    /**
     * Stops the framework and deletes its storage; later calls do nothing. Active runs are asked to stop
     * at their next step boundary first (STOPPED, with a checkpoint, then resumable), which the engine
     * waits for up to 30 s; this waits up to 40 s in all.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopQuietly(framework);
        storage.delete();
    }

    private static void stopQuietly(Framework framework) {
        try {
            framework.stop();
            framework.waitForStop(STOP_TIMEOUT_MS);
        } catch (BundleException | RuntimeException e) {
            Log.detail("framework stop: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
