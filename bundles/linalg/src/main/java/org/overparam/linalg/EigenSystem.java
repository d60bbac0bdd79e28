package org.overparam.linalg;

/**
 * Eigenvalues of a symmetric n x n matrix, and optionally their eigenvectors.
 *
 * @param n the matrix's order
 * @param values the m eigenvalues, in the order the producing method states
 * @param vectors {@code m x n} row-major, row i the unit eigenvector of {@code values[i]}; or
 *     {@code null} when vectors were not asked for
 */
public record EigenSystem(int n, double[] values, double[] vectors) {
    /** @return the number of eigenvalues m */
    public int count() {
        return values.length;
    }

    /** @return whether eigenvectors are present */
    public boolean hasVectors() {
        return vectors != null;
    }

    /**
     * @param i an index below {@link #count()}
     * @return a copy of the i-th eigenvector
     * @throws IllegalStateException if vectors were not computed
     */
    public double[] vector(int i) {
        if (vectors == null) {
            throw new IllegalStateException("eigenvectors were not computed");
        }
        return java.util.Arrays.copyOfRange(vectors, i * n, (i + 1) * n);
    }
}
