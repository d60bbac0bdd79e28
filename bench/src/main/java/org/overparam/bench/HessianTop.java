package org.overparam.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.overparam.api.Batch;
import org.overparam.api.Config;
import org.overparam.api.MetricSink;
import org.overparam.api.Model;
import org.overparam.api.Params;
import org.overparam.api.RandomStream;
import org.overparam.api.Shape;
import org.overparam.linalg.Linalg;
import org.overparam.plugin.fc.internal.FullyConnected;
import org.overparam.plugin.landscape.internal.HessianAnalyzer;
import org.overparam.testkit.FakeSnapshot;

/**
 * The Overparam side of the Hessian benchmark ({@code bench/run-hessian.sh}): the top eigenvalue of
 * the Hessian of {@code 1/2 sum (f - y)^2} for the end-to-end benchmark's fully connected ReLU net
 * ({@link Workload}: L = 3 hidden layers of 2048, d = 784, about 10.0 M weights) on its first
 * {@code SAMPLES} inputs, in double precision, through the real {@code hessian} analyzer (Lanczos on
 * the fc plugin's exact R-operator Hessian-vector products, through the {@code GradientOracle}).
 *
 * <pre>
 *   HessianTop measure DIR OUT REPS SAMPLES   times one product and the analyzer's top eigenvalue;
 *                                             writes v*.npy / hv*.npy for the cross-check
 *   HessianTop report DIR ROUNDS              prints the comparison with hessian_peer.py's results
 * </pre>
 * Timings are medians of REPS runs after one warm-up.
 */
public final class HessianTop {
    private HessianTop() {
    }

    /**
     * @param args {@code measure DIR OUT REPS SAMPLES} or {@code report DIR}
     * @throws IOException if files cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[1]);
        if (args[0].equals("report")) {
            report(dir, Integer.parseInt(args[2]));
            return;
        }
        int reps = Integer.parseInt(args[3]);
        int samples = Integer.parseInt(args[4]);
        Model model = new FullyConnected().build(Config.of(Map.of("width", (long) Workload.M, "depth", (long) Workload.L)),
                Shape.of(Workload.D), 1);
        double[] x = Arrays.copyOf(Npy.read(dir.resolve("X.npy")), samples * Workload.D);
        double[] y = Arrays.copyOf(Npy.read(dir.resolve("y.npy")), samples);
        Batch batch = new Batch(Shape.of(Workload.D), samples, x, 1, y, null);
        double[][] blocks = new double[Workload.L + 1][];
        for (int l = 0; l <= Workload.L; l++) {
            blocks[l] = Npy.read(dir.resolve("W" + (l + 1) + ".npy"));
        }
        Params w = Params.wrap(model.layout(), blocks);
        Map<String, String> r = new LinkedHashMap<>();
        r.put("impl", Linalg.implementation());
        r.put("blas_threads", System.getenv().getOrDefault("OPENBLAS_NUM_THREADS", "default"));
        r.put("java", System.getProperty("java.version"));
        r.put("samples", Integer.toString(samples));
        r.put("parameters", Long.toString(model.layout().size()));

        // One product on a seeded vector, kept for the cross-check with PyTorch.
        Params v = w.zerosLike();
        SplittableRandom random = new SplittableRandom(5);
        for (int l = 0; l <= Workload.L; l++) {
            double[] b = v.block(l);
            for (int i = 0; i < b.length; i++) {
                b[i] = random.nextDouble() - 0.5;
            }
        }
        Params hv = w.zerosLike();
        FakeSnapshot product = snapshot(model, batch, w, Config.empty());
        put(r, "hvp", Timer.time(1, reps, () -> product.oracle().hessianVector(w, null, v, hv)));
        int[][] shapes = Workload.weightShapes();
        for (int l = 0; l <= Workload.L; l++) {
            Npy.write(dir.resolve("v" + (l + 1) + ".npy"), v.block(l), shapes[l]);
            Npy.write(dir.resolve("hv" + (l + 1) + ".npy"), hv.block(l), shapes[l]);
        }

        // The analyzer's top eigenvalue, as a run would compute it: at the tolerance PyHessian uses by
        // default, and at a tight one for the reference value.
        for (String[] run : new String[][] {{"top", "1e-3"}, {"ref", "1e-8"}}) {
            Config config = Config.of(Map.of("topK", 1L, "probes", 0L, "slqRuns", 0L, "perBlock", false,
                    "points", 0L, "iterations", 20L, "tolerance", Double.parseDouble(run[1])));
            Map<String, Double> found = new HashMap<>();
            put(r, run[0], Timer.time(1, reps, () -> new HessianAnalyzer().analyze(
                    snapshot(model, batch, w, config), sink(found))));
            r.put(run[0] + "_tolerance", run[1]);
            r.put(run[0] + "_top1", Double.toString(found.get("top1")));
            r.put(run[0] + "_hvps", Long.toString(found.get("hvps").longValue()));
            r.put(run[0] + "_converged", Boolean.toString(found.get("lanczos_converged") == 1.0));
        }
        try (Writer out = Files.newBufferedWriter(Path.of(args[2]))) {
            for (Map.Entry<String, String> e : r.entrySet()) {
                out.write(e.getKey() + "=" + e.getValue() + "\n");
            }
        }
    }

    /**
     * @return what the analyzer sees in a run, without the engine: the model, its training batch, the
     *     squared loss {@code 1/2 sum (f - y)^2} and an oracle (every block trained) that evaluates the
     *     loss, its gradient by the model's backward pass and its Hessian-vector product by
     *     {@link Model#hessianVector}, the fc plugin's exact R-operator; the analyzer's stream seeded 1
     */
    private static FakeSnapshot snapshot(Model model, Batch train, Params w, Config config) {
        FakeSnapshot s = new FakeSnapshot(w, w, model, FakeSnapshot.trainingOnly(train), config);
        s.random = RandomStream.of(1);
        return s;
    }

