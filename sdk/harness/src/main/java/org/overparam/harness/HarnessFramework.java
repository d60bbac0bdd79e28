package org.overparam.harness;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Starts Felix in the test's JVM. The API packages come from the class path: the system bundle
 * exports them (with the versions of the API jar's own {@code Export-Package}), so the test and the
 * bundles share the API's classes and a test calls the runner's service directly. Everything else
 * is installed as bundles from the class path, resolved together and started; the bundle cache
 * lives in the harness's work folder.
 */
final class HarnessFramework {
    private static final long SERVICE_TIMEOUT_MS = 20_000;
    private static final long STOP_TIMEOUT_MS = 10_000;

    private HarnessFramework() {
    }

    /**
     * @param bundles the class path's bundles
     * @param names the symbolic names of the bundles to install, in order
     * @param jars further bundle jars to install after them
     * @param storage the bundle cache folder
     * @return the started framework
     * @throws IllegalStateException if a bundle is missing from the class path, or cannot be installed or started
     */
    static Framework start(ClassPathBundles bundles, List<String> names, List<Path> jars, Path storage) {
        ClassPathBundles.Entry api = bundles.get("org.overparam.api");
        if (api == null) {
            throw new IllegalStateException("org.overparam.api is not on the class path: add overparam-api as a dependency");
        }
        Map<String, String> props = new HashMap<>();
        props.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        props.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        props.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, api.manifest().getMainAttributes().getValue("Export-Package"));
        props.put("felix.log.level", "1");
        props.put("ds.loglevel", "error");
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class, HarnessFramework.class.getClassLoader())
                .findFirst().orElseThrow(() -> new IllegalStateException("no OSGi framework on the class path"));
        Framework framework = factory.newFramework(props);
        try {
            framework.start();
            BundleContext context = framework.getBundleContext();
            List<Bundle> installed = new ArrayList<>();
            for (String name : names) {
                ClassPathBundles.Entry e = bundles.get(name);
                if (e == null) {
                    throw new IllegalStateException("bundle " + name + " is not on the class path (the harness's "
                            + "dependencies provide it: depend on org.overparam:overparam-test-harness)");
                }
                installed.add(context.installBundle(e.location()));
            }
            for (Path jar : jars) {
                installed.add(context.installBundle(jar.toUri().toString()));
            }
            framework.adapt(FrameworkWiring.class).resolveBundles(installed);
            for (Bundle b : installed) {
                BundleRevision r = b.adapt(BundleRevision.class);
                if ((r.getTypes() & BundleRevision.TYPE_FRAGMENT) == 0) {
                    b.start();
                }
            }
            return framework;
        } catch (BundleException | RuntimeException e) {
            stop(framework);
            throw new IllegalStateException("the harness's framework did not start: " + e.getMessage(), e);
        }
    }

    /**
     * Opens a tracker for a service of the API and waits for the service.
     *
     * @param context the system bundle's context
     * @param type a service interface of the API
     * @param <T> its type
     * @return the open tracker (keep it open while the service is used: a closed tracker lets go of
     *     the service, and Declarative Services then deactivates a delayed component)
     * @throws IllegalStateException if the service does not appear within 20 s
     */
    static <T> ServiceTracker<T, T> track(BundleContext context, Class<T> type) {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        try {
            if (tracker.waitForService(SERVICE_TIMEOUT_MS) == null) {
                tracker.close();
                throw new IllegalStateException(type.getSimpleName() + " did not appear within "
                        + TimeUnit.MILLISECONDS.toSeconds(SERVICE_TIMEOUT_MS) + " s");
            }
            return tracker;
        } catch (InterruptedException e) {
            tracker.close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + type.getSimpleName(), e);
        }
    }

    /** Stops the framework and waits up to 10 s. @param framework the framework */
    static void stop(Framework framework) {
        try {
            framework.stop();
            framework.waitForStop(STOP_TIMEOUT_MS);
        } catch (BundleException e) {
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
