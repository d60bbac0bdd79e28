package org.overparam.nn.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.File;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The packaged bundle inside Felix beside the API and linalg bundles, as the distribution installs
 * them: it resolves, exports {@code org.overparam.nn} at 1.0.0 (the internal package stays
 * private), and a network built through the bundle's classes computes the analytic NNGP of a
 * one-hidden-layer ReLU net, checked against the arc-cosine formula by hand.
 */
class NnInFelixIT {
    private static Framework framework;
    private static final List<Bundle> BUNDLES = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        Path storage = Files.createTempDirectory("nn-felix");
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put("felix.log.level", "0");
        framework = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(config);
        framework.start();
        for (String jar : System.getProperty("nn.bundles").split(",")) {
            BUNDLES.add(framework.getBundleContext().installBundle(new File(jar).toURI().toString()));
        }
        for (Bundle b : BUNDLES) {
            b.start();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        framework.stop();
        framework.waitForStop(10_000);
    }

    @Test
    void theBundleResolvesExportsItsPackageAndComputesKernels() throws Exception {
        Bundle nn = BUNDLES.get(2);
        assertEquals(Bundle.ACTIVE, nn.getState());
        List<String> exports = new ArrayList<>();
        for (BundleCapability c : nn.adapt(BundleWiring.class).getCapabilities("osgi.wiring.package")) {
            exports.add(c.getAttributes().get("osgi.wiring.package") + " " + c.getAttributes().get("version"));
        }
        assertEquals(List.of("org.overparam.nn 1.1.0"), exports);
        Class<?> shape = BUNDLES.get(0).loadClass("org.overparam.api.Shape");
        Class<?> layers = nn.loadClass("org.overparam.nn.Layers");
        Class<?> layer = nn.loadClass("org.overparam.nn.Layer");
        assertNotEquals(layers.getClassLoader(), NnInFelixIT.class.getClassLoader());
        Object input = shape.getMethod("of", int[].class).invoke(null, (Object) new int[] {2});
        Object list = Array.newInstance(layer, 3);
        Array.set(list, 0, layers.getMethod("dense", int.class).invoke(null, 8));
        Array.set(list, 1, layers.getMethod("relu").invoke(null));
        Array.set(list, 2, layers.getMethod("dense", int.class).invoke(null, 1));
        Class<?> network = nn.loadClass("org.overparam.nn.Network");
        Object net = network.getMethod("of", shape, list.getClass()).invoke(null, input, list);
        Class<?> param = nn.loadClass("org.overparam.nn.Parameterization");
        Object ntk = param.getField("NTK").get(null);
        Object k = network.getMethod("kernels", int.class, double[].class, param).invoke(net, 2,
                new double[] {1, 0, 0, 1}, ntk);
        double nngp = (Double) k.getClass().getMethod("nngp", int.class, int.class).invoke(k, 0, 1);
        // inputs orthogonal with K = 1/2 each: theta = pi/2, E[relu relu] = (1/2) (1 + 0) / (2 pi)
        assertEquals(0.5 / (2 * Math.PI), nngp, 1e-15);
    }
}
