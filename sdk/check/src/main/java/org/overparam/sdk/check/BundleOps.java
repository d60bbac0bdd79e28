package org.overparam.sdk.check;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * The framework operations the checks need: install a jar under a location of its own (so a folder
 * watcher never mistakes it for one of its files), update from the same bytes, refresh and wait.
 */
final class BundleOps {
    /** The prefix of the locations of bundles installed by the checks. */
    static final String LOCATION_PREFIX = "overparam-check:";
    private static final AtomicLong COUNTER = new AtomicLong();

    private BundleOps() {
    }

    /**
     * @param context a bundle context
     * @param jar the jar
     * @return the installed (not started) bundle
     * @throws BundleException if the framework refuses it
     * @throws IOException if the jar cannot be read
     */
    static Bundle install(BundleContext context, Path jar) throws BundleException, IOException {
        String location = LOCATION_PREFIX + jar.toAbsolutePath().toUri() + "#" + COUNTER.incrementAndGet();
        try (InputStream in = Files.newInputStream(jar)) {
            return context.installBundle(location, in);
        }
    }

    /**
     * @param bundle an installed bundle
     * @param jar the jar to update it from
     * @throws BundleException if the update fails
     * @throws IOException if the jar cannot be read
     */
    static void update(Bundle bundle, Path jar) throws BundleException, IOException {
        try (InputStream in = Files.newInputStream(jar)) {
            bundle.update(in);
        }
    }

    /**
     * Refreshes bundles (and what depends on them) and waits until the framework says it is done.
     *
     * @param context a bundle context
     * @param bundles the bundles
     * @param timeoutMillis how long to wait
     * @throws PluginException if the refresh reports an error or does not finish in time
     */
    static void refresh(BundleContext context, Collection<Bundle> bundles, long timeoutMillis) throws PluginException {
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<Throwable> error = new AtomicReference<>();
        FrameworkListener listener = event -> {
            if (event.getType() == FrameworkEvent.ERROR) {
                error.compareAndSet(null, event.getThrowable());
            } else if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                done.countDown();
            }
        };
        wiring.refreshBundles(bundles, listener);
        try {
            if (!done.await(timeoutMillis, TimeUnit.MILLISECONDS)) {
                throw new PluginException("the framework did not finish refreshing within " + timeoutMillis + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PluginException("interrupted while waiting for a refresh", e);
        }
        if (error.get() != null) {
            throw new PluginException("refresh failed: " + oneLine(error.get()), error.get());
        }
    }

    /**
     * @param t an error
     * @return its message on one line (without the repeated list of a resolver error's
     *     "Unresolved requirements"), or its class name
     */
    static String oneLine(Throwable t) {
        String m = t.getMessage();
        String line = (m == null || m.isBlank() ? t.getClass().getSimpleName() : m).strip().replaceAll("\\s*\\R\\s*", " ");
        int repeat = line.indexOf(" Unresolved requirements:");
        return repeat > 0 ? line.substring(0, repeat) : line;
    }
}
