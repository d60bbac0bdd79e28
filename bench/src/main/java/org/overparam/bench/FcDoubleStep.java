package org.overparam.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.overparam.api.Batch;
import org.overparam.api.Config;
import org.overparam.api.Forward;
import org.overparam.api.Model;
import org.overparam.api.Params;
import org.overparam.api.Shape;
import org.overparam.plugin.fc.internal.FullyConnected;

/**
 * One full-batch gradient-descent step in double precision through the real {@code fc} plugin's
 * Model: forward, squared loss {@code 1/2 sum (f - y)^2} and its derivative, backward, and the
 * update {@code W -= lr grad}. This is the work an optimizer's step does through the gradient
 * oracle, without the engine's bookkeeping.
 */
final class FcDoubleStep {
    private final Model model;
    private final Batch batch;
    private final Params params;
    private final Params gradient;
    private final double[] dOut;

    FcDoubleStep(Path dir) throws IOException {
        model = new FullyConnected().build(Config.of(Map.of("width", (long) Workload.M, "depth", (long) Workload.L)),
                Shape.of(Workload.D), 1);
        batch = new Batch(Shape.of(Workload.D), Workload.N, Npy.read(dir.resolve("X.npy")), 1,
                Npy.read(dir.resolve("y.npy")), null);
        double[][] blocks = new double[Workload.L + 1][];
        for (int l = 0; l <= Workload.L; l++) {
            blocks[l] = Npy.read(dir.resolve("W" + (l + 1) + ".npy"));
        }
        params = Params.wrap(model.layout(), blocks);
        gradient = params.zerosLike();
        dOut = new double[Workload.N];
    }

    /** @return the loss at the step's starting point */
    double step() {
        Forward f = model.forward(params, batch);
        double[] out = f.output();
        double[] y = batch.targets();
        double loss = 0;
        for (int i = 0; i < out.length; i++) {
            double e = out[i] - y[i];
            dOut[i] = e;
            loss += 0.5 * e * e;
        }
        model.backward(f, dOut, gradient);
        params.axpy(-Workload.LR, gradient);
        return loss;
    }
}
