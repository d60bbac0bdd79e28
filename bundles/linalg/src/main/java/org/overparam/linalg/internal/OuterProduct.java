package org.overparam.linalg.internal;

/**
 * The gemm of inner dimension 1 that overwrites its output ({@code k = 1}, {@code beta = 0}): the
 * outer product {@code C[i, j] = alpha a_i b_j}, e.g. a dense layer's input gradient
 * {@code dX = dY W} when it has one output. One pass that writes each element of C once, where a
 * general gemm first zeroes C (OpenBLAS's {@code dgemm_beta}: a full pass over C), packs both
 * operands and then adds a depth-1 product into C.
 *
 * <p>Each element is {@code fma(alpha, fma(a_i, b_j, +0), +0)}: the product rounded once, then
 * scaled and rounded once, a zero product counted as {@code +0}. That is what the register-tile
 * gemms compute for k = 1 and beta = 0 (OpenBLAS's kernels and {@link VectorGemm} accumulate from a
 * {@code +0} register with fused multiply-adds and add {@code alpha acc} into the zeroed C), so the
 * result is bit for bit that of the general path; written here without {@code fma} as
 * {@code alpha (a_i b_j + 0) + 0}, which rounds the same and which the JIT vectorizes. (netlib's
 * plain-Java BLAS, the fallback without the Vector API, scales b first: {@code (alpha b_j) a_i}, also
 * two roundings; the two agree whenever alpha is 1, as in every dense layer.)
 */
public final class OuterProduct {
    private OuterProduct() {
    }

    /**
     * {@code C = alpha op(A) op(B)}, {@code op(A)} m x 1 and {@code op(B)} 1 x n; the arguments as
     * {@link Kernels#dgemm} with k = 1 and beta = 0 (C's old values ignored, even NaN).
     */
    public static void overwrite(boolean transA, boolean transB, int m, int n, double alpha, double[] a, int aOff,
                          int lda, double[] b, int bOff, int ldb, double[] c, int cOff, int ldc) {
        int aStride = transA ? 1 : lda;
        int bStride = transB ? ldb : 1;
        for (int i = 0; i < m; i++) {
            double ai = a[aOff + i * aStride];
            int ci = cOff + i * ldc;
            if (bStride == 1) {
                row(n, alpha, ai, b, bOff, c, ci);
            } else {
                for (int j = 0; j < n; j++) {
                    c[ci + j] = alpha * (ai * b[bOff + j * bStride] + 0.0) + 0.0;
                }
            }
        }
    }

    /** {@code c[ci + j] = alpha (ai b[bOff + j] + 0) + 0}; with alpha = 1 the outer scaling is exact. */
    private static void row(int n, double alpha, double ai, double[] b, int bOff, double[] c, int ci) {
        if (alpha == 1.0) {
            for (int j = 0; j < n; j++) {
                c[ci + j] = ai * b[bOff + j] + 0.0;
            }
        } else {
            for (int j = 0; j < n; j++) {
                c[ci + j] = alpha * (ai * b[bOff + j] + 0.0) + 0.0;
            }
        }
    }
}
