package org.overparam.linalg.internal;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The float32 twin of {@link VectorGemm}: the same blocking and outer-product register tile with
 * twice the lanes, and the same guarantee that every element of C is one fixed sequence of fused
 * multiply-adds, bit-for-bit reproducible on every JIT tier, JDK and thread count.
 *
 * <p>Load this class only when the JVM has {@code jdk.incubator.vector} (see {@link JavaKernels}).
 */
final class VectorSgemm {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Rows of the register tile. */
    private static final int MR = 6;
    /** Columns of the register tile: two vectors. */
    private static final int NR = 2 * L;
    /** Inner-dimension depth of a packed panel. */
    static final int KC = 256;
    /** Rows of A packed at once. */
    private static final int MC = 96;
    /** Columns of B packed at once. */
    private static final int NC = 2048;

    private static final ThreadLocal<float[][]> BUFFERS =
            ThreadLocal.withInitial(() -> new float[][] {new float[MC * KC], new float[NC * KC], new float[MR * NR]});

    private VectorSgemm() {
    }

    /**
     * {@code C[i0:i1, j0:j1] = alpha op(A) op(B) + beta C} on that block, one thread.
     */
    static void block(boolean transA, boolean transB, int i0, int i1, int j0, int j1, int k, float alpha,
                      float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float beta, float[] c,
                      int cOff, int ldc) {
        for (int i = i0; i < i1; i++) {
            int ci = cOff + i * ldc;
            for (int j = j0; j < j1; j++) {
                c[ci + j] = beta == 0 ? 0f : beta * c[ci + j];
            }
        }
        float[][] buf = BUFFERS.get();
        float[] pa = buf[0];
        float[] pb = buf[1];
        float[] tile = buf[2];
        for (int jc = j0; jc < j1; jc += NC) {
            int nc = Math.min(NC, j1 - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                packB(transB, b, bOff, ldb, pc, kc, jc, nc, pb);
                for (int ic = i0; ic < i1; ic += MC) {
                    int mc = Math.min(MC, i1 - ic);
                    packA(transA, a, aOff, lda, ic, mc, pc, kc, pa);
                    for (int jr = 0; jr < nc; jr += NR) {
                        for (int ir = 0; ir < mc; ir += MR) {
                            kernel(kc, pa, ir * kc, pb, jr * kc, alpha, c, cOff + (ic + ir) * ldc + jc + jr, ldc,
                                    Math.min(MR, mc - ir), Math.min(NR, nc - jr), tile);
                        }
                    }
                }
            }
        }
    }

    /** Packs op(B)[pc:pc+kc, jc:jc+nc] as NR-column slivers, each kc x NR row-major, zero-padded. */
    private static void packB(boolean trans, float[] b, int off, int ld, int pc, int kc, int jc, int nc, float[] pb) {
        for (int jr = 0; jr < nc; jr += NR) {
            int w = Math.min(NR, nc - jr);
            int base = jr * kc;
            for (int p = 0; p < kc; p++) {
                int dst = base + p * NR;
                if (!trans) {
                    System.arraycopy(b, off + (pc + p) * ld + jc + jr, pb, dst, w);
                } else {
                    for (int j = 0; j < w; j++) {
                        pb[dst + j] = b[off + (jc + jr + j) * ld + pc + p];
                    }
                }
                for (int j = w; j < NR; j++) {
                    pb[dst + j] = 0;
                }
            }
        }
    }

    /** Packs op(A)[ic:ic+mc, pc:pc+kc] as MR-row slivers, each kc x MR (p-major), zero-padded. */
    private static void packA(boolean trans, float[] a, int off, int ld, int ic, int mc, int pc, int kc, float[] pa) {
        for (int ir = 0; ir < mc; ir += MR) {
            int h = Math.min(MR, mc - ir);
            int base = ir * kc;
            for (int p = 0; p < kc; p++) {
                int dst = base + p * MR;
                for (int i = 0; i < h; i++) {
                    pa[dst + i] = trans ? a[off + (pc + p) * ld + ic + ir + i] : a[off + (ic + ir + i) * ld + pc + p];
                }
                for (int i = h; i < MR; i++) {
                    pa[dst + i] = 0;
                }
            }
        }
    }

