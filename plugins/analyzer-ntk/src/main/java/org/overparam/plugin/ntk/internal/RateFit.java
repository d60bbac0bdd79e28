package org.overparam.plugin.ntk.internal;

import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * The linear rate of a loss curve on a log scale: the least-squares line
 * {@code log F_t = a + b t} (Commons Math {@link SimpleRegression}) over the recorded steps, with
 * the slope's standard error. {@code exp(b)} is the loss's factor per step; linear convergence
 * (arXiv 1811.03962, 2101.04243) shows as a good fit with {@code b < 0}.
 *
 * @param slope b, the change of log F per step
 * @param slopeStdErr its standard error (NaN with fewer than three points)
 * @param rSquared the fit's coefficient of determination
 * @param points the number of points fitted
 */
record RateFit(double slope, double slopeStdErr, double rSquared, int points) {

    /** @return {@code exp(slope)}, the loss's factor per step */
    double rate() {
        return Math.exp(slope);
    }

    /**
     * @param steps the steps of the loss history
     * @param losses the losses, as many as steps
     * @param fromStep the first step fitted
     * @param floor losses at or below this are left out (rounding noise near zero)
     * @return the fit; NaN fields with fewer than two usable points
     */
    static RateFit of(double[] steps, double[] losses, long fromStep, double floor) {
        SimpleRegression r = new SimpleRegression();
        for (int i = 0; i < steps.length; i++) {
            double f = losses[i];
            if (steps[i] >= fromStep && Double.isFinite(f) && f > floor && f > 0) {
                r.addData(steps[i], Math.log(f));
            }
        }
        int count = (int) r.getN();
        if (count < 2) {
            return new RateFit(Double.NaN, Double.NaN, Double.NaN, count);
        }
        return new RateFit(r.getSlope(), count < 3 ? Double.NaN : r.getSlopeStdErr(), r.getRSquare(), count);
    }

    /**
     * @param steps the steps of the loss history
     * @param losses the losses
     * @param eps the target
     * @return the first step whose loss is at most eps, or NaN
     */
    static double stepsTo(double[] steps, double[] losses, double eps) {
        for (int i = 0; i < steps.length; i++) {
            if (losses[i] <= eps) {
                return steps[i];
            }
        }
        return Double.NaN;
    }
}
