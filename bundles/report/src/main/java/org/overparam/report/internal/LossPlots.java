package org.overparam.report.internal;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.overparam.api.Optimizer;

/**
 * The training loss on a log axis with the fitted linear rate: a straight line on this axis is
 * linear convergence, {@code F(t) ~ F(0) r^t} (arXiv 1811.03962, check B1; arXiv 2101.04243, A1).
 * The fit uses the {@code dynamics} analyzer's {@code log_rate} over its {@code rateWindow} when
 * the run has it, otherwise a least-squares fit over the last half of the run. The test loss of
 * {@code dynamics} is drawn beside it when recorded.
 */
final class LossPlots {
    static final String LOSS = Optimizer.TRAIN_LOSS;

    private LossPlots() {
    }

    /**
     * @param run the run
     * @param w where plots go
     * @param claimed metric names shown here are added
     * @return the loss plot, or nothing without {@code train.loss}
     */
    static List<Plot> write(RunData run, PlotWriter w, Set<String> claimed) {
        Curve loss = run.metrics().get(LOSS);
        if (loss == null || loss.positive().size() == 0) {
            return List.of();
        }
        claimed.add(LOSS);
        List<Curve> tests = new ArrayList<>();
        String fitSource = "least squares over the last half of the run";
        RateFit fit = null;
        for (String label : run.labelsOf("dynamics")) {
            claimed.add(label + ".train_loss");
            Curve test = run.metrics().get(label + ".test_loss");
            if (test != null) {
                tests.add(test);
                claimed.add(test.name());
            }
            double slope = run.metrics().last(label + ".log_rate");
            if (fit == null && Double.isFinite(slope)) {
                int window = run.analyzer(label).path("rateWindow").asInt(100);
                fit = RateFit.of(loss, window, slope);
                fitSource = label + ".log_rate over the last " + (window == 0 ? "all" : window) + " steps";
            }
        }
        if (fit == null) {
            fit = RateFit.of(loss, (loss.positive().size() + 1) / 2, Double.NaN);
        }
        List<Curve> predicted = new ArrayList<>();
        for (String label : run.labelsOf("linearized")) {
            Curve p = predictedLoss(run, label + ".predicted_loss");
            if (p != null) {
                predicted.add(p);
                claimed.add(label + ".predicted_loss");
            }
        }
        RateFit f = fit;
        String source = fitSource;
        String caption = "Training loss per step on a log axis; a straight line is linear convergence. "
                + (predicted.isEmpty() ? "" : "Dashed orange: the loss the network linearized at initialization "
                + "predicts (the linearized analyzer), over the measured one. ")
                + (f == null ? "Too few positive values for a rate fit."
                : "Dashed, over the whole run: ln F = a + b t fitted on steps " + f.from() + "-" + f.to() + " (" + source
                + "): the loss shrinks by the rate exp(b) = " + Format.precise(f.rate()) + " per step.");
        return List.of(w.write("loss", "Training loss", caption, max -> {
            XYChart c = Charts.xy("Training loss", "step (iterations)", "loss (log scale)", false, true);
            Charts.line(c, LOSS, loss.x(), loss.values(), max, true);
            for (Curve t : tests) {
                Charts.line(c, t.name(), t.x(), t.values(), max, true);
            }
            for (Curve p : predicted) {
                XYSeries s = Charts.line(c, p.name() + " (NTK-linearized prediction)", p.x(), p.values(), max, true);
                if (s != null) {
                    Charts.stroke(c, s, new Color(0xff7f0e), true);
                }
            }
            if (f != null) {
                double[] x = {loss.steps()[0], f.to()};
                double[] y = {f.at(x[0]), f.at(f.to())};
                XYSeries s = Charts.line(c, "fit: rate " + Format.precise(f.rate()) + "/step", x, y, max, true);
                if (s != null) {
                    Charts.stroke(c, s, Color.BLACK, true);
                    s.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
                }
            }
            return c;
        }));
    }

    /**
     * @param run the run
     * @param metric the linearized analyzer's {@code <label>.predicted_loss}
     * @return its prediction over steps: the last recorded series of that name (every step up to the
     *     end), else the scalar at its analysis steps; {@code null} when there is neither
     */
    static Curve predictedLoss(RunData run, String metric) {
        List<SeriesFile> files = run.series(metric);
        if (!files.isEmpty() && files.get(files.size() - 1).isSeries()) {
            double[][] xy = files.get(files.size() - 1).xy();
            long[] steps = new long[xy[0].length];
            for (int i = 0; i < steps.length; i++) {
                steps[i] = Math.round(xy[0][i]);
            }
            return new Curve(metric, steps, xy[1]);
        }
        Curve c = run.metrics().get(metric);
        return c == null || c.positive().size() == 0 ? null : c;
    }
}
