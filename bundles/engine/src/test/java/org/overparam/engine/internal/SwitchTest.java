package org.overparam.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.api.ComponentKind;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.RunEvent;
import org.overparam.api.run.RunListener;
import org.overparam.api.run.RunResult;
import org.overparam.api.run.RunSpec;
import org.overparam.api.run.RunStatus;
import org.overparam.engine.internal.registry.ComponentTable;

/** Switching optimizer and schedule between steps: same state, new components, logged and announced. */
class SwitchTest {
    @TempDir
    Path runs;

    /** @return the standard fake registry plus a Nesterov optimizer and a ramp schedule */
    static ComponentTable registry() {
        ComponentTable table = TestRegistry.standard();
        new TestRegistry(table).add(ComponentKind.OPTIMIZER, "nesterov", new ExtraFakes.Nesterov())
                .add(ComponentKind.SCHEDULE, "ramp", new ExtraFakes.Ramp());
        return table;
    }

    private RunResult run(RunSpec spec, RunListener listener) {
        return new Run(registry(), spec, runs, listener, 0).execute();
    }

    @Test
    void gdToNesterovKeepsTheStateAndStartsWithZeroVelocity() {
        RunSpec plain = Specs.base().stop(12, 0).build();
        RunSpec switched = Specs.base().stop(12, 0)
                .switchAt(5, "nesterov", Map.of("lr", 0.05, "momentum", 0.5), "ramp").build();
        RunResult a = run(plain, RunListener.NONE);
        List<RunEvent> events = new ArrayList<>();
        RunResult b = run(switched, events::add);
        assertEquals(RunStatus.COMPLETED, b.status(), b.message());

        List<RunFiles.Row> rows = RunFiles.metrics(b.directory());
        List<RunFiles.Row> before = RunFiles.of(RunFiles.metrics(a.directory()), "train.loss");
        List<RunFiles.Row> after = RunFiles.of(rows, "train.loss");
        for (int t = 0; t < 5; t++) {
            assertEquals(before.get(t).value(), after.get(t).value(), 0.0, "gd until the switch, step " + t);
        }
        assertNotEquals(before.get(6).value(), after.get(6).value(), "nesterov after it");

        List<RunFiles.Row> velocity = RunFiles.of(rows, "optimizer.velocity_in");
        assertEquals(5, velocity.get(0).step());
        assertEquals(0.0, velocity.get(0).value(), 0.0, "GD -> Nesterov starts from zero velocity");
        assertTrue(velocity.get(1).value() > 0, "then Nesterov keeps its own");
        List<RunFiles.Row> counter = RunFiles.of(rows, "optimizer.state_steps");
        assertEquals(5, counter.get(5).step());
        assertEquals(6.0, counter.get(5).value(), 0.0, "the state carries gd's counter over");
        List<RunFiles.Row> factor = RunFiles.of(rows, "optimizer.schedule");
        assertEquals(1.0, factor.get(0).value(), 0.0, "the new schedule starts counting at the switch");
        assertEquals(1.0 - 2.0 / 7, factor.get(2).value(), 1e-15, "over the 7 steps that remain");

        assertEquals(0.5, RunFiles.of(rows, "optimizer.own_momentum").get(0).value(), 0.0,
                "componentConfig(OPTIMIZER) is the switched optimizer's");

        List<RunEvent> notices = events.stream().filter(e -> e.type() == RunEvent.Type.NOTICE).toList();
        assertEquals(1, notices.size());
        assertEquals(5, notices.get(0).step());
        assertEquals("step 5: switched optimizer gd -> nesterov {lr=0.05, momentum=0.5}, schedule constant -> ramp {}",
                notices.get(0).message());
        String log = RunFiles.text(b.directory().resolve("run.log"));
        assertTrue(log.contains("switch planned at step 5: optimizer nesterov {lr=0.05, momentum=0.5} schedule ramp {}"),
                log);
        assertTrue(log.contains(notices.get(0).message() + "; optimizer state carried over: State[]"), log);
    }

    @Test
    void switchToAnUnknownOptimizerFailsBeforeAnythingIsWritten() {
        RunSpec spec = Specs.base().stop(10, 0).switchAt(3, "nestrov", Map.of(), null).build();
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> run(spec, RunListener.NONE));
        assertTrue(e.oneLine().startsWith("test.yaml:40: unknown optimizer 'nestrov' (did you mean 'nesterov'?)"),
                e.oneLine());
        assertEquals(List.of(), RunFiles.entries(runs));
    }

    @Test
    void switchedConfigIsCheckedAtSetup() {
        RunSpec spec = Specs.base().stop(10, 0).switchAt(3, "nesterov", Map.of("momentum", 1.5), null).build();
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> run(spec, RunListener.NONE));
        assertTrue(e.oneLine().contains("optimizer.momentum: value 1.5 is out of range [0, 1)"), e.oneLine());
    }
}
