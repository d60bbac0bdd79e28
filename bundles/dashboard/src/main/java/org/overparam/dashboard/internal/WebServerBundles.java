package org.overparam.dashboard.internal;

import java.io.IOException;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

/**
 * Starts the bundles that the launcher installs and resolves at every start but leaves stopped until
 * the dashboard is served: those named, comma-separated and in the order to start them, by the
 * framework property {@value #PROPERTY} (SPI Fly, then Felix HTTP Jetty; see the distribution's
 * {@code conf/framework.properties}). A bundle already active is left alone; without the property
 * (every bundle started at boot) nothing is started.
 */
final class WebServerBundles {
    /** The framework property naming the bundles; the launcher reads the same one. */
    static final String PROPERTY = "overparam.bundles.onServe";

    private WebServerBundles() {
    }

    /**
     * @param context any bundle's context (the property and the bundles are the framework's)
     * @throws IOException if a named bundle is not installed or does not start
     */
    static void start(BundleContext context) throws IOException {
        String names = context.getProperty(PROPERTY);
        if (names == null) {
            return;
        }
        for (String raw : names.split(",")) {
            String name = raw.strip();
            if (name.isEmpty()) {
                continue;
            }
            Bundle bundle = find(context, name);
            if (bundle == null) {
                throw new IOException("the web server's bundle " + name + " is not installed");
            }
            if (bundle.getState() != Bundle.ACTIVE) {
                try {
                    bundle.start(Bundle.START_TRANSIENT);
                } catch (BundleException | RuntimeException e) {
                    throw new IOException("cannot start the web server's bundle " + name + ": " + e.getMessage(), e);
                }
            }
        }
    }

    private static Bundle find(BundleContext context, String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        return null;
    }
}
