package org.overparam.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.overparam.linalg.Lanczos;
import org.overparam.linalg.LanczosResult;
import org.overparam.linalg.Linalg;
import org.overparam.linalg.SymmetricEigen;
import org.overparam.linalg.SymmetricOperator;

/**
 * The Overparam side of the end-to-end benchmark ({@code bench/run-e2e.sh}).
 *
 * <pre>
 *   EndToEnd prepare DIR            writes the shared data and weights ({@link Workload})
 *   EndToEnd measure DIR OUT REPS   times the GD steps, eigenvalues and Lanczos on this JVM's
 *                                   linalg path; writes key=value lines to OUT
 * </pre>
 * Each timing is the median of REPS runs after warm-up. The first step's loss is recorded so the
 * report can check that both sides computed the same function.
 */
public final class EndToEnd {
    private EndToEnd() {
    }

    /**
     * @param args {@code prepare DIR} or {@code measure DIR OUT REPS}
     * @throws IOException if files cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[1]);
        if (args[0].equals("prepare")) {
            Files.createDirectories(dir);
            Workload.write(dir, 20261123L);
            return;
        }
        Path out = Path.of(args[2]);
        int reps = Integer.parseInt(args[3]);
        Map<String, String> r = new LinkedHashMap<>();
        r.put("impl", Linalg.implementation());
        r.put("native", Boolean.toString(Linalg.isNative()));
        r.put("java", System.getProperty("java.version"));

        FcDoubleStep d = new FcDoubleStep(dir);
        r.put("fc_double_loss0", Double.toString(d.step()));
        put(r, "fc_double", Timer.time(1, reps, d::step));

        FcFloatStep f = new FcFloatStep(dir);
        r.put("fc_float_loss0", Double.toString(f.step()));
        put(r, "fc_float", Timer.time(1, reps, f::step));

        double[] k = Npy.read(dir.resolve("K.npy"));
        int n = Workload.GRAM;
        double[][] eig = new double[1][];
        int eigReps = Linalg.isNative() ? reps : Math.min(reps, 3);
        put(r, "eig_all", Timer.time(1, eigReps, () -> eig[0] = SymmetricEigen.values(n, k)));
        Npy.write(dir.resolve("eig_" + (Linalg.isNative() ? "native" : "java") + ".npy"), eig[0], n);
        LanczosResult[] lz = new LanczosResult[1];
        SymmetricOperator op = SymmetricOperator.of(k, n);
        put(r, "lanczos_top5", Timer.time(1, reps, () -> lz[0] = Lanczos.extremes(op, n, 5, Lanczos.Which.LARGEST, 1)));
        double err = 0;
        for (int i = 0; i < 5; i++) {
            err = Math.max(err, Math.abs(lz[0].values()[i] - eig[0][n - 1 - i]) / eig[0][n - 1]);
        }
        r.put("lanczos_iterations", Integer.toString(lz[0].iterations()));
        r.put("lanczos_converged", Boolean.toString(lz[0].converged()));
        r.put("lanczos_rel_error", String.format(Locale.ROOT, "%.2e", err));
        r.put("eig_top5", Arrays.toString(Arrays.copyOfRange(eig[0], n - 5, n)));

        try (Writer w = Files.newBufferedWriter(out)) {
            for (Map.Entry<String, String> e : r.entrySet()) {
                w.write(e.getKey() + "=" + e.getValue() + "\n");
            }
        }
    }

    private static void put(Map<String, String> r, String key, double[] sorted) {
        r.put(key + "_s", String.format(Locale.ROOT, "%.6f", Timer.median(sorted)));
        StringBuilder all = new StringBuilder();
        for (double s : sorted) {
            all.append(all.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.4f", s));
        }
        r.put(key + "_runs", all.toString());
    }
}
