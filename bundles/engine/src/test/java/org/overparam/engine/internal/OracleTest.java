package org.overparam.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.overparam.api.ComponentKind;
import org.overparam.api.Batch;
import org.overparam.api.Config;
import org.overparam.api.Loss;
import org.overparam.api.LossScale;
import org.overparam.api.Params;
import org.overparam.api.run.RunSpec;
import org.overparam.engine.internal.loop.Oracle;
import org.overparam.engine.internal.loop.Prepared;
import org.overparam.engine.internal.registry.Bindings;
import org.overparam.engine.internal.registry.ComponentTable;

/** The oracle's gradient and Hessian-vector product against central differences, frozen blocks, counting. */
class OracleTest {
    private static final Loss SQUARED = new FakeComponents.Squared();

    private static Oracle oracle(Prepared p, RunSpec spec) {
        return new Oracle(p.data().train(), p.trainable(), p::model, () -> SQUARED, spec.component(ComponentKind.LOSS),
                spec.component(ComponentKind.ARCHITECTURE));
    }

    private static Prepared prepare(RunSpec spec) {
        ComponentTable registry = TestRegistry.standard();
        return RunSetup.prepare(registry, new Bindings(registry, 0, null), spec);
    }

    @Test
    void theLossScaleIsTheLossOwnAnswerForItsParameters() {
        RunSpec spec = Specs.base().build();
        Prepared p = prepare(spec);
        Config lossConfig = spec.component(ComponentKind.LOSS).config();
        Loss crossEntropyLike = new Loss() {
            @Override
            public Class<? extends java.lang.annotation.Annotation> configType() {
                return SQUARED.configType();
            }

            @Override
            public double evaluate(Config config, Batch batch, double[] outputs, double[] dOutputs) {
                return SQUARED.evaluate(config, batch, outputs, dOutputs);
            }

            @Override
            public void hessianVector(Config config, Batch batch, double[] outputs, double[] direction, double[] result) {
                SQUARED.hessianVector(config, batch, outputs, direction, result);
            }

            @Override
            public LossScale scale(Config config) {
                return new LossScale(config == lossConfig ? 1.0 : -1.0, true);
            }
        };
        Oracle o = new Oracle(p.data().train(), p.trainable(), p::model, () -> crossEntropyLike,
                spec.component(ComponentKind.LOSS), spec.component(ComponentKind.ARCHITECTURE));
        assertEquals(new LossScale(1.0, true), o.lossScale(), "the loss's answer for the run's loss parameters");
        assertEquals(new LossScale(0.5, false), LossScale.declared(lossConfig), "not what its strings would declare");
    }

    @Test
    void gradientMatchesCentralDifferencesThroughTheMultipliers() {
        RunSpec spec = Specs.base().with(ComponentKind.ARCHITECTURE, "linear", Map.of("width", 3L))
                .with(ComponentKind.DATASET, "tiny", Map.of("n", 5L)).build();
        Prepared p = prepare(spec);
        Oracle o = oracle(p, spec);
        Params x = p.params();
        Params g = x.zerosLike();
        double loss = o.gradient(x, null, g);
        assertEquals(loss, o.loss(x, null), 0.0);
        double h = 1e-6;
        for (int b = 0; b < x.layout().count(); b++) {
            for (int j = 0; j < x.block(b).length; j++) {
                double keep = x.block(b)[j];
                x.block(b)[j] = keep + h;
                double up = o.loss(x, null);
                x.block(b)[j] = keep - h;
                double down = o.loss(x, null);
                x.block(b)[j] = keep;
                assertEquals((up - down) / (2 * h), g.block(b)[j], 1e-7, "block " + b + " index " + j);
            }
        }
        assertEquals(5, o.sampleGradients());
        o.gradient(x, new int[] {0, 2}, g);
        assertEquals(7, o.sampleGradients(), "a subset counts its rows");
    }

    @Test
    void frozenBlocksGetZeroGradientAndHessianProduct() {
        RunSpec spec = Specs.base().freeze("b").build();
        Prepared p = prepare(spec);
        Oracle o = oracle(p, spec);
        Params g = p.params().zerosLike();
        o.gradient(p.params(), null, g);
        assertEquals(0.0, g.block("b")[0], 0.0);
        Params v = p.params().zerosLike();
        v.block("b")[0] = 1;
        Params hv = p.params().zerosLike();
        o.hessianVector(p.params(), null, v, hv);
        assertEquals(0.0, hv.norm(), 0.0, "H restricted to the trainable blocks annihilates a direction in b");
    }

    @Test
    void hessianVectorMatchesDifferenceOfGradients() {
        RunSpec spec = Specs.base().build();
        Prepared p = prepare(spec);
        Oracle o = oracle(p, spec);
        Params x = p.params();
        Params v = x.zerosLike();
        v.block("W")[1] = 1;
        v.block("b")[0] = -0.5;
        Params hv = x.zerosLike();
        o.hessianVector(x, null, v, hv);
        double h = 1e-5;
        Params gp = x.zerosLike();
        Params gm = x.zerosLike();
        o.gradient(x.copy().axpy(h, v), null, gp);
        o.gradient(x.copy().axpy(-h, v), null, gm);
        Params fd = gp.axpy(-1, gm).scale(0.5 / h);
        assertEquals(0.0, fd.axpy(-1, hv).norm(), 1e-6 * Math.max(1, hv.norm()));
    }
}
