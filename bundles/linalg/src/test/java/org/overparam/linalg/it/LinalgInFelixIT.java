package org.overparam.linalg.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * The packaged bundle inside Felix: it resolves with no other bundle (netlib and its JNI shims are
 * embedded), and the kernels it chooses there are the ones asked for: with
 * {@code overparam.linalg=java} netlib's VectorBLAS (the JVM has {@code --add-modules
 * jdk.incubator.vector}), otherwise JNIBLAS over OpenBLAS exactly when libopenblas0 is installed.
 * A product through the bundle's Linalg is checked against a hand-computed one.
 */
class LinalgInFelixIT {
    private static Framework framework;
    private static Bundle bundle;

    @BeforeAll
    static void start() throws Exception {
        Path storage = Files.createTempDirectory("linalg-felix");
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put("felix.log.level", "0");
        framework = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(config);
        framework.start();
        File jar = new File(System.getProperty("linalg.bundle"));
        bundle = framework.getBundleContext().installBundle(jar.toURI().toString());
        bundle.start();
    }

    @AfterAll
    static void stop() throws Exception {
        framework.stop();
        framework.waitForStop(10_000);
    }

    @Test
    void theBundleChoosesTheKernelsAskedFor() throws Exception {
        assertEquals(Bundle.ACTIVE, bundle.getState());
        Class<?> backend = bundle.loadClass("org.overparam.linalg.internal.Backend");
        Object b = backend.getMethod("get").invoke(null);
        Class<?> blasClass = backend.getMethod("blas").invoke(b).getClass();
        String blas = blasClass.getName();
        assertEquals(backend.getClassLoader(), blasClass.getClassLoader(), "netlib is embedded in the bundle");
        boolean isNative = (Boolean) backend.getMethod("isNative").invoke(b);
        if ("java".equals(System.getProperty("overparam.linalg"))) {
            assertEquals("dev.ludovic.netlib.blas.VectorBLAS", blas);
        } else {
            assertEquals(Files.exists(Path.of("/usr/lib/x86_64-linux-gnu/libopenblas.so.0")), isNative, blas);
            if (isNative) {
                assertEquals("dev.ludovic.netlib.blas.JNIBLAS", blas);
            }
        }
        Class<?> linalg = bundle.loadClass("org.overparam.linalg.Linalg");
        assertTrue(linalg.getClassLoader() != LinalgInFelixIT.class.getClassLoader(), "loaded from the bundle");
        Method gemm = linalg.getMethod("gemm", boolean.class, boolean.class, int.class, int.class, int.class,
                double.class, double[].class, double[].class, double.class, double[].class);
        double[] c = new double[4];
        gemm.invoke(null, false, false, 2, 2, 2, 1.0, new double[] {1, 2, 3, 4}, new double[] {5, 6, 7, 8}, 0.0, c);
        assertEquals(19, c[0], 0.0);
        assertEquals(22, c[1], 0.0);
        assertEquals(43, c[2], 0.0);
        assertEquals(50, c[3], 0.0);
    }
}
