package org.overparam.bench;

import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.overparam.api.Batch;
import org.overparam.api.Config;
import org.overparam.api.Model;
import org.overparam.api.Params;
import org.overparam.api.Shape;
import org.overparam.linalg.Linalg;
import org.overparam.plugin.fc.internal.FullyConnected;
import org.overparam.plugin.ntk.internal.NtkGram;

/**
 * The Overparam side of the NTK benchmark ({@code bench/run-ntk.sh}): the empirical NTK Gram of a
 * fully connected ReLU net (L = 3 hidden layers of m = 2048, d = 784 inputs, one output, no bias;
 * 10.0 M weights) on n = 2000 samples, by the {@code ntk} analyzer's structured path
 * ({@link NtkGram}, per-layer pieces and syrk), through the real {@code fc} plugin's Model.
 *
 * <pre>
 *   NtkBench prepare DIR            writes X [n, d] and the weights W1..W4 ([out, in]) as .npy
 *   NtkBench measure DIR OUT REPS   times the Gram (median of REPS after one warm-up), writes
 *                                   key=value lines to OUT and the Gram's first rows to DIR/K_rows.npy
 * </pre>
 * Memory: the peak of the heap pools during the timed runs (after a GC) and the process's peak
 * resident set (VmHWM), next to the arrays the method needs: K and two n x n temporaries, and the
 * pieces, n (in + out) doubles per layer.
 */
public final class NtkBench {
    static final int N = 2000;
    static final int D = 784;
    static final int M = 2048;
    static final int L = 3;
    /** Rows of K handed to the peer for the entry-by-entry check. */
    static final int CHECK_ROWS = 32;

    private NtkBench() {
    }

    /**
     * @param args {@code prepare DIR} or {@code measure DIR OUT REPS}
     * @throws IOException if files cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[1]);
        if (args[0].equals("prepare")) {
            Files.createDirectories(dir);
            prepare(dir, 20261124L);
            return;
        }
        int reps = Integer.parseInt(args[3]);
        Model model = new FullyConnected().build(Config.of(Map.of("width", (long) M, "depth", (long) L)), Shape.of(D), 1);
        Batch batch = new Batch(Shape.of(D), N, Npy.read(dir.resolve("X_ntk.npy")), 1, new double[N], null);
        double[][] blocks = new double[L + 1][];
        for (int l = 0; l <= L; l++) {
            blocks[l] = Npy.read(dir.resolve("Wntk" + (l + 1) + ".npy"));
        }
        Params params = Params.wrap(model.layout(), blocks);
        double[][] k = new double[1][];
        Runnable gram = () -> k[0] = NtkGram.trace(model, params, batch, new int[] {0}, i -> true,
                NtkGram.Path.STRUCTURED, 1L << 28).values();
        gram.run();
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            p.resetPeakUsage();
        }
        long heapBefore = heapUsed();
        double[] runs = Timer.time(0, reps, gram);
        long heapPeak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                heapPeak += p.getPeakUsage().getUsed();
            }
        }
        Npy.write(dir.resolve("K_rows.npy"), Arrays.copyOf(k[0], CHECK_ROWS * N), CHECK_ROWS, N);
        Map<String, String> r = new LinkedHashMap<>();
        r.put("impl", Linalg.implementation());
        r.put("java", System.getProperty("java.version"));
        r.put("n", Integer.toString(N));
        r.put("parameters", Long.toString(model.layout().size()));
        r.put("structured_s", String.format(Locale.ROOT, "%.4f", Timer.median(runs)));
        StringBuilder all = new StringBuilder();
        for (double s : runs) {
            all.append(all.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.4f", s));
        }
        r.put("structured_runs", all.toString());
        r.put("trace", Double.toString(trace(k[0])));
        r.put("heap_before_mb", mb(heapBefore));
        r.put("heap_peak_mb", mb(heapPeak));
        r.put("rss_peak_mb", mb(vmHwm()));
        long pieces = 0;
        int[] in = {D, M, M, M};
        int[] out = {M, M, M, 1};
        for (int l = 0; l <= L; l++) {
            pieces += (long) N * (in[l] + out[l]);
        }
        r.put("model_arrays_mb", mb(8L * N * (D + 2L * L * M + 1)));
        r.put("method_arrays_mb", mb(8L * (3L * N * N + pieces)));
        try (Writer w = Files.newBufferedWriter(Path.of(args[2]))) {
            for (Map.Entry<String, String> e : r.entrySet()) {
                w.write(e.getKey() + "=" + e.getValue() + "\n");
            }
        }
    }

    /** Writes X (N(0, 1/d) entries) and He-initialized weights W1..W3 N(0, 2/in), W4 = W_out N(0, 1/m). */
    static void prepare(Path dir, long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        Npy.write(dir.resolve("X_ntk.npy"), gaussian(r, N * D, 1.0 / Math.sqrt(D)), N, D);
        for (int l = 0; l <= L; l++) {
            int rows = l == L ? 1 : M;
            int cols = l == 0 ? D : M;
            double std = l == L ? 1.0 / Math.sqrt(M) : Math.sqrt(2.0 / cols);
            Npy.write(dir.resolve("Wntk" + (l + 1) + ".npy"), gaussian(r, rows * cols, std), rows, cols);
        }
    }

    private static double[] gaussian(SplittableRandom r, int n, double std) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = std * Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
        }
        return x;
    }

    private static double trace(double[] k) {
        double t = 0;
        for (int i = 0; i < N; i++) {
            t += k[i * N + i];
        }
        return t;
    }

    private static long heapUsed() {
        long u = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                u += p.getUsage().getUsed();
            }
        }
        return u;
    }

    /** @return the process's peak resident set in bytes, from /proc/self/status, or -1 */
    static long vmHwm() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    private static String mb(long bytes) {
        return bytes < 0 ? "NaN" : String.format(Locale.ROOT, "%.0f", bytes / 1048576.0);
    }
}
