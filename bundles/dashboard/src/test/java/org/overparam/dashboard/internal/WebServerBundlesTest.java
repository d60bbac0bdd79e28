package org.overparam.dashboard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/** The web server's bundles start in the property's order, once, and a missing one is an error. */
class WebServerBundlesTest {
    private final Map<String, Integer> states = new LinkedHashMap<>();
    private final List<String> started = new ArrayList<>();

    @Test
    void startsTheNamedBundlesInTheGivenOrderAndSkipsActiveOnes() throws IOException {
        states.put("slf4j.nop", Bundle.ACTIVE);
        states.put("org.apache.felix.http.jetty", Bundle.RESOLVED);
        states.put("org.apache.aries.spifly.dynamic.bundle", Bundle.RESOLVED);
        states.put("org.overparam.shell", Bundle.ACTIVE);
        BundleContext context = context(" org.apache.aries.spifly.dynamic.bundle, org.apache.felix.http.jetty,slf4j.nop ,");
        WebServerBundles.start(context);
        assertEquals(List.of("org.apache.aries.spifly.dynamic.bundle", "org.apache.felix.http.jetty"), started);
        WebServerBundles.start(context);
        assertEquals(2, started.size(), "already active bundles are not started again");
    }

    @Test
    void withoutThePropertyNothingStarts() throws IOException {
        states.put("org.apache.felix.http.jetty", Bundle.RESOLVED);
        WebServerBundles.start(context(null));
        assertEquals(List.of(), started);
    }

    @Test
    void aMissingBundleIsReported() {
        states.put("org.apache.aries.spifly.dynamic.bundle", Bundle.RESOLVED);
        IOException e = assertThrows(IOException.class, () -> WebServerBundles.start(
                context("org.apache.aries.spifly.dynamic.bundle,org.apache.felix.http.jetty")));
        assertTrue(e.getMessage().contains("org.apache.felix.http.jetty is not installed"), e.getMessage());
        assertEquals(List.of("org.apache.aries.spifly.dynamic.bundle"), started);
    }

    private BundleContext context(String property) {
        Bundle[] bundles = states.keySet().stream().map(this::bundle).toArray(Bundle[]::new);
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BundleContext.class},
                (p, m, a) -> switch (m.getName()) {
                    case "getProperty" -> WebServerBundles.PROPERTY.equals(a[0]) ? property : null;
                    case "getBundles" -> bundles;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    private Bundle bundle(String name) {
        return (Bundle) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Bundle.class},
                (p, m, a) -> switch (m.getName()) {
                    case "getSymbolicName" -> name;
                    case "getState" -> states.get(name);
                    case "start" -> {
                        assertEquals(Bundle.START_TRANSIENT, a[0]);
                        started.add(name);
                        states.put(name, Bundle.ACTIVE);
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }
}
