package org.overparam.plugin.idx.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.api.Batch;
import org.overparam.api.Config;
import org.overparam.api.Data;
import org.overparam.api.RandomStream;
import org.overparam.api.Shape;
import org.overparam.api.Task;
import org.overparam.testkit.SchemaCheck;

/** {@code idx} on small IDX files written by the test: selection, relabelling, pooling, scaling, targets. */
class IdxDatasetTest {
    private static final int H = 8;
    private static final int W = 8;
    private static final int[] TRAIN = IdxFiles.cycle(200, 10);
    private static final int[] TEST = IdxFiles.cycle(50, 10);

    @TempDir
    Path dir;

    private Data load(long seed, Object... keyValues) {
        Map<String, Object> m = new HashMap<>();
        m.put("dir", dir.toString());
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return new IdxDataset().load(Config.of(m), RandomStream.of(seed));
    }

    @Test
    void gzippedAndPlainFilesGiveTheSameData() throws IOException {
        IdxFiles.folder(dir, TRAIN, TEST, H, W, true);
        Data gz = load(7, "n", 40L, "nTest", 10L);
        for (String name : new String[] {"train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
            "t10k-labels-idx1-ubyte"}) {
            Files.delete(dir.resolve(name + ".gz"));
        }
        IdxFiles.folder(dir, TRAIN, TEST, H, W, false);
        Data plain = load(7, "n", 40L, "nTest", 10L);
        assertArrayEquals(gz.train().inputs(), plain.train().inputs(), 0);
        assertArrayEquals(gz.train().labels(), plain.train().labels());
        assertArrayEquals(gz.test().inputs(), plain.test().inputs(), 0);
    }

    @Test
    void samplesAreDistinctItemsOfTheKeptClassesRelabelledInOrder() throws IOException {
        IdxFiles.folder(dir, TRAIN, TEST, H, W, true);
        int[] classes = {3, 1, 8};
        Data data = load(1, "n", 30L, "classes", java.util.List.of(3L, 1L, 8L), "normalize", "none");
        Batch b = data.train();
        assertEquals(Shape.of(1, H, W), b.inputShape());
        assertEquals(Task.CLASSIFICATION, data.task());
        assertEquals(3, b.outputSize());
        Set<Integer> items = new HashSet<>();
        int[] perClass = new int[3];
        for (int s = 0; s < b.n(); s++) {
            int item = item(b, s, TRAIN);
            assertTrue(item >= 0, "sample " + s + " is no item of the file");
            assertEquals(classes[b.labels()[s]], TRAIN[item]);
            assertTrue(items.add(item), "item " + item + " drawn twice");
            perClass[b.labels()[s]]++;
            for (int j = 0; j < 3; j++) {
                assertEquals(j == b.labels()[s] ? 1.0 : 0.0, b.targets()[s * 3 + j]);
            }
        }
        assertArrayEquals(new int[] {10, 10, 10}, perClass, "stratified: equal shares");
        assertFalse(isSorted(b.labels()), "samples are shuffled, so any prefix mixes the classes");
    }

    @Test
    void stratifiedSharesGiveTheRemainderToTheFirstClassesAndSpreadShortfalls() {
        assertArrayEquals(new int[] {4, 3}, Subset.shares(new int[][] {new int[20], new int[20]}, 7));
        assertArrayEquals(new int[] {2, 8}, Subset.shares(new int[][] {new int[2], new int[20]}, 10));
        assertArrayEquals(new int[] {1, 1, 0}, Subset.shares(new int[][] {new int[5], new int[5], new int[5]}, 2));
        assertArrayEquals(new int[] {3, 5, 5}, Subset.shares(new int[][] {new int[3], new int[9], new int[9]}, 13));
    }

    @Test
    void randomSamplingDrawsFromAllKeptItems() throws IOException {
        IdxFiles.folder(dir, TRAIN, TEST, H, W, false);
        Data data = load(2, "n", 40L, "classes", java.util.List.of(0L, 1L), "sampling", "random", "normalize", "none");
        Set<Integer> items = new HashSet<>();
        for (int s = 0; s < 40; s++) {
            assertTrue(items.add(item(data.train(), s, TRAIN)));
        }
        assertEquals(40, items.size(), "all 40 items of classes 0 and 1");
    }

    @Test
    void poolingAveragesWindows() throws IOException {
        IdxFiles.folder(dir, TRAIN, TEST, H, W, true);
        for (int f : new int[] {2, 4}) {
            Data pooled = load(3, "n", 12L, "downsample", (long) f, "normalize", "none");
            Data full = load(3, "n", 12L, "normalize", "none");
            assertEquals(Shape.of(1, H / f, W / f), pooled.train().inputShape());
            for (int s = 0; s < 12; s++) {
                for (int r = 0; r < H / f; r++) {
                    for (int c = 0; c < W / f; c++) {
                        double sum = 0;
                        for (int dr = 0; dr < f; dr++) {
                            for (int dc = 0; dc < f; dc++) {
                                sum += full.train().inputs()[s * H * W + (r * f + dr) * W + c * f + dc];
                            }
                        }
                        assertEquals(sum / (f * f), pooled.train().inputs()[s * (H / f) * (W / f) + r * (W / f) + c], 1e-15);
                    }
                }
            }
        }
    }

