package org.overparam.plugin.ntk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.overparam.api.Batch;
import org.overparam.api.ComponentKind;
import org.overparam.api.Config;
import org.overparam.api.Data;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Model;
import org.overparam.api.Task;
import org.overparam.linalg.SymmetricEigen;
import org.overparam.testkit.FakeSnapshot;
import org.overparam.testkit.RecordingSink;

/** {@code bounds}: each formula on hand-picked sizes, the measured rate on an exact geometric curve, the sources of lambda_0. */
class BoundsAnalyzerTest {
    private final BoundsAnalyzer bounds = new BoundsAnalyzer();

    private static FakeSnapshot snapshot(Map<String, Object> config, boolean facts) {
        Model model = Nets.fc(4, 100, 2, 1, false, "relu");
        Batch train = Nets.sphere(20, 4, 1, 81);
        Data data = new Data(train, Nets.data(train).test(), Task.REGRESSION, facts ? Map.of("delta", 0.5) : Map.of(), "t");
        FakeSnapshot s = Nets.snapshot(Nets.point(model, 82), model, data, Config.of(config));
        s.configs.put(ComponentKind.ARCHITECTURE, Config.of(Map.of("width", 100L, "depth", 2L)));
        s.configs.put(ComponentKind.OPTIMIZER, Config.of(Map.of("lr", 0.1)));
        s.names.put(ComponentKind.OPTIMIZER, "gd");
        s.names.put(ComponentKind.LOSS, "squared");
        s.histories.put("ntk.lambda_min", new double[][] {{0, 10}, {0.2, 0.3}});
        s.histories.put("ntk.condition", new double[][] {{0, 10}, {50, 40}});
        return s;
    }

    @Test
    void eachPapersRequirementFromTheRunsSizes() {
        FakeSnapshot s = snapshot(Map.of(), true);
        RecordingSink out = new RecordingSink().acceptingArtifacts();
        bounds.analyze(s, out);
        assertEquals(20, out.get("n"));
        assertEquals(4, out.get("d"));
        assertEquals(2, out.get("depth"));
        assertEquals(100, out.get("width"));
        assertEquals(0.5, out.get("delta"));
        assertEquals(0.2, out.get("lambda_0"));
        assertEquals(50, out.get("kappa_0"));
        assertEquals(0.1, out.get("eta_eff"), 1e-15);
        assertEquals(800, out.get("a_width_required"), 1e-9);
        assertEquals(Math.log(40 / 1e-6), out.get("a_steps_required"), 1e-12);
        assertEquals(24 * Math.log10(20) + 12 * Math.log10(2) + 8 * Math.log10(2), out.get("b_log10_width_required"), 1e-12);
        assertEquals(Math.log10(Math.pow(20, 6) * 4 * 4 * Math.log(1e6)), out.get("b_log10_steps_required"), 1e-12);
        assertEquals(10, out.get("d_width_required"));
        assertEquals(0.98, out.get("e_gd_rate"), 1e-15);
        assertEquals(1 - 1 / Math.sqrt(50), out.get("e_nesterov_rate"), 1e-15);
        assertEquals(Math.log(1e6) / -Math.log(0.98), out.get("e_gd_steps_required"), 1e-9);
        assertEquals(0.98 * 0.98, out.get("ntk_gd_rate"), 1e-15);
        assertFalse(out.scalars.containsKey("measured_rate"), "measured only at the end");
        String table = new String(out.artifacts.get("bounds-step0.md"), StandardCharsets.UTF_8);
        assertTrue(table.contains("| bound | required | this run |"), table);
        assertTrue(table.contains("| D (2210.12001): width m >= 2n/d | 10 | 100 |"), table);
        assertTrue(table.contains("| A (2101.04243): width m ~ n^2 L, up to constants | 800 | 100 |"), table);
        s.step = 10;
        RecordingSink later = new RecordingSink().acceptingArtifacts();
        bounds.analyze(s, later);
        assertEquals(0.2, later.get("lambda_0"), "lambda_0 stays the step-0 value");
        assertTrue(later.artifacts.isEmpty());
    }

    @Test
    void theFinalAnalysisFitsTheLinearRateOfLogLoss() {
        FakeSnapshot s = snapshot(Map.of("eps", 1e-4), true);
        bounds.analyze(s, new RecordingSink().acceptingArtifacts());
        double[] steps = new double[121];
        double[] loss = new double[121];
        for (int t = 0; t < 121; t++) {
            steps[t] = t;
            loss[t] = t <= 100 ? 3 * Math.pow(0.9, t) : 1e-25;
        }
        s.histories.put("train.loss", new double[][] {steps, loss});
        s.step = 120;
        s.isFinal = true;
        RecordingSink out = new RecordingSink().acceptingArtifacts();
        bounds.analyze(s, out);
        assertEquals(Math.log(0.9), out.get("measured_log_rate"), 1e-12);
        assertEquals(0.9, out.get("measured_rate"), 1e-12);
        assertTrue(out.get("measured_log_rate_stderr") < 1e-12);
        assertEquals(1.0, out.get("measured_r_squared"), 1e-12);
        assertEquals(101, out.get("measured_fit_points"), "the plateau below floor x loss_0 is left out");
        assertEquals(Math.ceil(Math.log(3e4) / -Math.log(0.9)), out.get("measured_steps_to_eps"));
        String table = new String(out.artifacts.get("bounds-step120.md"), StandardCharsets.UTF_8);
        assertTrue(table.contains("| E (2107.01832): GD loss factor per step 1 - c/kappa, up to constants | 0.980000 | 0.900000 |"),
                table);
    }

    @Test
    void lambda0IsComputedWhenNoNtkAnalyzerRecordedIt() {
        FakeSnapshot s = snapshot(Map.of("points", 7L), false);
        s.histories.clear();
        s.configs.put(ComponentKind.ARCHITECTURE, Config.empty());
        RecordingSink out = new RecordingSink().acceptingArtifacts();
        bounds.analyze(s, out);
        double[] k = NtkGram.trace(s.model, s.initial, s.data.train().head(7), new int[] {0}, i -> true,
                NtkGram.Path.JACOBIAN, 1L << 26).values();
        double[] e = SymmetricEigen.values(7, k);
        assertEquals(e[0], out.get("lambda_0"), 1e-10 * e[6]);
        assertEquals(e[6] / e[0], out.get("kappa_0"), 1e-6 * e[6] / e[0]);
        assertEquals(2, out.get("depth"), "from the layout");
        assertEquals(100, out.get("width"), "from the layout");
        Batch x = s.data.train();
        assertEquals(NetShape.minDistance(x.inputs(), x.n(), x.inputSize()), out.get("delta"), 0);

        FakeSnapshot strict = snapshot(Map.of("lambda0", "history"), true);
        strict.histories.clear();
        assertEquals("lambda0", assertThrows(InvalidInputException.class, () -> bounds.analyze(strict, new RecordingSink().acceptingArtifacts())).where());
    }

    @Test
    void minimumDistanceOfAKnownSet() {
        double[] x = {0, 0, 3, 4, 0, 1, 10, 10};
        assertEquals(1.0, NetShape.minDistance(x, 4, 2), 0);
        assertTrue(Double.isNaN(NetShape.minDistance(new double[] {1, 2}, 1, 2)));
    }
}
