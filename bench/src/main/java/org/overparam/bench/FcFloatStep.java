package org.overparam.bench;

import java.io.IOException;
import java.nio.file.Path;
import org.overparam.linalg.Linalg;

/**
 * The same GD step as {@link FcDoubleStep} in float32, written directly on {@link Linalg#sgemm}
 * (the API's Params are double, so no plugin computes in float32): per layer
 * {@code Z = A W^T}, {@code A' = relu(Z)}; backward {@code dW = Delta^T A},
 * {@code Delta_prev = (Delta W) .* [Z_prev > 0]}; then {@code W -= lr dW}.
 */
final class FcFloatStep {
    private final float[] x;
    private final float[] y;
    private final float[][] w;
    private final float[][] grad;
    private final float[][] acts;
    private final float[][] pre;
    private final int[][] shapes = Workload.weightShapes();

    FcFloatStep(Path dir) throws IOException {
        x = toFloat(Npy.read(dir.resolve("X.npy")));
        y = toFloat(Npy.read(dir.resolve("y.npy")));
        int layers = Workload.L + 1;
        w = new float[layers][];
        grad = new float[layers][];
        acts = new float[layers][];
        pre = new float[layers][];
        for (int l = 0; l < layers; l++) {
            w[l] = toFloat(Npy.read(dir.resolve("W" + (l + 1) + ".npy")));
            grad[l] = new float[w[l].length];
            pre[l] = new float[Workload.N * shapes[l][0]];
            acts[l] = l == 0 ? x : new float[Workload.N * shapes[l][1]];
        }
    }

    private static float[] toFloat(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }

    /** @return the loss at the step's starting point */
    double step() {
        int n = Workload.N;
        int layers = Workload.L + 1;
        for (int l = 0; l < layers; l++) {
            int out = shapes[l][0];
            int in = shapes[l][1];
            Linalg.sgemm(false, true, n, out, in, 1f, acts[l], 0, in, w[l], 0, in, 0f, pre[l], 0, out);
            if (l + 1 < layers) {
                float[] z = pre[l];
                float[] a = acts[l + 1];
                for (int i = 0; i < z.length; i++) {
                    a[i] = z[i] > 0 ? z[i] : 0f;
                }
            }
        }
        float[] f = pre[layers - 1];
        double loss = 0;
        float[] delta = new float[n];
        for (int i = 0; i < n; i++) {
            float e = f[i] - y[i];
            delta[i] = e;
            loss += 0.5 * e * e;
        }
        for (int l = layers - 1; l >= 0; l--) {
            int out = shapes[l][0];
            int in = shapes[l][1];
            Linalg.sgemm(true, false, out, in, n, 1f, delta, 0, out, acts[l], 0, in, 0f, grad[l], 0, in);
            if (l > 0) {
                float[] next = new float[n * in];
                Linalg.sgemm(false, false, n, in, out, 1f, delta, 0, out, w[l], 0, in, 0f, next, 0, in);
                float[] z = pre[l - 1];
                for (int i = 0; i < next.length; i++) {
                    if (!(z[i] > 0)) {
                        next[i] = 0f;
                    }
                }
                delta = next;
            }
        }
        float lr = (float) Workload.LR;
        for (int l = 0; l < layers; l++) {
            float[] wl = w[l];
            float[] gl = grad[l];
            for (int i = 0; i < wl.length; i++) {
                wl[i] -= lr * gl[i];
            }
        }
        return loss;
    }
}
