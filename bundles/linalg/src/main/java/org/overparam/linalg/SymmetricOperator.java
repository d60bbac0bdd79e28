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
     * @param a an n x n symmetric row-major matrix; not copied, not modified
     * @param n its order
     * @return the operator {@code x -> A x}, one gemv per application
     */
    static SymmetricOperator of(double[] a, int n) {
        return (x, y) -> Linalg.gemv(false, n, n, 1.0, a, x, 0.0, y);
    }
}
