package org.overparam.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.overparam.api.ComponentKind;
import org.overparam.api.Config;
import org.overparam.api.Data;
import org.overparam.api.Dataset;
import org.overparam.api.RandomStream;
import org.overparam.engine.internal.registry.ComponentTable;

/** The work estimate of a parallel sweep's ordering: parameters x maxSteps, from the spec alone. */
class RunCostTest {
    @Test
    void costIsTheModelsParameterCountTimesTheStepBudget() {
        // tiny data: inputs in R^3, 1 output; linear model of width 5: W 5x3 and b 1 = 16 parameters.
        OptionalDouble cost = RunCost.of(TestRegistry.standard(), Specs.base()
                .with(ComponentKind.ARCHITECTURE, "linear", Map.of("width", 5L)).stop(250, 0).build());
        assertEquals(OptionalDouble.of(16.0 * 250), cost);
        OptionalDouble tied = RunCost.of(TestRegistry.standard(), Specs.base()
                .with(ComponentKind.ARCHITECTURE, "linear", Map.of("width", 5L, "gate", true)).stop(250, 0).build());
        assertEquals(OptionalDouble.of(31.0 * 250), tied, "a tied block counts like any other");
    }

    @Test
    void noEstimateWhenTheDataSetTellsItsSizesOnlyByLoading() {
        ComponentTable registry = TestRegistry.standard();
        new TestRegistry(registry).add(ComponentKind.DATASET, "unsized", new Dataset() {
            @Override
            public Class<FakeComponents.Tiny.Config> configType() {
                return FakeComponents.Tiny.Config.class;
            }

            @Override
            public Data load(Config config, RandomStream random) {
                throw new AssertionError("the estimate must not load data");
            }
        });
        assertEquals(OptionalDouble.empty(), RunCost.of(registry,
                Specs.base().with(ComponentKind.DATASET, "unsized", Map.of()).build()));
    }

    @Test
    void noEstimateForAMissingOrRefusingComponent() {
        assertEquals(OptionalDouble.empty(), RunCost.of(TestRegistry.standard(),
                Specs.base().with(ComponentKind.ARCHITECTURE, "absent", Map.of()).build()));
        assertEquals(OptionalDouble.empty(), RunCost.of(TestRegistry.standard(),
                Specs.base().with(ComponentKind.ARCHITECTURE, "linear", Map.of("width", 0L)).build()),
                "width 0 is refused by build; the run reports it, not the estimate");
    }
}
