package org.overparam.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Prints the end-to-end comparison from the key=value files that {@link EndToEnd} (native and
 * pure-Java runs), {@code peer.py} and {@code fma_peak} wrote into one folder: times (median of
 * the repetitions), GFLOP/s, the fraction of the machine's FMA peak, the ratios Overparam / peer
 * and whether each target of issue 3 is met.
 */
public final class Report {
    private final Map<String, String> dflt;
    private final Map<String, String> nat;
    private final Map<String, String> java;
    private final Map<String, String> level3;
    private final Map<String, String> peer;
    private final Map<String, String> pipNumpy;
    private final double peakCore;
    private final double peakWide;
    private final String peakSource;

    private Report(Path dir) throws IOException {
        dflt = rounds(dir, "default");
        nat = rounds(dir, "native");
        java = rounds(dir, "java");
        level3 = rounds(dir, "level3");
        peer = rounds(dir, "peer");
        pipNumpy = rounds(dir, "peer-numpy");
        Map<String, String> peak = read(dir.resolve("peak.txt"));
        if (peak.containsKey("avx2")) {
            peakCore = Double.parseDouble(peak.get("avx2"));
            peakWide = Double.parseDouble(peak.getOrDefault("avx512", peak.get("avx2")));
            peakSource = "measured by bench/fma_peak.c";
        } else {
            peakCore = 61;
            peakWide = 61;
            peakSource = "not measured (no C compiler): TOOLCHAIN.md's 61 GFLOP/s per core";
        }
    }

    /**
     * @param args the results folder
     * @throws IOException if a file cannot be read
     */
    public static void main(String[] args) throws IOException {
        new Report(Path.of(args[0])).print();
    }

    /**
     * Merges {@code NAME.1.txt, NAME.2.txt, ...}: for a time ({@code *_s}) the smallest median over
     * the rounds, otherwise the first round's value; {@code rounds} counts them.
     */
    private static Map<String, String> rounds(Path dir, String name) throws IOException {
        Map<String, String> merged = new HashMap<>();
        int count = 0;
        for (int r = 1; Files.exists(dir.resolve(name + "." + r + ".txt")); r++) {
            count++;
            for (Map.Entry<String, String> e : read(dir.resolve(name + "." + r + ".txt")).entrySet()) {
                String old = merged.get(e.getKey());
                boolean time = e.getKey().endsWith("_s");
                if (old == null || time && Double.parseDouble(e.getValue()) < Double.parseDouble(old)) {
                    merged.put(e.getKey(), e.getValue());
                }
            }
        }
        merged.put("rounds", Integer.toString(count));
        return merged;
    }

