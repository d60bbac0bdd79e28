package org.overparam.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.overparam.api.Architecture;
import org.overparam.api.ComponentKind;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.ComponentRegistry;
import org.overparam.api.run.ExperimentRunner;
import org.overparam.api.run.RunResult;
import org.overparam.api.run.RunStatus;
import org.overparam.api.run.SpecReader;
import org.overparam.itest.hot.PluginJars;
import org.overparam.itest.layer.MlpBlockType;

/**
 * A third-party layer in the container: a bundle registering a {@code LayerType} service is dropped
 * into the folder FileInstall watches, the {@code serial} architecture sees it (describe lists it), a
 * net composed with it by name trains and gets its analytic kernel, and once the jar is deleted the
 * name is unknown again.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LayerPluginIT {
    private static final String PLUGINS_PROPERTY = "overparam.it.layer-plugins";
    private static final long WAIT_MS = 30_000;
    private static final String NET = "dataset: {name: sphere, n: 16, d: 8}\n"
            + "architecture: {name: serial, layers: [{dense: 64}, relu, {mlp-block: 64}, relu]}\n"
            + "initializer: {name: ntk, variance: 1, outputVariance: 1}\nloss: squared\n"
            + "optimizer: {name: gd, lr: 0.2}\nanalyzers: [{name: kernel}]\nstop: {maxSteps: 40}\n";

    @Inject
    private ComponentRegistry registry;

    @Inject
    private SpecReader reader;

    @Inject
    private ExperimentRunner runner;

    /** @return the distribution, FileInstall watching a fresh folder */
    @Configuration
    public Option[] config() throws IOException {
        Path dir = Files.createTempDirectory("overparam-layer-plugins");
        System.setProperty(PLUGINS_PROPERTY, dir.toString());
        return DistributionOptions.withFileInstall(dir);
    }

    @Test
    public void aLayerDroppedInIsUsableByNameAndUnknownOnceRemoved() throws Exception {
        Path plugins = Path.of(System.getProperty(PLUGINS_PROPERTY));
        Experiments experiments = new Experiments(reader, runner);
        assertUnknown(experiments);

        Path jar = PluginJars.fromTestClasses(experiments.folder().resolve("mlp-block.jar"), "org.overparam.itest.layer",
                "1.0.0", "org.overparam.nn.LayerType", "mlp-block", MlpBlockType.class, List.of(MlpBlockType.class),
                "org.overparam.api;version=\"[1.3,2)\",org.overparam.nn;version=\"[1.1,1.2)\"", null);
        PluginJars.drop(jar, plugins, "mlp-block.jar");
        awaitUntil(() -> help().contains("  mlp-block - dense(m), relu, dense(m)"), "mlp-block listed by serial");
        assertTrue(help().toString(), help().contains("      width (the single value): whole number, default 16, "
                + "[1, inf) - units of both dense layers"));

        RunResult r = experiments.run("with-mlp-block", NET);
        assertEquals(r.message(), RunStatus.COMPLETED, r.status());
        assertTrue(r.loss() < 0.5 * Experiments.first(r, "train.loss"));
        double distance = Experiments.first(r, "kernel.distance");
        assertTrue("kernel.distance " + distance, distance > 0 && distance < 1);
        String spec = Files.readString(r.directory().resolve("spec.yaml"));
        assertTrue(spec, spec.contains("mlp-block: 64"));

        Files.delete(plugins.resolve("mlp-block.jar"));
        awaitUntil(() -> !help().contains("  mlp-block - dense(m), relu, dense(m)"), "mlp-block gone");
        assertUnknown(experiments);
    }

    private void assertUnknown(Experiments experiments) throws IOException {
        try {
            experiments.run("without-mlp-block", NET);
            fail("mlp-block should be unknown");
        } catch (InvalidInputException e) {
            assertTrue(e.oneLine(), e.oneLine().endsWith("architecture.layers[2]: unknown layer 'mlp-block'; layers: "
                    + "avgPool, conv, dense, erf, flatten, frozen, gated, globalAvgPool, identity, parallel, relu, "
                    + "reshape, residual, scale, serial, softplus, tanh"));
        }
    }

    private List<String> help() {
        return registry.service(ComponentKind.ARCHITECTURE, "serial", Architecture.class).map(Architecture::help)
                .orElse(List.of());
    }

    private static void awaitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.currentTimeMillis() + WAIT_MS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
