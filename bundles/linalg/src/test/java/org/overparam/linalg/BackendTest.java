package org.overparam.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The path this JVM runs on is the one asked for: {@code overparam.linalg=java} gives the Java
 * kernels; the automatic choice gives native OpenBLAS exactly when {@code libopenblas.so.0} is
 * installed (Debian's libopenblas0), and pins that library rather than the reference BLAS;
 * {@code overparam.linalg.level3=java} moves gemm and syrk to the Java Vector API kernels.
 */
class BackendTest {
    private static boolean openBlasInstalled() {
        for (String dir : new String[] {"/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib"}) {
            if (Files.exists(Path.of(dir, "libopenblas.so.0"))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void thePathMatchesTheRequestAndTheMachine() {
        String mode = System.getProperty("overparam.linalg", "auto");
        if (mode.equals("java")) {
            assertFalse(Linalg.isNative(), Linalg.implementation());
            assertTrue(Linalg.implementation().startsWith("pure-Java kernels"), Linalg.implementation());
        } else {
            assertEquals(openBlasInstalled(), Linalg.isNative(), Linalg.implementation());
        }
        if (Linalg.isNative()) {
            assertEquals("libopenblas.so.0", System.getProperty("dev.ludovic.netlib.blas.nativeLib"));
            assertTrue(Linalg.implementation().contains("JNIBLAS"), Linalg.implementation());
            boolean javaLevel3 = "java".equals(System.getProperty("overparam.linalg.level3"))
                    && ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
            assertEquals(javaLevel3, Linalg.implementation().contains("Java Vector API"), Linalg.implementation());
        }
    }

    /**
     * Calibration runs only on the automatic native path with the Vector API; the forcing flags
     * ({@code overparam.linalg=java|native}, {@code overparam.linalg.level3=java}) and
     * {@code overparam.linalg.calibration=off} override it. The build runs this class once per
     * setting (bundles/linalg/pom.xml), the calibrating run with its cache in target/.
     */
    @Test
    void forcingFlagsOverrideTheCalibration() {
        boolean expected = Linalg.isNative()
                && System.getProperty("overparam.linalg", "auto").equals("auto")
                && !"java".equals(System.getProperty("overparam.linalg.level3"))
                && System.getProperty("overparam.linalg.calibration", "auto").equals("auto")
                && ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        assertEquals(expected, Linalg.implementation().contains("; calibrated: dgemm.small="), Linalg.implementation());
        if (expected) {
            assertTrue(Files.isRegularFile(Path.of(System.getProperty("overparam.linalg.cache"),
                    "linalg-calibration.properties")), Linalg.implementation());
        }
    }

    @Test
    void theJavaPathUsesTheVectorApiWhenTheJvmHasIt() {
        boolean vectorModule = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        if (!Linalg.isNative() && vectorModule) {
            assertTrue(Linalg.implementation().contains("Vector API gemm"), Linalg.implementation());
        }
    }
}