    private static Map<String, String> read(Path file) throws IOException {
        Map<String, String> m = new HashMap<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    m.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
                }
            }
        }
        return m;
    }

    private static double num(Map<String, String> m, String key) {
        String v = m.get(key);
        return v == null ? Double.NaN : Double.parseDouble(v);
    }

    private void print() {
        int cores = Runtime.getRuntime().availableProcessors();
        double flops = Workload.stepFlops();
        System.out.printf(Locale.ROOT, "FMA peak per core: AVX2 %.1f, AVX-512 %.1f GFLOP/s (%s); %d cores%n",
                peakCore, peakWide, peakSource, cores);
        System.out.printf(Locale.ROOT, "Overparam default: %s%n  native (forced): %s%n  level3=java: %s%n  pure-Java: %s%n",
                dflt.get("impl"), nat.get("impl"), level3.get("impl"), java.get("impl"));
        System.out.printf(Locale.ROOT, "Peers: Python %s, PyTorch %s, numpy %s%s%n", peer.get("python"), peer.get("torch"),
                peer.get("numpy"), pipNumpy.isEmpty() ? "" : " (and numpy " + pipNumpy.get("numpy") + " from PATH)");
        System.out.printf(Locale.ROOT, "Times: median of the repetitions within a round, smallest over %s round(s)%n",
                nat.get("rounds"));
        System.out.printf(Locale.ROOT, "%nFull-batch GD step, FC ReLU net n=%d d=%d m=%d L=%d, %.1f GFLOP per step%n",
                Workload.N, Workload.D, Workload.M, Workload.L, flops / 1e9);
        System.out.printf(Locale.ROOT, "  %-46s %9s %9s %11s %9s%n", "", "median s", "GFLOP/s", "% AVX2 pk", "vs peer");
        for (String prec : new String[] {"double", "float"}) {
            double t1 = num(peer, "fc_" + prec + "_t1_s");
            double t2 = num(peer, "fc_" + prec + "_t2_s");
            double best = Math.min(t1, t2);
            String bestName = t1 <= t2 ? "1" : "2";
            row("PyTorch " + prec + ", set_num_threads(1)", t1, flops, best, prec);
            row("PyTorch " + prec + ", set_num_threads(2)", t2, flops, best, prec);
            row("Overparam default (calibrated) " + prec, num(dflt, "fc_" + prec + "_s"), flops, best, prec);
            row("Overparam native (forced) " + prec, num(nat, "fc_" + prec + "_s"), flops, best, prec);
            row("Overparam native, level3=java (opt-in) " + prec, num(level3, "fc_" + prec + "_s"), flops, best, prec);
            row("Overparam pure-Java " + prec, num(java, "fc_" + prec + "_s"), flops, best, prec);
            System.out.printf(Locale.ROOT, "  (peer = the faster PyTorch setting, set_num_threads(%s); first-step loss"
                    + " Overparam %s vs PyTorch %s)%n", bestName, nat.get("fc_" + prec + "_loss0"), peer.get("fc_" + prec + "_loss0"));
        }
        double eigO = num(nat, "eig_all_s");
        double eigJ = num(java, "eig_all_s");
        double eigP = num(peer, "eig_all_s");
        double lz = num(nat, "lanczos_top5_s");
        System.out.printf(Locale.ROOT, "%nSymmetric eigenvalues of a %dx%d Gram matrix%n", Workload.GRAM, Workload.GRAM);
        System.out.printf(Locale.ROOT, "  numpy %s eigvalsh (all)               %8.3f s%n", peer.get("numpy"), eigP);
        if (!pipNumpy.isEmpty()) {
            System.out.printf(Locale.ROOT, "  numpy %s eigvalsh (all, PATH python)   %8.3f s%n", pipNumpy.get("numpy"),
                    num(pipNumpy, "eig_all_s"));
        }
        System.out.printf(Locale.ROOT, "  Overparam native dsyevd (all)           %8.3f s   ratio %.2f   max |diff| vs numpy %s%n",
                eigO, eigO / eigP, peer.get("eig_max_abs_diff_vs_overparam"));
        System.out.printf(Locale.ROOT, "  Overparam pure-Java dsyevd (all)        %8.3f s   ratio %.2f%n", eigJ, eigJ / eigP);
        System.out.printf(Locale.ROOT, "  Overparam native Lanczos top-5          %8.3f s   %.1fx faster than all; %s iterations,"
                + " rel. error %s%n", lz, eigO / lz, nat.get("lanczos_iterations"), nat.get("lanczos_rel_error"));
        System.out.printf(Locale.ROOT, "  Overparam pure-Java Lanczos top-5       %8.3f s   %.1fx faster than all (pure-Java)%n",
                num(java, "lanczos_top5_s"), eigJ / num(java, "lanczos_top5_s"));

        double peerDouble = Math.min(num(peer, "fc_double_t1_s"), num(peer, "fc_double_t2_s"));
        double fcRatio = num(nat, "fc_double_s") / peerDouble;
        double fcRatio3 = num(level3, "fc_double_s") / peerDouble;
        double javaGf = flops / num(java, "fc_double_s") / 1e9;
        double fastestForced = Math.min(num(nat, "fc_double_s"), Math.min(num(level3, "fc_double_s"),
                num(java, "fc_double_s")));
        double defaultRatio = num(dflt, "fc_double_s") / fastestForced;
        System.out.printf(Locale.ROOT, "%nTargets%n");
        target("FC GD step double, default / fastest forced path <= 1.05", defaultRatio <= 1.05,
                String.format(Locale.ROOT, "%.2f", defaultRatio));
        target("FC GD step double, default: Overparam / PyTorch <= 0.3", num(dflt, "fc_double_s") / peerDouble <= 0.3,
                String.format(Locale.ROOT, "%.2f", num(dflt, "fc_double_s") / peerDouble));
        target("FC GD step double, native: Overparam / PyTorch <= 0.75", fcRatio <= 0.75, String.format(Locale.ROOT, "%.2f", fcRatio));
        target("  same with level3=java (opt-in)", fcRatio3 <= 0.75, String.format(Locale.ROOT, "%.2f", fcRatio3));
        target("FC GD step double, pure-Java >= 15 GFLOP/s", javaGf >= 15, String.format(Locale.ROOT, "%.1f GFLOP/s", javaGf));
        target("Eigenvalues 2000x2000 <= 1.2 x numpy", eigO / eigP <= 1.2, String.format(Locale.ROOT, "%.2f", eigO / eigP));
        target("Lanczos top-5 >= 5x faster than all eigenvalues", eigO / lz >= 5, String.format(Locale.ROOT, "%.1fx", eigO / lz));
    }

    private void row(String name, double seconds, double flops, double peerSeconds, String prec) {
        double gf = flops / seconds / 1e9;
        double peak = peakCore * Runtime.getRuntime().availableProcessors() * (prec.equals("float") ? 2 : 1);
        System.out.printf(Locale.ROOT, "  %-46s %9.3f %9.1f %10.0f%% %9.2f%n", name, seconds, gf, 100 * gf / peak,
                seconds / peerSeconds);
    }

    private static void target(String name, boolean met, String value) {
        System.out.printf(Locale.ROOT, "  [%s] %-55s %s%n", met ? "met " : "MISS", name, value);
    }
}
