package org.overparam.plugin.gd.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.overparam.api.Config;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.ParamSpec;

/** The schedules' factors at chosen steps, against their closed forms. */
class ScheduleTest {
    @Test
    void stepDecaysByGammaEveryKSteps() {
        StepSchedule s = new StepSchedule();
        Config c = Config.of(Map.of("gamma", 0.5, "every", 10L));
        assertEquals(1.0, s.factor(c, 0, 100), 0);
        assertEquals(1.0, s.factor(c, 9, 100), 0);
        assertEquals(0.5, s.factor(c, 10, 100), 0);
        assertEquals(0.125, s.factor(c, 39, 100), 0);
        assertEquals(Math.pow(0.1, 3), s.factor(Config.empty(), 3000, 5000), 0, "defaults: 0.1 every 1000");
        ParamSpec every = ParamSpec.of(StepSchedule.Settings.class).stream().filter(p -> p.name().equals("every")).findFirst().orElseThrow();
        assertEquals("value 0 is out of range [1, inf)", assertThrows(InvalidInputException.class, () -> every.check("every", 0L)).getMessage(),
                "refused by the schema before the component runs");
    }

    @Test
    void cosineGoesFromOneToTheFloorOverTheRun() {
        CosineSchedule s = new CosineSchedule();
        Config c = Config.of(Map.of("floor", 0.2));
        assertEquals(1.0, s.factor(c, 0, 100), 0);
        assertEquals(0.6, s.factor(c, 50, 100), 1e-15, "halfway: the mean of 1 and the floor");
        assertEquals(0.2 + 0.8 * 0.5 * (1 + Math.cos(Math.PI * 0.25)), s.factor(c, 25, 100), 1e-15);
        assertEquals(0.2, s.factor(c, 100, 100), 0);
        assertEquals(0.2, s.factor(c, 150, 100), 0, "stays at the floor");
        Config fixed = Config.of(Map.of("steps", 10L));
        assertEquals(0.5, s.factor(fixed, 5, 1000), 1e-15, "its own length instead of the run's");
        assertEquals(0.0, s.factor(fixed, 10, 1000), 0);
    }

    @Test
    void warmupRisesLinearlyThenHoldsOrAnneals() {
        WarmupSchedule s = new WarmupSchedule();
        Config c = Config.of(Map.of("start", 0.2, "steps", 4L));
        assertEquals(0.2, s.factor(c, 0, 100), 0);
        assertEquals(0.2 + 0.8 * 3 / 4, s.factor(c, 3, 100), 1e-15);
        assertEquals(1.0, s.factor(c, 4, 100), 0);
        assertEquals(1.0, s.factor(c, 99, 100), 0);
        Config cos = c.with("then", "cosine").with("floor", 0.0);
        assertEquals(1.0, s.factor(cos, 4, 104), 0, "the cosine starts at 1 right after the warm-up");
        assertEquals(0.5, s.factor(cos, 54, 104), 1e-15, "halfway through the 100 remaining steps");
        assertEquals(0.0, s.factor(cos, 104, 104), 0);
        ParamSpec start = ParamSpec.of(WarmupSchedule.Settings.class).stream().filter(p -> p.name().equals("start")).findFirst().orElseThrow();
        assertEquals("value 1.5 is out of range [0, 1]", assertThrows(InvalidInputException.class, () -> start.check("start", 1.5)).getMessage(),
                "refused by the schema before the component runs");
    }
}
