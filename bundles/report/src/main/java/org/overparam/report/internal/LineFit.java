package org.overparam.report.internal;

/**
 * The least-squares line {@code y ~ intercept + slope x} through points, with its coefficient of
 * determination {@code R^2 = 1 - SS_res / SS_tot} (1 for a perfect line; 1 also when every y is the
 * same and the line fits them exactly). Reproduction checks fit {@code ln F} on the step (linear
 * convergence) and {@code ln y} on {@code ln x} (a power law's exponent).
 *
 * @param slope the slope
 * @param intercept y at x = 0
 * @param r2 the coefficient of determination
 * @param points the number of points fitted
 */
record LineFit(double slope, double intercept, double r2, int points) {

    /**
     * @param x the abscissae
     * @param y the ordinates, as many
     * @return the fit, or {@code null} with fewer than 2 points or all x equal
     */
    static LineFit of(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException(x.length + " abscissae for " + y.length + " ordinates");
        }
        int n = x.length;
        if (n < 2) {
            return null;
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
            syy += (y[i] - my) * (y[i] - my);
        }
        if (sxx == 0) {
            return null;
        }
        double slope = sxy / sxx;
        double res = 0;
        for (int i = 0; i < n; i++) {
            double e = y[i] - (my + slope * (x[i] - mx));
            res += e * e;
        }
        double r2 = syy == 0 ? (res == 0 ? 1 : 0) : 1 - res / syy;
        return new LineFit(slope, my - slope * mx, r2, n);
    }

    /**
     * @param x the abscissae, above zero
     * @param y the ordinates, above zero
     * @return the fit of {@code ln y} on {@code ln x} (slope = the power law's exponent), or {@code null}
     */
    static LineFit logLog(double[] x, double[] y) {
        double[] lx = new double[x.length];
        double[] ly = new double[y.length];
        for (int i = 0; i < x.length; i++) {
            lx[i] = Math.log(x[i]);
            ly[i] = Math.log(y[i]);
        }
        return of(lx, ly);
    }
}
