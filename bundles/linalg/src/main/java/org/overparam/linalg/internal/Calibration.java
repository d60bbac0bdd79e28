package org.overparam.linalg.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.SplittableRandom;

/**
 * The per-machine choice of native or Java kernels per operation and shape class, measured once
 * and cached in {@code $XDG_CACHE_HOME/overparam} (or {@code ~/.cache/overparam}, or the folder
 * named by {@value #CACHE_PROPERTY}) as {@value #FILE}. A cached table is used as long as its
 * {@link CalibrationEnvironment} equals the current one; otherwise, or when the file cannot be
 * read, the kernels are measured again (a few hundred milliseconds) and the file rewritten. So the
 * choice, and with it the bits a run computes, only change when the CPU or a library changes or
 * someone runs {@code overparam calibrate}.
 */
public final class Calibration {
    /** System property: the folder of the cache file (tests point it at a temporary folder). */
    public static final String CACHE_PROPERTY = "overparam.linalg.cache";
    /** The cache file's name. */
    public static final String FILE = "linalg-calibration.properties";
    /** Java is chosen when its time is below this factor times native's (an exact tie keeps native). */
    static final double MARGIN = 1.0;
    /**
     * Per shape (the largest first, so the shared Java kernel compiles on long calls), untimed
     * calls first until the best time has not improved by 3% for 5 calls (the
     * JIT has compiled the kernels), at most this long: a cold Java kernel is many times slower.
     */
    private static final long WARM_NANOS = 250_000_000L;
    /** Java warm-up lasts at least this long: an interpreted kernel is slow but steady (native needs none). */
    private static final long MIN_WARM_NANOS = 100_000_000L;
    private static final long BUDGET_NANOS = 40_000_000L;

    private Calibration() {
    }

    /** @return the cache folder: {@value #CACHE_PROPERTY}, else {@code $XDG_CACHE_HOME/overparam}, else {@code ~/.cache/overparam} */
    public static Path cacheFolder() {
        String forced = System.getProperty(CACHE_PROPERTY);
        if (forced != null && !forced.isBlank()) {
            return Paths.get(forced);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Paths.get(xdg, "overparam");
        }
        return Paths.get(System.getProperty("user.home", "."), ".cache", "overparam");
    }

    /**
     * @param file the cache file
     * @param environment the current environment
     * @param measure measures a new table when the cache is missing, stale or unreadable
     * @param err where the one-line notice about an unreadable cache goes
     * @return the cached table if valid for {@code environment}, else a new one, written to {@code file}
     */
    static CalibrationTable loadOrMeasure(Path file, CalibrationEnvironment environment,
                                          java.util.function.Supplier<CalibrationTable> measure, PrintStream err) {
        if (Files.isRegularFile(file)) {
            try {
                CalibrationTable cached = CalibrationTable.parse(Files.readString(file, StandardCharsets.UTF_8));
                if (cached.environment().equals(environment)) {
                    return cached;
                }
            } catch (IOException | RuntimeException e) {
                err.println("overparam: ignoring unreadable linalg calibration cache " + file + " (" + e.getMessage()
                        + "); calibrating again");
            }
        }
        CalibrationTable fresh = measure.get();
        store(file, fresh);
        return fresh;
    }

    /** Writes the table atomically; a folder that cannot be written only costs a measurement next time. */
    static void store(Path file, CalibrationTable table) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), FILE, ".tmp");
            Files.writeString(tmp, table.format(), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            System.getLogger("org.overparam.linalg").log(System.Logger.Level.DEBUG,
                    "linalg: calibration not cached in " + file + ": " + e);
        }
    }

    /**
     * Times every {@link CalibrationTable.Shape} on both kernel sets (after untimed warm-up calls,
     * the best of repeated calls within a small budget each, alternating the two so load hits both
     * alike: under a second in all, most of it the JIT compiling the Java kernels) and picks Java
     * where it is faster ({@link #MARGIN}).
     */
    static CalibrationTable measure(CalibrationEnvironment environment, Kernels nativeKernels, Kernels javaKernels) {
        CalibrationTable.Shape[] shapes = CalibrationTable.Shape.values();
        boolean[] choices = new boolean[shapes.length];
        double[] nat = new double[shapes.length];
        double[] jav = new double[shapes.length];
        for (int o = shapes.length - 1; o >= 0; o--) {
            CalibrationTable.Shape s = shapes[o];
            Runnable n = call(s, nativeKernels);
            Runnable j = call(s, javaKernels);
            warmUp(j, MIN_WARM_NANOS);
            n.run();
            long bestN = Long.MAX_VALUE;
            long bestJ = Long.MAX_VALUE;
            long end = System.nanoTime() + BUDGET_NANOS;
            for (int rep = 0; rep < 3 || (System.nanoTime() < end && rep < 200); rep++) {
                bestN = Math.min(bestN, time(n));
                bestJ = Math.min(bestJ, time(j));
            }
            int i = s.ordinal();
            nat[i] = bestN / 1e6;
            jav[i] = bestJ / 1e6;
            choices[i] = bestJ < MARGIN * bestN;
        }
        return new CalibrationTable(environment, choices, nat, jav);
    }

    private static void warmUp(Runnable r, long minNanos) {
        long start = System.nanoTime();
        long end = start + WARM_NANOS;
        long best = Long.MAX_VALUE;
        for (int stale = 0; (stale < 5 || System.nanoTime() < start + minNanos) && System.nanoTime() < end; ) {
            long t = time(r);
            if (t < best * 0.97) {
                best = t;
                stale = 0;
            } else {
                stale++;
            }
        }
    }

    private static long time(Runnable r) {
        long t0 = System.nanoTime();
        r.run();
        return System.nanoTime() - t0;
    }

    private static Runnable call(CalibrationTable.Shape s, Kernels k) {
        SplittableRandom random = new SplittableRandom(15);
        switch (s) {
            case SGEMM: {
                float[] a = new float[s.m * s.k];
                float[] b = new float[s.k * s.n];
                float[] c = new float[s.m * s.n];
                for (int i = 0; i < a.length; i++) {
                    a[i] = (float) random.nextDouble();
                }
                for (int i = 0; i < b.length; i++) {
                    b[i] = (float) random.nextDouble();
                }
                return () -> k.sgemm(false, false, s.m, s.n, s.k, 1f, a, 0, s.k, b, 0, s.n, 0f, c, 0, s.n);
            }
            case SYRK: {
                double[] a = random.doubles((long) s.n * s.k).toArray();
                double[] c = new double[s.n * s.n];
                return () -> k.dsyrkLower(false, s.n, s.k, 1, a, 0, s.k, 0, c, 0, s.n);
            }
            default: {
                double[] a = random.doubles((long) s.m * s.k).toArray();
                double[] b = random.doubles((long) s.k * s.n).toArray();
                double[] c = new double[s.m * s.n];
                return () -> k.dgemm(false, false, s.m, s.n, s.k, 1, a, 0, s.k, b, 0, s.n, 0, c, 0, s.n);
            }
        }
    }
}
