package org.overparam.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.overparam.api.ComponentKind;
import org.overparam.api.run.ComponentInfo;
import org.overparam.api.run.ComponentRegistry;
import org.overparam.api.run.ExperimentRunner;
import org.overparam.api.run.RunListener;
import org.overparam.api.run.RunResult;
import org.overparam.api.run.RunSpec;
import org.overparam.api.run.RunStatus;
import org.overparam.api.run.SpecReader;

/**
 * The real bundles in Felix: every component of the first wave is registered by its own plugin
 * bundle with its metadata, and the quickstart experiment runs through the registry, the spec
 * reader and the runner services to a global minimum.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ContainerIT {
    @Inject
    private BundleContext context;

    @Inject
    private ComponentRegistry registry;

    @Inject
    private SpecReader reader;

    @Inject
    private ExperimentRunner runner;

    /** @return the distribution's bundles */
    @Configuration
    public Option[] config() {
        return DistributionOptions.all();
    }

    @Test
    public void everyBundleIsActive() {
        for (Bundle b : context.getBundles()) {
            boolean fragment = b.getHeaders().get("Fragment-Host") != null;
            assertEquals(b.getSymbolicName(), fragment ? Bundle.RESOLVED : Bundle.ACTIVE, b.getState());
        }
    }

    @Test
    public void firstWaveComponentsAreRegisteredFromTheirOwnBundles() {
        Map<ComponentKind, List<String>> expected = Map.of(
                ComponentKind.ARCHITECTURE, List.of("fc"),
                ComponentKind.INITIALIZER, List.of("ntk", "standard"),
                ComponentKind.OPTIMIZER, List.of("gd"),
                ComponentKind.SCHEDULE, List.of("constant"),
                ComponentKind.LOSS, List.of("squared", "cross-entropy"),
                ComponentKind.DATASET, List.of("sphere"),
                ComponentKind.ANALYZER, List.of("dynamics"));
        Set<String> providers = new HashSet<>();
        for (Map.Entry<ComponentKind, List<String>> e : expected.entrySet()) {
            for (String name : e.getValue()) {
                ComponentInfo info = registry.find(e.getKey(), name)
                        .orElseThrow(() -> new AssertionError(e.getKey() + " " + name + " is not registered"));
                assertTrue(name + " has a description", info.description().length() > 10);
                assertTrue(info.bundle(), info.bundle().startsWith("org.overparam.plugin."));
                providers.add(info.bundle());
            }
        }
        assertEquals("six plugin bundles provide the first wave: " + providers, 6, providers.size());
        ComponentInfo fc = registry.find(ComponentKind.ARCHITECTURE, "fc").orElseThrow();
        assertEquals("whole number", fc.param("width").typeName());
        assertEquals("[1, inf)", fc.param("width").range());
        assertEquals(List.of("relu", "softplus", "tanh"), fc.param("activation").options());
        assertNotEquals("", registry.find(ComponentKind.OPTIMIZER, "gd").orElseThrow().param("lr").description());
    }

    @Test
    public void quickstartTrainsToAGlobalMinimumInTheContainer() throws Exception {
        Path file = Path.of(System.getProperty("overparam.examples"), "quickstart.yaml");
        RunSpec spec = reader.read(file, List.of());
        Path runs = Files.createTempDirectory("overparam-it-runs");
        RunResult result = runner.run(spec, runs, RunListener.NONE);
        assertEquals(result.message(), RunStatus.CONVERGED, result.status());
        assertTrue("final loss " + result.loss(), result.loss() < 1e-6);
        List<String> rows = Files.readAllLines(result.directory().resolve("metrics.csv"));
        double first = rows.stream().filter(r -> r.startsWith("0,train.loss,")).mapToDouble(r -> Double.parseDouble(r.split(",")[2]))
                .findFirst().orElseThrow();
        assertTrue("initial loss " + first, first > 1.0);
        assertTrue("loss fell by " + first / result.loss(), first / result.loss() > 1e7);
        assertTrue(Files.readString(result.directory().resolve("spec.yaml")).contains("width: 1024"));
    }
}
