package org.overparam.sdk.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.overparam.api.ComponentKind;

/** The experiment text: defaults, replacements, lists, and numbers YAML 1.1 reads as numbers. */
class TinyExperimentTest {
    @Test
    void defaultsAsText() {
        assertEquals("""
                name: tiny
                seed: 1
                dataset: {name: 'sphere', d: 4, n: 8}
                architecture: {name: 'fc', depth: 1, width: 64}
                initializer: {name: 'ntk'}
                loss: {name: 'squared'}
                optimizer: {name: 'gd', lr: 0.2}
                schedule: {name: 'constant'}
                stop: {maxSteps: 50, targetLoss: 0.0}
                """, TinyExperiment.defaults().yaml());
    }

    @Test
    void replacementsAnalyzersConstraintsAndValues() {
        String y = TinyExperiment.defaults().name("x").seed(7).steps(200).targetLoss(1e-7)
                .with(ComponentKind.OPTIMIZER, "adagrad", Map.of("lr", 1.5e20, "eps", 1e-8, "tag", "it's", "on", true))
                .with(ComponentKind.ANALYZER, "ntk", Map.of("every", 10, "sizes", List.of(1, 2)))
                .with(ComponentKind.CONSTRAINT, "ball", Map.of("radius", new double[] {0.5}))
                .yaml();
        assertEquals("""
                name: x
                seed: 7
                dataset: {name: 'sphere', d: 4, n: 8}
                architecture: {name: 'fc', depth: 1, width: 64}
                initializer: {name: 'ntk'}
                loss: {name: 'squared'}
                optimizer: {name: 'adagrad', eps: 1.0e-8, lr: 1.5e+20, on: true, tag: 'it''s'}
                schedule: {name: 'constant'}
                analyzers:
                  - {name: 'ntk', every: 10, sizes: [1, 2]}
                constraints:
                  - {name: 'ball', radius: [0.5]}
                stop: {maxSteps: 200, targetLoss: 1.0e-7}
                """, y);
    }

    @Test
    void badNamesAndBudgetsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> TinyExperiment.defaults().steps(0));
        assertThrows(IllegalArgumentException.class, () -> TinyExperiment.defaults().name("a b"));
    }
}