    /** C[0:h, 0:w] += alpha * (A sliver x B sliver), the 6 x 2-vector register tile. */
    private static void kernel(int kc, float[] pa, int aBase, float[] pb, int bBase, float alpha, float[] c,
                               int cBase, int ldc, int h, int w, float[] tile) {
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = c00;
        FloatVector c10 = c00;
        FloatVector c11 = c00;
        FloatVector c20 = c00;
        FloatVector c21 = c00;
        FloatVector c30 = c00;
        FloatVector c31 = c00;
        FloatVector c40 = c00;
        FloatVector c41 = c00;
        FloatVector c50 = c00;
        FloatVector c51 = c00;
        for (int p = 0; p < kc; p++) {
            int bi = bBase + p * NR;
            FloatVector b0 = FloatVector.fromArray(S, pb, bi);
            FloatVector b1 = FloatVector.fromArray(S, pb, bi + L);
            int ai = aBase + p * MR;
            FloatVector a = FloatVector.broadcast(S, pa[ai]);
            c00 = a.fma(b0, c00);
            c01 = a.fma(b1, c01);
            a = FloatVector.broadcast(S, pa[ai + 1]);
            c10 = a.fma(b0, c10);
            c11 = a.fma(b1, c11);
            a = FloatVector.broadcast(S, pa[ai + 2]);
            c20 = a.fma(b0, c20);
            c21 = a.fma(b1, c21);
            a = FloatVector.broadcast(S, pa[ai + 3]);
            c30 = a.fma(b0, c30);
            c31 = a.fma(b1, c31);
            a = FloatVector.broadcast(S, pa[ai + 4]);
            c40 = a.fma(b0, c40);
            c41 = a.fma(b1, c41);
            a = FloatVector.broadcast(S, pa[ai + 5]);
            c50 = a.fma(b0, c50);
            c51 = a.fma(b1, c51);
        }
        if (h == MR && w == NR) {
            FloatVector va = FloatVector.broadcast(S, alpha);
            store(c00, c01, va, c, cBase);
            store(c10, c11, va, c, cBase + ldc);
            store(c20, c21, va, c, cBase + 2 * ldc);
            store(c30, c31, va, c, cBase + 3 * ldc);
            store(c40, c41, va, c, cBase + 4 * ldc);
            store(c50, c51, va, c, cBase + 5 * ldc);
            return;
        }
        c00.intoArray(tile, 0);
        c01.intoArray(tile, L);
        c10.intoArray(tile, NR);
        c11.intoArray(tile, NR + L);
        c20.intoArray(tile, 2 * NR);
        c21.intoArray(tile, 2 * NR + L);
        c30.intoArray(tile, 3 * NR);
        c31.intoArray(tile, 3 * NR + L);
        c40.intoArray(tile, 4 * NR);
        c41.intoArray(tile, 4 * NR + L);
        c50.intoArray(tile, 5 * NR);
        c51.intoArray(tile, 5 * NR + L);
        for (int i = 0; i < h; i++) {
            int ci = cBase + i * ldc;
            for (int j = 0; j < w; j++) {
                c[ci + j] = Math.fma(alpha, tile[i * NR + j], c[ci + j]);
            }
        }
    }

    /** C row += alpha * (acc0, acc1), one fused multiply-add per element (as the edge path). */
    private static void store(FloatVector acc0, FloatVector acc1, FloatVector alpha, float[] c, int at) {
        alpha.fma(acc0, FloatVector.fromArray(S, c, at)).intoArray(c, at);
        alpha.fma(acc1, FloatVector.fromArray(S, c, at + L)).intoArray(c, at + L);
    }
}
