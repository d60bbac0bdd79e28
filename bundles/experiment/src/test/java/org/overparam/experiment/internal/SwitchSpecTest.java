package org.overparam.experiment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.api.ComponentKind;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.RunSpec;
import org.overparam.api.run.Switch;

/** The {@code switch} key: parsing, defaults, the resolved text, overrides and errors. */
class SwitchSpecTest {
    static final String BASE = String.join("\n",
            "dataset: sphere",                                   // 1
            "architecture: fc",                                  // 2
            "initializer: ntk",                                  // 3
            "loss: squared",                                     // 4
            "optimizer: {name: gd, lr: 0.5}",                    // 5
            "stop: {maxSteps: 100}",                             // 6
            "switch:",                                           // 7
            "  - at: 10",                                        // 8
            "    optimizer: {name: sgd, batch: 4}",              // 9
            "  - {at: 20, schedule: constant}",                  // 10
            "");

    @TempDir
    Path dir;
    final YamlSpecReader reader = new YamlSpecReader(new FakeRegistry());

    RunSpec read(String text, String... overrides) throws IOException {
        return reader.read(Files.writeString(dir.resolve("s.yaml"), text), List.of(overrides));
    }

    String error(String text, String... overrides) {
        return assertThrows(InvalidInputException.class, () -> read(text, overrides)).oneLine();
    }

    @Test
    void switchesResolveWithDefaultsAndSurviveTheResolvedText() throws IOException {
        RunSpec s = read(BASE);
        assertEquals(2, s.switches().size());
        Switch first = s.switches().get(0);
        assertEquals(10, first.at());
        assertEquals("sgd", first.optimizer().name());
        assertEquals(Map.of("lr", 0.1, "batch", 4L), first.optimizer().config().values());
        assertNull(first.schedule());
        assertEquals(dir.resolve("s.yaml") + ":9", first.optimizer().origin());
        assertEquals("constant", s.switches().get(1).schedule().name());
        assertNull(s.switches().get(1).optimizer());
        assertEquals("gd", s.componentAt(ComponentKind.OPTIMIZER, 9).name());
        assertEquals("sgd", s.componentAt(ComponentKind.OPTIMIZER, 10).name());
        assertEquals("sgd", s.componentAt(ComponentKind.OPTIMIZER, 99).name());
        assertTrue(s.text().contains("""
                freeze: []
                switch:
                - at: 10
                  optimizer:
                    name: sgd
                    batch: 4
                    lr: 0.1
                - at: 20
                  schedule:
                    name: constant
                pinned:
                """), s.text());
        RunSpec again = read(s.text());
        assertEquals(s.text(), again.text());
        assertEquals(s.switches().get(0).optimizer().config(), again.switches().get(0).optimizer().config());
    }

    @Test
    void specsWithoutSwitchesWriteNoSwitchKey() throws IOException {
        RunSpec s = read(BASE.substring(0, BASE.indexOf("switch:")));
        assertEquals(List.of(), s.switches());
        assertTrue(s.text().contains("freeze: []\npinned:\n"), s.text());
    }

    @Test
    void overridesReachIntoSwitches() throws IOException {
        RunSpec s = read(BASE, "switch.0.optimizer.lr=0.25", "switch.1.at=30", "switch.1.optimizer=gd");
        assertEquals(0.25, s.switches().get(0).optimizer().config().get("lr"));
        assertEquals(30, s.switches().get(1).at());
        assertEquals("gd", s.switches().get(1).optimizer().name());
        RunSpec t = read(BASE, "switch=[{at: 5, optimizer: {name: gd, lr: 0.01}}]");
        assertEquals(1, t.switches().size());
        assertEquals(0.01, t.switches().get(0).optimizer().config().get("lr"));
        RunSpec u = read(BASE, "switch.1.schedule.name=constant", "switch.2={at: 50, optimizer: sgd}");
        assertEquals(3, u.switches().size());
        RunSpec v = read(BASE, "switch=[]");
        assertEquals(List.of(), v.switches());
        String e = error(BASE, "switch.0.optimiser=gd");
        assertEquals("override 'switch.0.optimiser=gd': unknown key 'switch.0.optimiser' (did you mean 'optimizer'?)", e);
    }

    @Test
    void badSwitchesAreReportedAtTheirLine() {
        String f = dir.resolve("s.yaml").toString();
        assertEquals(f + ":8: switch[0].at: at 0 is below 1 (the step from which the new components are used)",
                error(BASE.replace("at: 10", "at: 0")));
        assertEquals(f + ":10: switch[1].at: at 5 is not after the previous switch's step 10; list switches in "
                + "increasing order of 'at'", error(BASE.replace("at: 20", "at: 5")));
        assertEquals(f + ":8: switch[0] needs 'at' (the first step of the new components)",
                error(BASE.replace("  - at: 10\n    optimizer", "  - optimizer")));
        assertEquals(f + ":10: switch[1] changes nothing: give 'optimizer', 'schedule' or both",
                error(BASE.replace(", schedule: constant", "")));
        assertEquals(f + ":10: unknown key 'switch[1].shedule' (did you mean 'schedule'?)",
                error(BASE.replace("schedule: constant", "shedule: constant")));
        assertTrue(error(BASE.replace("name: sgd", "name: sdg")).startsWith(f + ":9: no optimizer named 'sdg'"), error(BASE.replace("name: sgd", "name: sdg")));
        assertEquals(f + ":9: optimizer.batch: value 0 is out of range [1, inf)",
                error(BASE.replace("batch: 4", "batch: 0")));
        assertEquals(f + ":8: switch[0]: expected a mapping such as {at: 500, optimizer: {name: nesterov, lr: 0.5, "
                + "momentum: 0.9}}, got 'gd'", error(BASE.replace("  - at: 10\n    optimizer: {name: sgd, batch: 4}",
                "  - gd")));
    }
}
