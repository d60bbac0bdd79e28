package org.overparam.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.api.ComponentKind;
import org.overparam.api.run.RunStatus;
import org.overparam.sdk.check.Check;
import org.overparam.sdk.check.InstalledPlugin;
import org.overparam.sdk.check.PluginVerifier;

/** Plugins that are wrong on purpose: the checks must say what is wrong, on one line each. */
class BadPluginsTest {
    private static final String KEEPER = "fixture-leaky-keeper";
    private static final String OPTIMIZER = "org.overparam.api.Optimizer";

    @TempDir
    Path dir;

    /** A schedule whose parameter has no {@code @Param} description. */
    private static final String QUIET = """
            package fixture.bad;

            public final class Quiet implements org.overparam.api.Schedule {
                public @interface Config {
                    double gamma() default 0.5;
                }

                public Class<Config> configType() {
                    return Config.class;
                }

                public double factor(org.overparam.api.Config c, long step, long total) {
                    return 1;
                }
            }
            """;

    /** Gradient descent whose class starts a thread that never ends: the thread keeps its class loader. */
    private static final String LEAKY = """
            package fixture.leaky;

            import org.overparam.api.Optimizer;
            import org.overparam.api.Param;
            import org.overparam.api.Params;
            import org.overparam.api.StepContext;

            public final class LeakyOptimizer implements Optimizer {
                static final Thread KEEPER = new Thread(LeakyOptimizer::idle, "%s");

                static {
                    KEEPER.setDaemon(true);
                    KEEPER.start();
                }

                public @interface Config {
                    @Param(value = "learning rate", min = 0, minExclusive = true)
                    double lr() default 0.2;
                }

                public Class<Config> configType() {
                    return Config.class;
                }

                public double step(StepContext ctx) {
                    Params g = ctx.params().zerosLike();
                    double loss = ctx.oracle().gradient(ctx.params(), null, g);
                    ctx.params().axpy(-ctx.config().as(Config.class).lr() * ctx.schedule(), g);
                    return loss;
                }

                private static void idle() {
                    try {
                        while (true) {
                            Thread.sleep(60_000);
                        }
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
            """.formatted(KEEPER);

    @AfterEach
    void stopKeeper() throws InterruptedException {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals(KEEPER)) {
                t.interrupt();
                t.join(10_000);
            }
        }
    }

    @Test
    void pluginWhoseThreadOutlivesItFailsTheUnloadCheck() throws Exception {
        Path jar = new FixturePlugin("fixture.leaky").source("fixture.leaky.LeakyOptimizer", LEAKY)
                .component("fixture.leaky.LeakyOptimizer", OPTIMIZER,
                        Map.of("overparam.name", "leaky", "overparam.description", "GD that leaks a thread"))
                .build(dir);
        try (PluginHarness h = PluginHarness.start()) {
            InstalledPlugin leaky = h.install(jar);
            assertEquals(RunStatus.COMPLETED, h.run(h.tiny().with(ComponentKind.OPTIMIZER, "leaky")).status());

            Check unload = h.unload(leaky);

            assertTrue(unload.failed(), unload.line());
            assertTrue(unload.detail().startsWith("1 of its 1 class loader still reachable after uninstall, refresh and 10 "
                    + "garbage collections"), unload.line());
        }
    }

    @Test
    void verifyNamesForeignImportsAndMissingMetadata() throws Exception {
        Path jar = new FixturePlugin("fixture.bad").source("fixture.bad.Quiet", QUIET)
                .imports("org.overparam.api;version=\"[1.1,3)\",com.example.missing;version=\"[1,2)\"")
                .component("fixture.bad.Quiet", "org.overparam.api.Schedule", Map.of("overparam.name", "Quiet"))
                .build(dir);
        try (PluginHarness h = PluginHarness.start()) {
            List<Check> checks = h.verify(jar);

            assertEquals(List.of("ok jar", "FAIL imports", "ok exports", "FAIL components", "FAIL install"),
                    checks.stream().map(c -> c.outcome().label() + " " + c.name()).toList(), checks.toString());
            assertEquals("org.overparam.api [1.1,3) also accepts the next major version, which may break the plugin; "
                    + "use [1.1,2); com.example.missing is not part of the plugin API (org.overparam.api, "
                    + "org.overparam.linalg, org.overparam.nn, org.osgi.*, the JRE): embed the library in the plugin "
                    + "(bnd -includepackage) or drop the import", checks.get(1).detail());
            assertEquals("fixture.bad.Quiet (schedule): name 'Quiet' is not lower case letters, digits and - _ .; "
                    + "fixture.bad.Quiet (schedule) has no service property overparam.description", checks.get(3).detail());
            assertEquals("fixture.bad 1.0.0 does not start: Unable to resolve fixture.bad [" , checks.get(4).detail()
                    .substring(0, "fixture.bad 1.0.0 does not start: Unable to resolve fixture.bad [".length()));
            assertTrue(checks.get(4).detail().endsWith("(&(osgi.wiring.package=com.example.missing)(version>=1.0.0)"
                    + "(!(version>=2.0.0)))"), checks.get(4).line());
            assertTrue(!PluginVerifier.passed(checks));
        }
    }

    @Test
    void verifyFindsAnUndocumentedParameterAndPassesTheRest() throws Exception {
        Path jar = new FixturePlugin("fixture.undocumented").source("fixture.bad.Quiet", QUIET)
                .imports("org.overparam.api;version=\"[1.1,2)\",org.osgi.service.cm;version=\"[1.6,2)\";"
                        + "resolution:=optional")
                .component("fixture.bad.Quiet", "org.overparam.api.Schedule",
                        Map.of("overparam.name", "quiet", "overparam.description", "always 1"))
                .build(dir);
        try (PluginHarness h = PluginHarness.start()) {
            List<Check> checks = h.verify(jar);

            assertEquals(List.of("ok jar", "ok imports", "ok exports", "ok components", "ok install", "FAIL metadata",
                    "ok run", "ok swap", "ok unload"), checks.stream().map(c -> c.outcome().label() + " " + c.name())
                    .toList(), checks.toString());
            assertTrue(checks.get(1).line().startsWith("ok   imports    org.overparam.api [1.1,2) accepts 1."),
                    checks.get(1).line());
            assertTrue(checks.get(1).detail().endsWith("; 1 framework or JRE package"), checks.get(1).line());
            assertEquals("schedule quiet.gamma has no @Param description", checks.get(5).detail());
            assertTrue(checks.get(6).detail().startsWith("schedule quiet: COMPLETED after 50 steps, loss "),
                    checks.get(6).line());
            assertTrue(checks.get(7).detail().contains("the engine noticed: 'schedule quiet swapped"), checks.get(7).line());
        }
    }
}
