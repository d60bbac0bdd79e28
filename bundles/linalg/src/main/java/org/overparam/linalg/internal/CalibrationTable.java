package org.overparam.linalg.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Which kernels (native or Java) each operation and shape class runs on, with the times measured
 * to choose, and the environment the measurement is valid for. Written to and read from the
 * calibration cache as {@code key=value} lines ({@link #format()}, {@link #parse(String)}).
 *
 * @param environment the CPU model and library versions the choice was measured on
 * @param choices per {@link Shape}: whether it runs on the Java kernels, in {@link Shape} order
 * @param nativeMillis per shape: the best native time of the measured call, in milliseconds
 * @param javaMillis per shape: the best Java time, in milliseconds
 */
public record CalibrationTable(CalibrationEnvironment environment, boolean[] choices, double[] nativeMillis,
                               double[] javaMillis) {
    /** The operations and shape classes chosen separately; gemv, symv, dot, axpy and LAPACK stay native. */
    public enum Shape {
        /** dgemm under 2^18 multiply-adds (e.g. 64 x 64 x 64). */
        DGEMM_SMALL("dgemm.small", 48, 48, 48),
        /** dgemm under 2^24 multiply-adds. */
        DGEMM_MEDIUM("dgemm.medium", 160, 160, 160),
        /** larger dgemm. */
        DGEMM_LARGE("dgemm.large", 768, 768, 768),
        /** every sgemm. */
        SGEMM("sgemm", 768, 768, 768),
        /** every syrk: n x k with n = m. */
        SYRK("syrk", 256, 256, 512);

        private final String key;
        final int m;
        final int n;
        final int k;

        Shape(String key, int m, int n, int k) {
            this.key = key;
            this.m = m;
            this.n = n;
            this.k = k;
        }

        /** @return the name in the cache file and the description, e.g. {@code dgemm.small} */
        public String key() {
            return key;
        }

        /** @return the dgemm shape class of an m x n x k product */
        static Shape dgemm(int m, int n, int k) {
            long fma = (long) m * n * k;
            return fma < (1L << 18) ? DGEMM_SMALL : fma < (1L << 24) ? DGEMM_MEDIUM : DGEMM_LARGE;
        }
    }

    /** @return the table with every shape on native: the choice when calibration is off */
    static CalibrationTable allNative(CalibrationEnvironment environment) {
        int n = Shape.values().length;
        return new CalibrationTable(environment, new boolean[n], new double[n], new double[n]);
    }

    /** @return the table with every shape on Java: what {@code overparam.linalg.level3=java} forces */
    static CalibrationTable allJava(CalibrationEnvironment environment) {
        int n = Shape.values().length;
        boolean[] all = new boolean[n];
        java.util.Arrays.fill(all, true);
        return new CalibrationTable(environment, all, new double[n], new double[n]);
    }

    /** @return whether the shape runs on the Java kernels */
    public boolean java(Shape shape) {
        return choices[shape.ordinal()];
    }

    /** @return e.g. {@code dgemm.small=native dgemm.medium=java ...} */
    public String summary() {
        StringBuilder s = new StringBuilder();
        for (Shape shape : Shape.values()) {
            s.append(s.length() == 0 ? "" : " ").append(shape.key).append('=').append(java(shape) ? "java" : "native");
        }
        return s.toString();
    }

    /** @return the table for people: one line per shape with both times and the choice */
    public String report() {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-13s %8s %8s  %s%n", "operation", "native",
                "java", "chosen"));
        for (Shape shape : Shape.values()) {
            int i = shape.ordinal();
            s.append(String.format(Locale.ROOT, "%-13s %6.3fms %6.3fms  %s%n", shape.key, nativeMillis[i], javaMillis[i],
                    choices[i] ? "java" : "native"));
        }
        return s.toString();
    }

    /** @return the cache file's text */
    public String format() {
        StringBuilder s = new StringBuilder("# overparam linalg calibration: shape=choice nativeMillis javaMillis\n");
        s.append("cpu=").append(environment.cpuModel()).append('\n');
        s.append("library=").append(environment.libraryVersion()).append('\n');
        for (Shape shape : Shape.values()) {
            int i = shape.ordinal();
            s.append(shape.key).append('=').append(choices[i] ? "java" : "native")
                    .append(String.format(Locale.ROOT, " %.6f %.6f", nativeMillis[i], javaMillis[i])).append('\n');
        }
        return s.toString();
    }

    /**
     * @param text a cache file's text
     * @return the table it holds
     * @throws IllegalArgumentException if a line is malformed or a shape is missing
     */
    public static CalibrationTable parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("not key=value: " + line);
            }
            values.put(line.substring(0, eq), line.substring(eq + 1));
        }
        String cpu = required(values, "cpu");
        String library = required(values, "library");
        int n = Shape.values().length;
        boolean[] choices = new boolean[n];
        double[] nativeMillis = new double[n];
        double[] javaMillis = new double[n];
        for (Shape shape : Shape.values()) {
            String[] parts = required(values, shape.key).trim().split(" +");
            if (parts.length != 3 || !(parts[0].equals("java") || parts[0].equals("native"))) {
                throw new IllegalArgumentException("bad entry " + shape.key + "=" + values.get(shape.key));
            }
            int i = shape.ordinal();
            choices[i] = parts[0].equals("java");
            nativeMillis[i] = Double.parseDouble(parts[1]);
            javaMillis[i] = Double.parseDouble(parts[2]);
        }
        return new CalibrationTable(new CalibrationEnvironment(cpu, library), choices, nativeMillis, javaMillis);
    }

    private static String required(Map<String, String> values, String key) {
        String v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("missing " + key);
        }
        return v;
    }
}