    @Test
    void unitCenteredAndStandardNormalization() throws IOException {
        IdxFiles.folder(dir, TRAIN, TEST, H, W, true);
        Data unit = load(4, "n", 50L, "nTest", 20L);
        int d = H * W;
        for (Batch b : new Batch[] {unit.train(), unit.test()}) {
            for (int s = 0; s < b.n(); s++) {
                assertEquals(1.0, Math.sqrt(dot(b.inputs(), s * d, b.inputs(), s * d, d)), 1e-12);
            }
        }
        assertEquals(1.0, unit.facts().get("max_norm"), 1e-12);
        Data none = load(4, "n", 50L, "nTest", 20L, "normalize", "none");
        Data centered = load(4, "n", 50L, "nTest", 20L, "normalize", "centered");
        double[] center = new double[d];
        for (int s = 0; s < 50; s++) {
            for (int j = 0; j < d; j++) {
                center[j] += none.train().inputs()[s * d + j] / 50;
            }
        }
        for (Batch[] pair : new Batch[][] {{none.train(), centered.train()}, {none.test(), centered.test()}}) {
            for (int s = 0; s < pair[0].n(); s++) {
                double[] v = new double[d];
                for (int j = 0; j < d; j++) {
                    v[j] = pair[0].inputs()[s * d + j] - center[j];
                }
                double norm = Math.sqrt(dot(v, 0, v, 0, d));
                for (int j = 0; j < d; j++) {
                    assertEquals(v[j] / norm, pair[1].inputs()[s * d + j], 1e-12, "the training mean, then unit norm");
                }
            }
        }
        Data std = load(4, "n", 50L, "normalize", "standard");
        double[] x = std.train().inputs();
        for (int j = 0; j < d; j++) {
            double mean = 0;
            double sq = 0;
            for (int s = 0; s < 50; s++) {
                mean += x[s * d + j];
                sq += x[s * d + j] * x[s * d + j];
            }
            assertEquals(0.0, mean / 50, 1e-12);
            assertEquals(1.0, sq / 50, 1e-12);
        }
    }

    @Test
    void signedTargetsForTwoClasses() throws IOException {
        IdxFiles.folder(dir, TRAIN, TEST, H, W, true);
        Data data = load(5, "n", 20L, "nTest", 6L, "classes", java.util.List.of(4L, 9L), "targets", "signed",
                "normalize", "none");
        for (Batch b : new Batch[] {data.train(), data.test()}) {
            assertEquals(1, b.outputSize());
            for (int s = 0; s < b.n(); s++) {
                assertEquals(b.labels()[s] == 0 ? -1.0 : 1.0, b.targets()[s]);
                int item = item(b, s, b == data.train() ? TRAIN : TEST);
                assertEquals(b.labels()[s] == 0 ? 4 : 9, (b == data.train() ? TRAIN : TEST)[item]);
            }
        }
        assertEquals(2.0, data.facts().get("classes"));
    }

    @Test
    void factsAndDeterminism() throws IOException {
        IdxFiles.folder(dir, TRAIN, TEST, H, W, true);
        Data a = load(6, "n", 40L, "nTest", 10L, "downsample", 2L);
        Data b = load(6, "n", 40L, "nTest", 10L, "downsample", 2L);
        Data noTest = load(6, "n", 40L, "downsample", 2L);
        Data other = load(8, "n", 40L, "nTest", 10L, "downsample", 2L);
        assertArrayEquals(a.train().inputs(), b.train().inputs(), 0);
        assertArrayEquals(a.test().inputs(), b.test().inputs(), 0);
        assertArrayEquals(a.train().inputs(), noTest.train().inputs(), 0, "the test set does not move the training set");
        assertFalse(Arrays.equals(a.train().inputs(), other.train().inputs()));
        assertEquals(40.0, a.facts().get("n"));
        assertEquals(16.0, a.facts().get("d"));
        assertEquals(10.0, a.facts().get("classes"));
        double brute = Double.POSITIVE_INFINITY;
        double[] x = a.train().inputs();
        for (int i = 0; i < 40; i++) {
            for (int j = i + 1; j < 40; j++) {
                double s = 0;
                for (int k = 0; k < 16; k++) {
                    s += (x[i * 16 + k] - x[j * 16 + k]) * (x[i * 16 + k] - x[j * 16 + k]);
                }
                brute = Math.min(brute, Math.sqrt(s));
            }
        }
        assertEquals(brute, a.facts().get("delta"), 1e-9);
        assertNotEquals(0.0, brute);
        assertTrue(a.description().contains("40 train / 10 test 4x4 images"), a.description());
    }

    /** @return the file item whose pixels (scaled by 1/255) equal sample s, or -1 */
    private static int item(Batch b, int s, int[] labels) {
        int d = H * W;
        for (int i = 0; i < labels.length; i++) {
            boolean same = true;
            for (int r = 0; r < H && same; r++) {
                for (int c = 0; c < W && same; c++) {
                    double want = IdxFiles.pixel(i, r, c) / 255.0;
                    same = b.inputs()[s * d + r * W + c] == want;
                }
            }
            if (same) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isSorted(int[] a) {
        for (int i = 1; i < a.length; i++) {
            if (a[i] < a[i - 1]) {
                return false;
            }
        }
        return true;
    }

    private static double dot(double[] x, int xo, double[] y, int yo, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += x[xo + i] * y[yo + i];
        }
        return s;
    }

    @Test
    void parametersAreDocumentedWithValidDefaults() {
        SchemaCheck.assertDocumentedWithValidDefaults(new IdxDataset());
        assertEquals("/usr/share/datasets/fashion-mnist", IdxDataset.DEBIAN_DIR);
    }
}
