package org.overparam.linalg.internal;

import dev.ludovic.netlib.blas.BLAS;

/**
 * Pure-Java kernels: for gemm and syrk, netlib's Java BLAS (VectorBLAS with the incubating Vector
 * API) called on cache tiles ({@link Tiles}), with the rows or columns of C shared among Java
 * threads ({@link Parallel}); for the memory-bound dot, axpy, gemv and symv, fixed-order loops
 * ({@link Loops}). Row-major matrices are passed to the column-major BLAS by the transpose
 * identity ({@code C^T = op(B)^T op(A)^T}), as in {@link NativeKernels}.
 *
 * <p>Each element of C is computed by one thread, with the inner dimension always cut at the same
 * tile boundaries: for a given thread count, results are the same run to run.
 */
final class JavaKernels implements Kernels {
    /** Below this many flops a call runs on the caller's thread. */
    private static final long PARALLEL_FLOPS = 1L << 22;
    private final BLAS blas;
    private final Parallel parallel;

    private final boolean vectorGemm;

    JavaKernels(BLAS blas, int threads) {
        this.blas = blas;
        this.parallel = new Parallel(threads);
        this.vectorGemm = vectorApiWorks();
    }

    /** @return whether the JVM has the Vector API (--add-modules jdk.incubator.vector) for {@link VectorGemm} */
    static boolean vectorApiWorks() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return false;
        }
        try {
            double[] c = new double[1];
            VectorGemm.block(false, false, 0, 1, 0, 1, 1, 1.0, new double[] {2}, 0, 1, new double[] {3}, 0, 1, 0.0, c, 0, 1);
            return c[0] == 6;
        } catch (LinkageError e) {
            return false;
        }
    }

    /** @return a short name of the gemm in use, e.g. {@code Vector API gemm} */
    String gemmName() {
        return vectorGemm ? "Vector API gemm" : blas.getClass().getSimpleName() + " tiled";
    }

    @Override
    public void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a, int aOff,
                      int lda, double[] b, int bOff, int ldb, double beta, double[] c, int cOff, int ldc) {
        if (vectorGemm) {
            split(m, n, k, (i0, i1, j0, j1) -> VectorGemm.block(transA, transB, i0, i1, j0, j1, k, alpha,
                    a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc));
            return;
        }
        split(m, n, k, (i0, i1, j0, j1) -> Tiles.forEach(i0, i1, j0, j1, k, (ra, rb, ca, cb, pa, pb) ->
                blas.dgemm(transB ? "T" : "N", transA ? "T" : "N", cb - ca, rb - ra, pb - pa, alpha,
                        b, bOff + (transB ? ca * ldb + pa : pa * ldb + ca), ldb,
                        a, aOff + (transA ? pa * lda + ra : ra * lda + pa), lda,
                        pa == 0 ? beta : 1.0, c, cOff + ra * ldc + ca, ldc)));
    }

    @Override
    public void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int aOff,
                      int lda, float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
        if (vectorGemm) {
            split(m, n, k, (i0, i1, j0, j1) -> VectorSgemm.block(transA, transB, i0, i1, j0, j1, k, alpha,
                    a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc));
            return;
        }
        split(m, n, k, (i0, i1, j0, j1) -> Tiles.forEach(i0, i1, j0, j1, k, (ra, rb, ca, cb, pa, pb) ->
                blas.sgemm(transB ? "T" : "N", transA ? "T" : "N", cb - ca, rb - ra, pb - pa, alpha,
                        b, bOff + (transB ? ca * ldb + pa : pa * ldb + ca), ldb,
                        a, aOff + (transA ? pa * lda + ra : ra * lda + pa), lda,
                        pa == 0 ? beta : 1.0f, c, cOff + ra * ldc + ca, ldc)));
    }

    @Override
    public void dgemv(boolean trans, int m, int n, double alpha, double[] a, int aOff, int lda, double[] x,
                      int xOff, double beta, double[] y, int yOff) {
        int len = trans ? n : m;
        int parts = 2L * m * n < PARALLEL_FLOPS ? 1 : Math.min(parallel.threads(), len);
        parallel.run(parts, p -> {
            int s = Tiles.start(len, parts, p);
            int e = Tiles.start(len, parts, p + 1);
            if (trans) {
                Loops.gemvTransColumns(s, e, m, alpha, a, aOff, lda, x, xOff, beta, y, yOff);
            } else {
                Loops.gemvRows(s, e, n, alpha, a, aOff, lda, x, xOff, beta, y, yOff);
            }
        });
    }

    @Override
    public void dsymv(int n, double alpha, double[] a, int aOff, int lda, double[] x, int xOff, double beta,
                      double[] y, int yOff) {
        Loops.symvLower(n, alpha, a, aOff, lda, x, xOff, beta, y, yOff);
    }

    @Override
    public void dsyrkLower(boolean trans, int n, int k, double alpha, double[] a, int aOff, int lda, double beta,
                           double[] c, int cOff, int ldc) {
        // Row panels of C; panel [i0, i1) computes columns [0, i1): the lower triangle and its
        // diagonal block. Panels are handed to the threads one at a time.
        int panels = Math.max(1, Math.min(Tiles.parts(n, 64), 4 * parallel.threads()));
        if (2L * n * n * k < PARALLEL_FLOPS) {
            panels = 1;
        }
        int count = panels;
        parallel.run(count, p -> {
            // Later panels are wider: split by equal area of the triangle.
            int i0 = (int) Math.round(n * Math.sqrt((double) p / count));
            int i1 = (int) Math.round(n * Math.sqrt((double) (p + 1) / count));
            if (i1 > i0 && vectorGemm) {
                VectorGemm.block(trans, !trans, i0, i1, 0, i1, k, alpha, a, aOff, lda, a, aOff, lda, beta, c, cOff, ldc);
            } else if (i1 > i0) {
                Tiles.forEach(i0, i1, 0, i1, k, (ra, rb, ca, cb, pa, pb) ->
                        blas.dgemm(trans ? "N" : "T", trans ? "T" : "N", cb - ca, rb - ra, pb - pa, alpha,
                                a, aOff + (trans ? pa * lda + ca : ca * lda + pa), lda,
                                a, aOff + (trans ? pa * lda + ra : ra * lda + pa), lda,
                                pa == 0 ? beta : 1.0, c, cOff + ra * ldc + ca, ldc));
            }
        });
    }

    @Override
    public double ddot(int n, double[] x, int xOff, double[] y, int yOff) {
        return Loops.dot(n, x, xOff, y, yOff);
    }

    @Override
    public void daxpy(int n, double alpha, double[] x, int xOff, double[] y, int yOff) {
        Loops.axpy(n, alpha, x, xOff, y, yOff);
    }

    /** The block of C one thread computes: rows [i0, i1), columns [j0, j1). */
    @FunctionalInterface
    private interface Block {
        void run(int i0, int i1, int j0, int j1);
    }

    /** Splits C into one block per thread, along its longer side. */
    private void split(int m, int n, int k, Block block) {
        int threads = parallel.threads();
        if (2.0 * m * n * k < PARALLEL_FLOPS || threads == 1) {
            block.run(0, m, 0, n);
        } else if (m >= n) {
            int parts = Math.min(threads, m);
            parallel.run(parts, p -> block.run(Tiles.start(m, parts, p), Tiles.start(m, parts, p + 1), 0, n));
        } else {
            int parts = Math.min(threads, n);
            parallel.run(parts, p -> block.run(0, m, Tiles.start(n, parts, p), Tiles.start(n, parts, p + 1)));
        }
    }
}
