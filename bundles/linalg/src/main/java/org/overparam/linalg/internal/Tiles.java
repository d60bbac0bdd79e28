package org.overparam.linalg.internal;

/**
 * Cache tiles for the pure-Java gemm when the JVM lacks the Vector API (then netlib's plain Java
 * BLAS runs; with it, {@link VectorGemm} does its own blocking). netlib's Java dgemm packs its operands in blocks of at
 * most 1000 x 500 but computes {@code m * n * k} in an int: above about 1290^3 the product
 * overflows and it silently takes its unblocked path, ten times slower (the "collapse above
 * n ~ 1500"). Calling it on tiles of at most {@value #ROWS} x {@value #COLS} x {@value #DEPTH}
 * (row-major rows x columns x inner) keeps every call on its packed path and the packed panels
 * in cache, at any size. Tiles split each dimension into equal parts.
 */
final class Tiles {
    /** Rows of C per tile (netlib's column block after the operand swap). */
    static final int ROWS = 1000;
    /** Columns of C per tile. */
    static final int COLS = 2048;
    /** Inner dimension per tile. */
    static final int DEPTH = 500;

    private Tiles() {
    }

    /** Visits one tile: rows [i0, i1) and columns [j0, j1) of C, inner range [p0, p1). */
    @FunctionalInterface
    interface Body {
        void tile(int i0, int i1, int j0, int j1, int p0, int p1);
    }

    /** @return the number of equal parts of at most {@code max} in {@code size} */
    static int parts(int size, int max) {
        return (size + max - 1) / max;
    }

    /** @return the start of part {@code p} of {@code parts} equal parts of {@code size} */
    static int start(int size, int parts, int p) {
        return (int) ((long) size * p / parts);
    }

    /** Visits the tiles of rows [i0, i1), columns [j0, j1) and inner [0, k), k-tiles innermost per row block. */
    static void forEach(int i0, int i1, int j0, int j1, int k, Body body) {
        int rowParts = parts(i1 - i0, ROWS);
        int colParts = parts(j1 - j0, COLS);
        int depthParts = parts(k, DEPTH);
        for (int r = 0; r < rowParts; r++) {
            int ra = i0 + start(i1 - i0, rowParts, r);
            int rb = i0 + start(i1 - i0, rowParts, r + 1);
            for (int d = 0; d < depthParts; d++) {
                int pa = start(k, depthParts, d);
                int pb = start(k, depthParts, d + 1);
                for (int c = 0; c < colParts; c++) {
                    body.tile(ra, rb, j0 + start(j1 - j0, colParts, c), j0 + start(j1 - j0, colParts, c + 1), pa, pb);
                }
            }
        }
    }
}
