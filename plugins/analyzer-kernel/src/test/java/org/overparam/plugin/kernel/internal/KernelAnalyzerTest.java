package org.overparam.plugin.kernel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.overparam.api.Batch;
import org.overparam.api.BlockScale;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Model;
import org.overparam.api.Params;
import org.overparam.api.RandomStream;
import org.overparam.api.Scaling;
import org.overparam.api.Shape;
import org.overparam.nn.Layers;
import org.overparam.nn.Network;
import org.overparam.nn.Parameterization;

/** The empirical NTK against closed forms, the parameterization read from multipliers, the prediction. */
class KernelAnalyzerTest {

    private static Scaling ntk(Network net) {
        List<BlockScale> s = new ArrayList<>();
        net.layout().blocks().forEach(b -> s.add(BlockScale.of(1 / Math.sqrt(b.fanIn()))));
        return new Scaling(net.layout(), s);
    }

    private static Params raw(Model model, long seed) {
        RandomStream r = RandomStream.of(seed);
        Params p = Params.zeros(model.layout());
        for (int b = 0; b < model.layout().count(); b++) {
            r.fillGaussian(p.block(b), 1.0);
        }
        return p;
    }

    private static Batch batch(int n, int d, long seed) {
        double[] x = new double[n * d];
        RandomStream.of(seed).fillGaussian(x, 1.0);
        return new Batch(Shape.of(d), n, x, 1, new double[n], null);
    }

    /** @return ||emp - inf||_F / ||inf||_F for a ReLU net of one hidden layer of width m */
    private static double distance(int m, long seed) {
        Network net = Network.of(Shape.of(6), Layers.dense(m), Layers.relu(), Layers.dense(1));
        Batch b = batch(8, 6, 1);
        Model model = ntk(net).wrap(net);
        boolean[] all = new boolean[net.layout().count()];
        Arrays.fill(all, true);
        double[] emp = EmpiricalGram.of(model, raw(net, seed), b, all);
        double[] inf = net.kernels(8, b.inputs(), Parameterization.NTK).ntk();
        double d = 0;
        double s = 0;
        for (int i = 0; i < inf.length; i++) {
            d += (emp[i] - inf[i]) * (emp[i] - inf[i]);
            s += inf[i] * inf[i];
        }
        return Math.sqrt(d / s);
    }

    @Test
    void aLinearNetsEmpiricalNtkIsItsClosedFormAtAnyInitialization() {
        Network net = Network.of(Shape.of(5), Layers.dense(1));
        Batch b = batch(4, 5, 2);
        double[] emp = EmpiricalGram.of(ntk(net).wrap(net), raw(net, 3), b, new boolean[] {true});
        double[] inf = net.kernels(4, b.inputs(), Parameterization.NTK).ntk();
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                double dot = 0;
                for (int c = 0; c < 5; c++) {
                    dot += b.inputs()[i * 5 + c] * b.inputs()[j * 5 + c];
                }
                assertEquals(dot / 5, inf[i * 4 + j], 1e-14 * Math.abs(dot));
                assertEquals(dot / 5, emp[i * 4 + j], 1e-14 * Math.abs(dot));
            }
        }
    }

    @Test
    void theDistanceToTheArcCosineNtkFallsWithTheWidth() {
        double wide = 0;
        double narrow = 0;
        for (long seed = 1; seed <= 4; seed++) {
            wide += distance(4096, seed) / 4;
            narrow += distance(64, seed) / 4;
        }
        assertTrue(wide < 0.06, "distance at 4096: " + wide);
        assertTrue(narrow / wide > 4 && narrow / wide < 16, narrow + " / " + wide + " (8 expected for m^-1/2)");
    }

    @Test
    void theParameterizationIsReadFromTheMultipliers() {
        Network net = Network.of(Shape.of(5), Layers.dense(3), Layers.relu(), Layers.dense(1));
        assertEquals(Parameterization.NTK, Inferred.of(ntk(net)));
        assertEquals(Parameterization.STANDARD, Inferred.of(Scaling.identity(net.layout())));
        Scaling odd = new Scaling(net.layout(), List.of(BlockScale.of(1 / Math.sqrt(5)), BlockScale.of(0.5)));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Inferred.of(odd));
        assertTrue(e.getMessage().startsWith("block 2.weight has the multiplier 0.5 (fan-in 3); the analytic kernel "
                + "knows the NTK parameterization"), e.getMessage());
    }

    @Test
    void thePredictionStartsAtTheLossAndFollowsEachMode() {
        double[] theta = {2, 0, 0, 0.5};
        double[] residual = {1, -2};
        LinearizedPrediction lin = new LinearizedPrediction(2, 1, theta, residual, 0.5, 0.1);
        assertEquals(0.5 * 5, lin.loss(0), 1e-15);
        assertEquals(0.5 * (Math.pow(0.8, 6) + 4 * Math.pow(0.95, 6)), lin.loss(3), 1e-15);
        assertEquals(0.1, lin.etaEff(), 1e-16);
    }

    @Test
    void aLayerWithoutKernelMapIsRefusedNamingIt() {
        Network net = Network.of(Shape.of(4), Layers.reshape(2, 2), Layers.flatten(), Layers.dense(1));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new KernelAnalyzer().adjustments(
                org.overparam.api.Config.empty(), net, new org.overparam.api.DataSize(4, 0, Shape.of(4), 1, false)));
        assertEquals("layer 0 has no infinite-width kernel map; the analytic kernel needs one in every layer",
                e.getMessage());
    }
}