    private static MetricSink sink(Map<String, Double> found) {
        return new MetricSink() {
            @Override
            public void scalar(String name, double value) {
                found.put(name, value);
            }

            @Override
            public void series(String name, double[] x, double[] y) {
            }

            @Override
            public void matrix(String name, int rows, int cols, double[] values) {
            }

            @Override
            public void artifact(String fileName, byte[] content) {
            }
        };
    }

    private static void put(Map<String, String> r, String key, double[] sorted) {
        r.put(key + "_s", String.format(Locale.ROOT, "%.4f", Timer.median(sorted)));
        StringBuilder all = new StringBuilder();
        for (double s : sorted) {
            all.append(all.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.3f", s));
        }
        r.put(key + "_runs", all.toString());
    }

    private static void report(Path dir, int rounds) throws IOException {
        List<Map<String, String>> ours = new ArrayList<>();
        List<Map<String, String>> peers = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            ours.add(read(dir.resolve("hessian-java-r" + round + "-t1.txt")));
            ours.add(read(dir.resolve("hessian-java-r" + round + "-t2.txt")));
            peers.add(read(dir.resolve("hessian-peer-r" + round + ".txt")));
        }
        Map<String, String> one = ours.get(0);
        Map<String, String> hvpSide = fastest(ours, "hvp_s");
        Map<String, String> topSide = fastest(ours, "top_s");
        Map<String, String> refSide = fastest(ours, "ref_s");
        Map<String, String> peer = fastest(peers, "power_s");
        Map<String, String> peerHvpSide = fastest(peers, "hvp_s");
        double hvp = Double.parseDouble(hvpSide.get("hvp_s"));
        double peerHvp = Double.parseDouble(peerHvpSide.get("hvp_s"));
        double top = Double.parseDouble(topSide.get("top_s"));
        double peerTop = Double.parseDouble(peer.get("power_s"));
        double ref = Double.parseDouble(refSide.get("ref_top1"));
        double lambda = Double.parseDouble(topSide.get("top_top1"));
        double peerLambda = Double.parseDouble(peer.get("power_eigenvalue"));
        System.out.printf(Locale.ROOT, "Hessian top eigenvalue: fc L=%d, m=%d, d=%d (%s parameters), %s samples, float64%n",
                Workload.L, Workload.M, Workload.D, one.get("parameters"), one.get("samples"));
        System.out.printf(Locale.ROOT, "Overparam %s, Java %s; PyTorch %s. Each side: best per-round median over %d "
                + "interleaved rounds and thread counts 1, 2%n", one.get("impl"), one.get("java"), peer.get("torch"), rounds);
        System.out.println();
        System.out.println("| | Overparam | PyTorch | Overparam / PyTorch |");
        System.out.println("|---|---|---|---|");
        System.out.printf(Locale.ROOT, "| one Hessian-vector product (s) | %.3f (exact R-op, forward pass included; %s thread(s)) "
                + "| %.3f (double backward through the kept gradient graph; %s thread(s)) | %.2f |%n", hvp,
                hvpSide.get("blas_threads"), peerHvp, peerHvpSide.get("hvp_threads"), hvp / peerHvp);
        System.out.printf(Locale.ROOT, "| top eigenvalue (s) | %.3f (Lanczos, tolerance %s, %s products) | %.3f "
                + "(PyHessian's power iteration, tol %s, %s products) | **%.2f** |%n", top, topSide.get("top_tolerance"),
                topSide.get("top_hvps"), peerTop, peer.get("power_tol"), peer.get("power_iterations"), top / peerTop);
        System.out.printf(Locale.ROOT, "| its relative error | %.1e | %.1e | |%n", Math.abs(lambda - ref) / ref,
                Math.abs(peerLambda - ref) / ref);
        System.out.printf(Locale.ROOT, "| reference (s) | %.3f (Lanczos, tolerance %s, %s products): %.12g | | |%n",
                Double.parseDouble(refSide.get("ref_s")), refSide.get("ref_tolerance"), refSide.get("ref_hvps"), ref);
        System.out.println();
        System.out.printf(Locale.ROOT, "Cross-check: max |Hv_overparam - Hv_torch| / max |Hv_torch| = %s on a seeded vector.%n",
                peer.get("hvp_rel_diff"));
        for (int round = 1; round <= rounds; round++) {
            Map<String, String> t1 = ours.get(2 * round - 2);
            Map<String, String> t2 = ours.get(2 * round - 1);
            Map<String, String> p = peers.get(round - 1);
            double oursTop = Math.min(Double.parseDouble(t1.get("top_s")), Double.parseDouble(t2.get("top_s")));
            System.out.printf(Locale.ROOT, "Round %d medians (s): Overparam product %s (1 thread) / %s (2), top %s / %s; "
                    + "PyTorch product %s (%s thread(s)), top %s (%s); top eigenvalue Overparam / PyTorch %.2f%n", round,
                    t1.get("hvp_s"), t2.get("hvp_s"), t1.get("top_s"), t2.get("top_s"), p.get("hvp_s"), p.get("hvp_threads"),
                    p.get("power_s"), p.get("power_threads"), oursTop / Double.parseDouble(p.get("power_s")));
        }
        System.out.printf(Locale.ROOT, "Target (issue 6): Overparam's top eigenvalue no slower than PyTorch's: %s%n",
                top <= peerTop ? "met" : "NOT met");
    }

    private static Map<String, String> fastest(List<Map<String, String>> results, String key) {
        Map<String, String> best = results.get(0);
        for (Map<String, String> r : results) {
            if (Double.parseDouble(r.get(key)) < Double.parseDouble(best.get(key))) {
                best = r;
            }
        }
        return best;
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
}
