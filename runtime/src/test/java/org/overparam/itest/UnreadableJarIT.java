package org.overparam.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.inject.Inject;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.overparam.api.ComponentKind;
import org.overparam.api.run.ComponentInfo;
import org.overparam.api.run.ComponentRegistry;
import org.overparam.api.run.ExperimentRunner;
import org.overparam.api.run.RunEvent;
import org.overparam.api.run.RunResult;
import org.overparam.api.run.RunStatus;
import org.overparam.api.run.SpecReader;
import org.overparam.itest.hot.PluginJars;

/**
 * Jars in plugins/ that are not readable bundles, in the container with FileInstall: random bytes
 * give one line in the container log naming the file and why, and install nothing; a truncated copy
 * that replaces the jar of a plugin a run uses uninstalls that plugin, and the run's PAUSED notice says
 * the jar was unreadable; the run continues when the readable jar is back.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class UnreadableJarIT {
    private static final String PLUGINS_PROPERTY = "overparam.it.unreadable.plugins";
    private static final String GD_XML = "OSGI-INF/org.overparam.plugin.gd.internal.GradientDescent.xml";
    private static final long WAIT_MS = 30_000;

    @Inject
    private ComponentRegistry registry;

    @Inject
    private SpecReader reader;

    @Inject
    private ExperimentRunner runner;

    private Path plugins;
    private Path work;
    private ExecutorService threads;
    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            logged.add(r.getLevel() + " " + r.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    /** @return the distribution, FileInstall watching a fresh folder */
    @Configuration
    public Option[] config() throws IOException {
        Path dir = Files.createTempDirectory("overparam-unreadable-plugins");
        System.setProperty(PLUGINS_PROPERTY, dir.toString());
        return DistributionOptions.withFileInstall(dir);
    }

    @Before
    public void setUp() throws IOException {
        plugins = Path.of(System.getProperty(PLUGINS_PROPERTY));
        work = Files.createTempDirectory("overparam-unreadable");
        threads = Executors.newCachedThreadPool();
        Logger.getLogger("org.overparam.engine").addHandler(handler);
    }

    @After
    public void tearDown() {
        Logger.getLogger("org.overparam.engine").removeHandler(handler);
        threads.shutdownNow();
    }

    @Test
    public void randomBytesAreReportedOnceAndInstallNothing() throws Exception {
        byte[] noise = new byte[4096];
        new Random(12).nextBytes(noise);
        int before = registry.list(ComponentKind.OPTIMIZER).size();
        Path tmp = work.resolve("noise.jar");
        Files.write(tmp, noise);
        PluginJars.drop(tmp, plugins, "noise.jar");
        Path file = plugins.resolve("noise.jar").toAbsolutePath();
        awaitUntil(() -> logged.stream().anyMatch(l -> l.contains(file.toString())), "the line on noise.jar");
        Thread.sleep(1000);
        assertEquals(logged.toString(), List.of("WARNING " + file + " is not a readable bundle: it is not a jar (zip)"
                + " file, or a truncated copy of one (zip END header not found); not installed"), logged);
        assertEquals(before, registry.list(ComponentKind.OPTIMIZER).size());
        Files.delete(file);
    }

    @Test
    public void aTruncatedCopyOfAPluginARunUsesPausesItSayingSoAndTheRunContinuesWhenTheJarIsBack()
            throws Exception {
        Path shipped = Path.of(System.getProperty("overparam.home", "target/overparam"), "plugins",
                "overparam-plugin-optim-gd.jar");
        Path good = PluginJars.renamed(shipped, work.resolve("gd-cut.jar"), "org.overparam.itest.gdcut", "1.0.0",
                GD_XML, "gd", "gd-cut");
        PluginJars.drop(good, plugins, "gd-cut.jar");
        awaitUntil(() -> registry.find(ComponentKind.OPTIMIZER, "gd-cut").map(ComponentInfo::version)
                .filter("1.0.0"::equals).isPresent(), "gd-cut installed");
        byte[] bytes = Files.readAllBytes(good);
        Path cut = work.resolve("cut.jar");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));

        CountDownLatch atStep = new CountDownLatch(1);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch paused = new CountDownLatch(1);
        List<String> notices = new CopyOnWriteArrayList<>();
        Path file = work.resolve("run.yaml");
        Files.writeString(file, "name: cut\ndataset: {name: sphere, n: 16, d: 16, target: teacher}\ninitializer: ntk\n"
                + "loss: squared\narchitecture: {name: fc, width: 16}\noptimizer: {name: gd-cut, lr: 0.5}\n"
                + "stop: {maxSteps: 40}\n");
        Future<RunResult> run = threads.submit(() -> runner.run(reader.read(file, List.of()), work.resolve("runs"), e -> {
            if (e.type() == RunEvent.Type.PROGRESS && atStep.getCount() > 0) {
                atStep.countDown();
                await(go);
            } else if (e.type() == RunEvent.Type.NOTICE) {
                notices.add(e.message());
                if (e.message().startsWith("paused:")) {
                    paused.countDown();
                }
            }
        }));
        await(atStep);
        PluginJars.drop(cut, plugins, "gd-cut.jar");
        Path jar = plugins.resolve("gd-cut.jar").toAbsolutePath();
        awaitUntil(() -> registry.find(ComponentKind.OPTIMIZER, "gd-cut").isEmpty(), "gd-cut uninstalled");
        go.countDown();
        await(paused);
        String notice = notices.stream().filter(n -> n.contains("paused:")).findFirst().orElseThrow();
        assertTrue(notice, notice.contains("optimizer gd-cut is not installed (waited 10000 ms for it to come back; its"
                + " jar " + jar + " was replaced by a file that is not a readable bundle: it is not a jar (zip) file, or"
                + " a truncated copy of one"));
        assertEquals(logged.toString(), 1, logged.stream().filter(l -> l.startsWith("WARNING " + jar
                + " is not a readable bundle: ") && l.endsWith("; not installed, and the bundle it replaced "
                + "(org.overparam.itest.gdcut 1.0.0) is uninstalled: runs using its components pause until a readable"
                + " jar is back")).count());
        Files.copy(good, work.resolve("again.jar"), StandardCopyOption.REPLACE_EXISTING);
        PluginJars.drop(work.resolve("again.jar"), plugins, "gd-cut.jar");
        RunResult r = run.get(WAIT_MS, TimeUnit.MILLISECONDS);
        assertEquals(r.message(), RunStatus.COMPLETED, r.status());
        assertEquals(40, r.steps());
        Files.delete(jar);
        awaitUntil(() -> registry.find(ComponentKind.OPTIMIZER, "gd-cut").isEmpty(), "gd-cut removed at the end");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(WAIT_MS, TimeUnit.MILLISECONDS)) {
                throw new AssertionError("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }

    private static void awaitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT_MS * 1_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }
}
