package org.overparam.linalg.internal;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.JavaBLAS;
import dev.ludovic.netlib.blas.NativeBLAS;
import dev.ludovic.netlib.lapack.JavaLAPACK;
import dev.ludovic.netlib.lapack.LAPACK;
import dev.ludovic.netlib.lapack.NativeLAPACK;
import java.nio.file.Path;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Chooses the kernels once, when this class initializes, and says which in one line.
 *
 * <p>Selection, by the system property {@value #MODE_PROPERTY} ({@code auto} by default):
 * <ul>
 *   <li>{@code native}: netlib's JNI binding to OpenBLAS, or an error if it cannot be loaded;</li>
 *   <li>{@code java}: the pure-Java kernels (netlib's VectorBLAS when the JVM has
 *       {@code --add-modules jdk.incubator.vector}, its plain Java BLAS otherwise), tiled and run
 *       on {@value #THREADS_PROPERTY} Java threads;</li>
 *   <li>{@code auto}: native when OpenBLAS loads, Java otherwise, with a one-line notice on
 *       standard error.</li>
 * </ul>
 * Before netlib initializes, {@code dev.ludovic.netlib.blas.nativeLib} and
 * {@code dev.ludovic.netlib.lapack.nativeLib} are set to {@value #OPENBLAS} unless already set, so
 * the slow reference BLAS behind {@code libblas.so.3} is never picked by accident. netlib's own
 * start-up warnings are silenced: this class reports instead. The choice is logged at
 * {@code DEBUG} through {@link System.Logger}, and printed on standard error when
 * {@value #VERBOSE_PROPERTY} is {@code true}.
 *
 * <p>One threading layer at a time: on the native path OpenBLAS threads (set by
 * {@code OPENBLAS_NUM_THREADS}) and no Java threads; on the Java path Java threads only. With
 * {@value #LEVEL3_PROPERTY}{@code =java} gemm and syrk use Java threads and the rest OpenBLAS's, one
 * call at a time.
 */
public final class Backend {
    /** System property forcing a path: {@code java}, {@code native} or {@code auto}. */
    public static final String MODE_PROPERTY = "overparam.linalg";
    /** System property: Java threads on the pure-Java path (default: available processors). */
    public static final String THREADS_PROPERTY = "overparam.linalg.threads";
    /** System property: print the chosen implementation on standard error. */
    public static final String VERBOSE_PROPERTY = "overparam.linalg.verbose";
    /**
     * System property: {@code java} runs gemm, sgemm and syrk on the Java Vector API kernels even
     * on the native path (LAPACK, gemv, dot stay native). Pays where the JVM has wider vectors than
     * the OpenBLAS kernel in use, e.g. AVX-512 with {@code OPENBLAS_CORETYPE=Haswell}.
     */
    public static final String LEVEL3_PROPERTY = "overparam.linalg.level3";
    /**
     * System property: {@code auto} chooses native or Java per level-3 operation and shape class by a
     * cached measurement ({@link Calibration}) on the automatic native path; {@code off} (the default
     * until the calibrated path is shown at least as fast as every forced one on a quiet machine:
     * docs/benchmarks.md) keeps every kernel native there. Forcing flags ({@value #MODE_PROPERTY}{@code =native|java},
     * {@value #LEVEL3_PROPERTY}{@code =java}) override it.
     */
    public static final String CALIBRATION_PROPERTY = "overparam.linalg.calibration";
    /** The native library pinned for BLAS and LAPACK. */
    public static final String OPENBLAS = "libopenblas.so.0";
    /** The notice printed when OpenBLAS is missing on the automatic path. */
    public static final String NO_OPENBLAS_NOTICE =
            "OpenBLAS not found; using pure-Java kernels (install libopenblas0 for the fast path)";

    private static final Logger NETLIB_LOG = Logger.getLogger("dev.ludovic.netlib");
    private static final Backend INSTANCE = choose();

    private final boolean isNative;
    private final BLAS blas;
    private final LAPACK lapack;
    private final int threads;
    private final String description;
    private final Kernels kernels;

    private Backend(boolean isNative, BLAS blas, LAPACK lapack, int threads, String description, Kernels kernels) {
        this.isNative = isNative;
        this.blas = blas;
        this.lapack = lapack;
        this.threads = threads;
        this.description = description;
        this.kernels = kernels;
    }

    /** @return the kernels behind {@code Linalg} */
    Kernels kernels() {
        return kernels;
    }

    /**
     * @param cap at most this many Java kernel threads for calls from the current thread; 0: no cap
     * @return the cap set before
     */
    public static int limitJavaThreads(int cap) {
        return Parallel.limit(cap);
    }

    /** @return the chosen backend */
    public static Backend get() {
        return INSTANCE;
    }

    /** @return whether BLAS and LAPACK run in native OpenBLAS */
    public boolean isNative() {
        return isNative;
    }

    /** @return the BLAS to call (for the Java path: call it on tiles, see {@link JavaKernels}) */
    public BLAS blas() {
        return blas;
    }

    /** @return the LAPACK to call */
    public LAPACK lapack() {
        return lapack;
    }

    /** @return the threads of the one active threading layer */
    public int threads() {
        return threads;
    }

    /** @return e.g. {@code native OpenBLAS (libopenblas.so.0, JNIBLAS), 2 threads} */
    public String description() {
        return description;
    }

    private static Backend choose() {
        String mode = System.getProperty(MODE_PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
        if (!mode.equals("auto") && !mode.equals("java") && !mode.equals("native")) {
            throw new IllegalArgumentException(MODE_PROPERTY + "=" + mode + " is not one of java, native, auto");
        }
        pin("dev.ludovic.netlib.blas.nativeLib");
        pin("dev.ludovic.netlib.lapack.nativeLib");
        Level before = NETLIB_LOG.getLevel();
        NETLIB_LOG.setLevel(Level.OFF);
        Backend b;
        try {
            b = mode.equals("java") ? java() : nativeOrNull(mode.equals("auto"));
            if (b == null && mode.equals("native")) {
                throw new IllegalStateException(MODE_PROPERTY + "=native but OpenBLAS ("
                        + System.getProperty("dev.ludovic.netlib.blas.nativeLib") + ") could not be loaded");
            }
            if (b == null) {
                System.err.println(NO_OPENBLAS_NOTICE);
                b = java();
            }
        } finally {
            NETLIB_LOG.setLevel(before);
        }
        System.getLogger("org.overparam.linalg").log(System.Logger.Level.DEBUG, "linalg: " + b.description);
        if (Boolean.getBoolean(VERBOSE_PROPERTY)) {
            System.err.println("linalg: " + b.description);
        }
        return b;
    }

    private static void pin(String property) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, OPENBLAS);
        }
    }

    private static Backend nativeOrNull(boolean calibrate) {
        try {
            NativeBLAS blas = NativeBLAS.getInstance();
            NativeLAPACK lapack = NativeLAPACK.getInstance();
            int threads = openBlasThreads();
            String description = "native OpenBLAS (" + System.getProperty("dev.ludovic.netlib.blas.nativeLib") + ", "
                    + blas.getClass().getSimpleName() + "), " + threads + " OpenBLAS thread" + (threads == 1 ? "" : "s");
            Kernels kernels = new NativeKernels(blas);
            if ("java".equals(System.getProperty(LEVEL3_PROPERTY)) && JavaKernels.vectorApiWorks()) {
                int javaThreads = javaThreads();
                kernels = new CalibratedKernels(kernels, new JavaKernels(javaBlas(), javaThreads),
                        CalibrationTable.allJava(null));
                description += "; gemm and syrk on the Java Vector API kernels, " + javaThreads + " Java thread"
                        + (javaThreads == 1 ? "" : "s");
            } else if (calibrate && calibrationOn() && JavaKernels.vectorApiWorks()) {
                int javaThreads = javaThreads();
                Kernels java = new JavaKernels(javaBlas(), javaThreads);
                CalibrationEnvironment env = CalibrationEnvironment.current(threads, javaThreads);
                Kernels nat = kernels;
                CalibrationTable table = Calibration.loadOrMeasure(Calibration.cacheFolder().resolve(Calibration.FILE),
                        env, () -> Calibration.measure(env, nat, java), System.err);
                kernels = new CalibratedKernels(kernels, java, table);
                description += "; calibrated: " + table.summary() + " (Java: Vector API kernels, " + javaThreads
                        + " Java thread" + (javaThreads == 1 ? "" : "s") + ")";
            }
            return new Backend(true, blas, lapack, threads, description, kernels);
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    private static boolean calibrationOn() {
        String v = System.getProperty(CALIBRATION_PROPERTY, "off").trim().toLowerCase(Locale.ROOT);
        if (!v.equals("auto") && !v.equals("off")) {
            throw new IllegalArgumentException(CALIBRATION_PROPERTY + "=" + v + " is not one of auto, off");
        }
        return v.equals("auto");
    }

    /**
     * Measures the kernels again now and rewrites the cache ({@code overparam calibrate}); the
     * kernels of this JVM keep the choice they started with, the next start uses the new one.
     *
     * @return the table, one line per operation and shape class with both times and the choice
     * @throws IllegalStateException if OpenBLAS or the Vector API is missing (nothing to choose)
     */
    public static String calibrate() {
        if (!INSTANCE.isNative || !JavaKernels.vectorApiWorks()) {
            throw new IllegalStateException("nothing to calibrate: " + INSTANCE.description
                    + (JavaKernels.vectorApiWorks() ? "" : " (no --add-modules jdk.incubator.vector)"));
        }
        int javaThreads = javaThreads();
        CalibrationEnvironment env = CalibrationEnvironment.current(INSTANCE.threads, javaThreads);
        Path file = Calibration.cacheFolder().resolve(Calibration.FILE);
        CalibrationTable table = Calibration.measure(env, new NativeKernels(INSTANCE.blas),
                new JavaKernels(javaBlas(), javaThreads));
        Calibration.store(file, table);
        return table.report() + "cached in " + file + " for " + env.cpuModel() + "; " + env.libraryVersion() + "\n";
    }

    private static BLAS javaBlas() {
        BLAS blas = packagePrivateInstance("dev.ludovic.netlib.blas.VectorBLAS");
        if (blas == null) {
            blas = packagePrivateInstance("dev.ludovic.netlib.blas.Java11BLAS");
        }
        return blas != null ? blas : JavaBLAS.getInstance();
    }

    private static int javaThreads() {
        return Math.max(1, Integer.getInteger(THREADS_PROPERTY, Runtime.getRuntime().availableProcessors()));
    }

    private static Backend java() {
        BLAS blas = javaBlas();
        LAPACK lapack = packagePrivateInstance("dev.ludovic.netlib.lapack.F2jLAPACK");
        if (lapack == null) {
            lapack = JavaLAPACK.getInstance();
        }
        int threads = javaThreads();
        JavaKernels kernels = new JavaKernels(blas, threads);
        return new Backend(false, blas, lapack, threads, "pure-Java kernels (" + kernels.gemmName() + "), "
                + threads + " Java thread" + (threads == 1 ? "" : "s"), kernels);
    }

    /**
     * netlib's Java implementations are package-private classes with a public {@code getInstance}.
     * Calling them directly keeps the forced Java path from loading the JNI shim at all.
     */
    @SuppressWarnings("unchecked")
    private static <T> T packagePrivateInstance(String className) {
        try {
            java.lang.reflect.Method m = Class.forName(className, true, Backend.class.getClassLoader())
                    .getDeclaredMethod("getInstance");
            m.setAccessible(true);
            return (T) m.invoke(null);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    private static int openBlasThreads() {
        for (String var : new String[] {"OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS", "OMP_NUM_THREADS"}) {
            String v = System.getenv(var);
            if (v != null) {
                try {
                    int t = Integer.parseInt(v.trim());
                    if (t > 0) {
                        return Math.min(t, Runtime.getRuntime().availableProcessors());
                    }
                } catch (NumberFormatException e) {
                    // an unparsable value: OpenBLAS ignores it too
                }
            }
        }
        return Runtime.getRuntime().availableProcessors();
    }
}
