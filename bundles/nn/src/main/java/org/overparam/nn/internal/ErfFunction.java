package org.overparam.nn.internal;

/**
 * The error function {@code erf(x) = (2 / sqrt(pi)) int_0^x e^(-t^2) dt} by the series of positive
 * terms {@code erf(x) = (2 / sqrt(pi)) e^(-x^2) sum_n 2^n x^(2n+1) / (1 3 5 ... (2n+1))}
 * (Abramowitz and Stegun 7.1.6): no cancellation, a few ulp of error; {@code |x| >= 6} gives
 * {@code +-1} ({@code erfc(6) < 3e-17}).
 */
final class ErfFunction {
    private ErfFunction() {
    }

    /**
     * @param x the argument
     * @return erf(x)
     */
    static double erf(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        double a = Math.abs(x);
        if (a >= 6) {
            return Math.signum(x);
        }
        double x2 = 2 * a * a;
        double term = a;
        double sum = a;
        for (int n = 1; n < 400; n++) {
            term *= x2 / (2 * n + 1);
            sum += term;
            if (term < 1e-17 * sum) {
                break;
            }
        }
        double r = 2 / Math.sqrt(Math.PI) * Math.exp(-a * a) * sum;
        return x < 0 ? -r : r;
    }
}
