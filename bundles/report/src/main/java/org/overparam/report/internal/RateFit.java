package org.overparam.report.internal;

/**
 * The straight line through the log of a decaying loss: {@code ln F(t) ~ intercept + slope t} over a
 * window of steps, so the loss shrinks by the rate {@code exp(slope)} per step (linear convergence,
 * arXiv 1811.03962 check B1). Either the slope is given (the {@code dynamics} analyzer's
 * {@code log_rate}) and only the intercept is fitted, or both are fitted by least squares.
 *
 * @param from the first step of the window
 * @param to the last step of the window
 * @param slope the slope of {@code ln F} per step
 * @param intercept {@code ln F} extrapolated to step 0
 * @param points the number of points in the window
 */
record RateFit(long from, long to, double slope, double intercept, int points) {

    /** @return the rate per step, {@code exp(slope)} */
    double rate() {
        return Math.exp(slope);
    }

    /**
     * @param step a step
     * @return the fitted loss there
     */
    double at(double step) {
        return Math.exp(intercept + slope * step);
    }

    /**
     * Least-squares fit of {@code ln F} on the step over the last {@code window} points that are
     * finite and above zero.
     *
     * @param loss the loss curve
     * @param window the number of latest points; 0 or more than there are = all
     * @param slope the slope to use, or NaN to fit it too
     * @return the fit, or {@code null} with fewer than 2 usable points (3 when fitting the slope)
     */
    static RateFit of(Curve loss, int window, double slope) {
        Curve c = loss.positive();
        int n = c.size();
        int k = window <= 0 || window > n ? n : window;
        if (k < (Double.isNaN(slope) ? 3 : 2)) {
            return null;
        }
        int start = n - k;
        double mt = 0;
        double my = 0;
        for (int i = start; i < n; i++) {
            mt += c.steps()[i];
            my += Math.log(c.values()[i]);
        }
        mt /= k;
        my /= k;
        double s = slope;
        if (Double.isNaN(s)) {
            double stt = 0;
            double sty = 0;
            for (int i = start; i < n; i++) {
                double dt = c.steps()[i] - mt;
                stt += dt * dt;
                sty += dt * (Math.log(c.values()[i]) - my);
            }
            if (stt == 0) {
                return null;
            }
            s = sty / stt;
        }
        return new RateFit(c.steps()[start], c.steps()[n - 1], s, my - s * mt, k);
    }
}
