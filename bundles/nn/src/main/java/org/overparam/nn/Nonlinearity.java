package org.overparam.nn;

import org.osgi.annotation.versioning.ConsumerType;
import org.overparam.nn.internal.GaussHermite;
import org.overparam.nn.internal.StandardActivations;

/**
 * An elementwise activation {@code phi} with its first and second derivatives (the R-operator
 * needs {@code phi''}) and, for the infinite-width kernels, the Gaussian expectations
 * {@code E[phi(u) phi(v)]} and {@code E[phi'(u) phi'(v)]} with
 * {@code (u, v) ~ N(0, [[k11, k12], [k12, k22]])}. The default expectations are a 2-D
 * Gauss–Hermite quadrature ({@link #expectations}); activations with a closed form override it.
 * The bulk methods run over flat arrays; implementations override them with faster kernels.
 */
@ConsumerType
public interface Nonlinearity {
    /** {@code max(z, 0)}, kernels by the arc-cosine closed form (Cho and Saul 2009). */
    Nonlinearity RELU = StandardActivations.RELU;
    /** {@code tanh(z)}, kernels by quadrature. */
    Nonlinearity TANH = StandardActivations.TANH;
    /** {@code erf(z)}, kernels by Williams' closed form (1997). */
    Nonlinearity ERF = StandardActivations.ERF;
    /** {@code log(1 + e^z)}, kernels by quadrature. */
    Nonlinearity SOFTPLUS = StandardActivations.SOFTPLUS;

    /** @return the name in experiment files and messages, e.g. {@code relu} */
    String key();

    /**
     * @param z a pre-activation
     * @return {@code phi(z)}
     */
    double value(double z);

    /**
     * @param z a pre-activation
     * @return {@code phi'(z)}
     */
    double first(double z);

    /**
     * @param z a pre-activation
     * @return {@code phi''(z)}
     */
    double second(double z);

    /**
     * @param n entries
     * @param z pre-activations; not modified
     * @param a receives {@code phi(z)}
     */
    default void apply(int n, double[] z, double[] a) {
        for (int i = 0; i < n; i++) {
            a[i] = value(z[i]);
        }
    }

    /**
     * {@code x .*= phi'(z)}.
     *
     * @param n entries
     * @param z pre-activations; not modified
     * @param x updated in place
     */
    default void timesFirst(int n, double[] z, double[] x) {
        for (int i = 0; i < n; i++) {
            x[i] *= first(z[i]);
        }
    }

    /**
     * The R-operator of {@code dz = w .* phi'(z)}: {@code u .* phi'(z) + w .* phi''(z) .* rz},
     * written into u.
     *
     * @param n entries
     * @param z pre-activations; not modified
     * @param w the signal before the derivative; not modified
     * @param rz {@code R{z}}, or {@code null} for zero; not modified
     * @param u {@code R{w}} on entry, the result on exit
     */
    default void rBackward(int n, double[] z, double[] w, double[] rz, double[] u) {
        if (rz == null) {
            timesFirst(n, z, u);
            return;
        }
        for (int i = 0; i < n; i++) {
            u[i] = u[i] * first(z[i]) + w[i] * second(z[i]) * rz[i];
        }
    }

    /**
     * The Gaussian expectations of the kernel recursion (Lee et al. 2018, arXiv 1711.00165;
     * Jacot et al. 2018, arXiv 1806.07572). The default is {@link GaussHermite#DEFAULT}, a
     * tensor-product Gauss–Hermite rule; its error is stated there.
     *
     * @param k11 the variance of u
     * @param k12 the covariance
     * @param k22 the variance of v
     * @param out receives {@code E[phi(u) phi(v)]} at 0 and {@code E[phi'(u) phi'(v)]} at 1
     */
    default void expectations(double k11, double k12, double k22, double[] out) {
        GaussHermite.DEFAULT.expectations(this, k11, k12, k22, out);
    }
}
