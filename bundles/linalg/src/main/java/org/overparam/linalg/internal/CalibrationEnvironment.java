package org.overparam.linalg.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.jar.Manifest;

/**
 * What a calibration is valid for: the CPU model, and the versions of the libraries that run the
 * kernels (OpenBLAS's file, netlib, this bundle, the JVM, the thread counts). A cached table whose
 * environment differs from the current one is measured again.
 *
 * @param cpuModel e.g. {@code Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz}
 * @param libraryVersion e.g. {@code openblas=libopenblasp-r0.3.26.so netlib=3.0.4 linalg=0.1.0 java=21.0.5 threads=2/2}
 */
public record CalibrationEnvironment(String cpuModel, String libraryVersion) {
    /** netlib-java's version as embedded in this bundle. */
    static final String NETLIB_VERSION = "3.0.4";

    /** @return the environment of this JVM (after OpenBLAS has loaded) */
    static CalibrationEnvironment current(int openBlasThreads, int javaThreads) {
        String linalg = linalgVersion();
        String library = "openblas=" + openBlasFile() + " netlib=" + NETLIB_VERSION + " linalg="
                + linalg + " java=" + System.getProperty("java.vm.version", "")
                + " threads=" + openBlasThreads + "/" + javaThreads;
        return new CalibrationEnvironment(readCpuModel(), library);
    }

    /** @return this bundle's version: the jar's Implementation-Version, else its Bundle-Version, else {@code dev} */
    private static String linalgVersion() {
        String v = Backend.class.getPackage().getImplementationVersion();
        if (v != null) {
            return v;
        }
        try (InputStream in = Backend.class.getClassLoader().getResourceAsStream("META-INF/MANIFEST.MF")) {
            if (in != null) {
                String bundle = new Manifest(in).getMainAttributes().getValue("Bundle-Version");
                if (bundle != null) {
                    return bundle;
                }
            }
        } catch (IOException | RuntimeException e) {
            // no manifest: a development class folder
        }
        return "dev";
    }

    private static String readCpuModel() {
        try {
            for (String line : Files.readAllLines(Paths.get("/proc/cpuinfo"))) {
                if (line.startsWith("model name") && line.indexOf(':') > 0) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        return System.getProperty("os.arch", "") + " " + Runtime.getRuntime().availableProcessors() + " cpus";
    }

    /** @return the real file name of the OpenBLAS loaded in this process (names its version), or the pinned name */
    private static String openBlasFile() {
        try {
            List<String> maps = Files.readAllLines(Paths.get("/proc/self/maps"));
            for (String line : maps) {
                int slash = line.indexOf('/');
                if (slash >= 0 && line.contains("openblas")) {
                    Path p = Paths.get(line.substring(slash).strip()).toRealPath();
                    return p.getFileName().toString();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        return System.getProperty("dev.ludovic.netlib.blas.nativeLib", Backend.OPENBLAS);
    }
}
