package org.overparam.linalg;

/**
 * A symmetric linear map given only by its action, e.g. a Hessian through Hessian-vector products
 * or an NTK Gram through Jacobian products: what {@link Lanczos} needs, without forming the matrix.
 */
@FunctionalInterface
public interface SymmetricOperator {
    /**
     * Computes {@code y = A x}.
     *
     * @param x the vector (n entries); must not be modified
     * @param y receives {@code A x} (n entries, overwritten)
     */
    void apply(double[] x, double[] y);

    /**
     * @param a an n x n symmetric row-major matrix (only its lower triangle is read); not copied,
     *     not modified
     * @param n its order
     * @return the operator {@code x -> A x}, one {@link Linalg#symv} per application
     */
    static SymmetricOperator of(double[] a, int n) {
        return (x, y) -> Linalg.symv(n, 1.0, a, 0, n, x, 0, 0.0, y, 0);
    }
}
