package org.overparam.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Prints the NTK benchmark's comparison from the key=value files {@link NtkBench} ({@code java.txt})
 * and {@code ntk_peer.py} ({@code peer.txt}) wrote into one folder: times, the speed-up over
 * PyTorch's Jacobian contraction (against its generous lower bound and its blocked schedule), the
 * entry-by-entry agreement, peak memory, and whether issue 6's target (at least 10x) is met.
 */
public final class NtkReport {
    private NtkReport() {
    }

    /**
     * @param args the results folder
     * @throws IOException if a file cannot be read
     */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Map<String, String> j = read(dir.resolve("java.txt"));
        Map<String, String> p = read(dir.resolve("peer.txt"));
        double ours = num(j, "structured_s");
        double lower = num(p, "lower_bound_s");
        double blocked = p.containsKey("full_blocked_s") ? num(p, "full_blocked_s") : num(p, "blocked_s");
        System.out.printf(Locale.ROOT, "Empirical NTK Gram, FC ReLU net d=%d L=%d m=%d (%s weights), n=%s, float64%n",
                NtkBench.D, NtkBench.L, NtkBench.M, j.get("parameters"), j.get("n"));
        System.out.printf(Locale.ROOT, "  Overparam: %s, Java %s%n  PyTorch %s (Python %s), Jacobian rows by %s with"
                + " set_num_threads(%s), blocks of %s rows%n", j.get("impl"), j.get("java"), p.get("torch"), p.get("python"),
                p.get("method"), p.get("threads"), p.get("block"));
        System.out.printf(Locale.ROOT, "  %-62s %12s %10s%n", "", "seconds", "peak MB");
        System.out.printf(Locale.ROOT, "  %-62s %12.3f %10s%n", "Overparam structured (pieces + syrk), median of runs "
                + j.get("structured_runs"), ours, j.get("rss_peak_mb") + " RSS");
        System.out.printf(Locale.ROOT, "  %-62s %12s %10s%n", "  heap peak during the runs (incl. garbage) / arrays needed",
                "", j.get("heap_peak_mb") + " / " + (Integer.parseInt(j.get("model_arrays_mb"))
                        + Integer.parseInt(j.get("method_arrays_mb"))));
        if (p.containsKey("full_blocked_s")) {
            System.out.printf(Locale.ROOT, "  %-62s %12.1f %10s%n", "PyTorch Jacobian contraction, blocked, run in full", blocked,
                    p.get("rss_peak_mb") + " RSS");
        } else {
            System.out.printf(Locale.ROOT, "  %-62s %12.1f %10s%n", "PyTorch Jacobian contraction, blocked (fits memory), from"
                    + " measured parts", blocked, p.get("rss_peak_mb") + " RSS");
            System.out.printf(Locale.ROOT, "  %-62s %12.1f%n", "PyTorch lower bound: J in memory (160 GB), J J^T at dense-GEMM"
                    + " rate", lower);
            System.out.printf(Locale.ROOT, "    measured parts: %s s per Jacobian row, %s s per %sx%s block contraction"
                    + " (%s GFLOP/s), dense GEMM %s GFLOP/s%n", p.get("row_s"), p.get("pair_s"), p.get("block"), p.get("block"),
                    p.get("pair_gflops"), p.get("gemm_gflops"));
        }
        System.out.printf(Locale.ROOT, "  agreement: max |K_overparam - K_pytorch| / max |K| = %s over %s entries%n",
                p.get("max_rel_diff_vs_overparam"), p.get("check_entries"));
        double ratio = (p.containsKey("full_blocked_s") ? blocked : lower) / ours;
        System.out.printf(Locale.ROOT, "%nTargets%n  [%s] structured NTK >= 10x faster than PyTorch Jacobian contraction"
                + " (against its %s)   %.0fx%n", ratio >= 10 ? "met " : "MISS",
                p.containsKey("full_blocked_s") ? "full run" : "lower bound", ratio);
        double agree = Double.parseDouble(p.get("max_rel_diff_vs_overparam"));
        System.out.printf(Locale.ROOT, "  [%s] same Gram as PyTorch to 1e-10 relative                              %s%n",
                agree <= 1e-10 ? "met " : "MISS", p.get("max_rel_diff_vs_overparam"));
    }

    private static Map<String, String> read(Path file) throws IOException {
        Map<String, String> m = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                m.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        return m;
    }

    private static double num(Map<String, String> m, String key) {
        String v = m.get(key);
        return v == null ? Double.NaN : Double.parseDouble(v);
    }
}
