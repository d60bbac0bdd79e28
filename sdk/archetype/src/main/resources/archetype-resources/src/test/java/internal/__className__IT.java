package ${package}.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.overparam.api.ComponentKind;
import org.overparam.api.run.ComponentInfo;
import org.overparam.api.run.RunResult;
import org.overparam.api.run.RunStatus;
import org.overparam.harness.PluginHarness;
import org.overparam.sdk.check.InstalledPlugin;
import org.overparam.sdk.check.TinyExperiment;

/**
 * The plugin's jar in a running container (the test harness: Felix with the engine and the shipped
 * {@code sphere}, {@code fc}, {@code ntk}, {@code squared} and {@code gd}): it registers with its help
 * text, trains a small network, survives an update in the middle of a run, and unloads cleanly.
 */
class ${className}IT {
    private static final Path JAR = Path.of(System.getProperty("plugin.jar", "target/${artifactId}-${version}.jar"));

    @Test
    void trainsInTheContainerAndUnloadsCleanly() throws Exception {
        try (PluginHarness harness = PluginHarness.start()) {
            InstalledPlugin plugin = harness.install(JAR);
            ComponentInfo info = harness.registry().find(ComponentKind.OPTIMIZER, "${componentName}").orElseThrow();
            assertEquals(List.of("clip", "lr"), info.params().stream().map(p -> p.name()).toList());

            TinyExperiment experiment = harness.tiny().with(ComponentKind.OPTIMIZER, "${componentName}",
                    Map.of("lr", 0.2)).steps(200);
            RunResult run = harness.run(experiment);
            assertEquals(RunStatus.COMPLETED, run.status(), run.message());
            List<String> rows = Files.readAllLines(run.directory().resolve("metrics.csv"));
            double first = Double.parseDouble(rows.get(1).split(",")[2]);
            assertTrue(run.loss() < first / 100, "the loss fell from " + first + " to " + run.loss());

            // With the default clip (10) no gradient of this problem is clipped: the numbers are gd's.
            RunResult gd = harness.run(experiment.with(ComponentKind.OPTIMIZER, "gd", Map.of("lr", 0.2)));
            assertEquals(gd.loss(), run.loss(), 0.0);

            harness.swap(plugin, experiment).assertPassed();
            harness.unload(plugin).assertPassed();
        }
    }
}
