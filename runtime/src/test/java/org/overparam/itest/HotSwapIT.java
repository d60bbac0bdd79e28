package org.overparam.itest;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
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
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.FrameworkWiring;
import org.overparam.api.ComponentKind;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.ComponentInfo;
import org.overparam.api.run.ComponentRegistry;
import org.overparam.api.run.ExperimentRunner;
import org.overparam.api.run.RunEvent;
import org.overparam.api.run.RunListener;
import org.overparam.api.run.RunResult;
import org.overparam.api.run.RunStatus;
import org.overparam.api.run.SpecReader;
import org.overparam.api.run.StaleRevision;
import org.overparam.itest.hot.HotAffine;
import org.overparam.itest.hot.HotLibGd;
import org.overparam.itest.hot.HotLinear;
import org.overparam.itest.hot.HotThrowing;
import org.overparam.itest.hot.PluginJars;
import org.overparam.itest.hotlib.HotScale;

/**
 * Hot swap in the container, with FileInstall watching a plugins folder: plugin jars built by the test
 * are dropped in, replaced and deleted while runs go on. A run's thread is held at a chosen point
 * (its listener blocks on an event) while the test changes the folder, so each change lands between
 * two known steps.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HotSwapIT {
    private static final String PLUGINS_PROPERTY = "overparam.it.plugins";
    private static final String GD_XML = "OSGI-INF/org.overparam.plugin.gd.internal.GradientDescent.xml";
    private static final String GD_IMPL = "org.overparam.plugin.gd.internal.GradientDescent";
    private static final String DATA = "dataset: {name: sphere, n: 16, d: 16, target: teacher}\ninitializer: ntk\n"
            + "loss: squared\n";
    private static final long WAIT_MS = 30_000;

    @Inject
    private ComponentRegistry registry;

    @Inject
    private SpecReader reader;

    @Inject
    private ExperimentRunner runner;

    @Inject
    private BundleContext context;

    @Inject
    private org.overparam.api.store.RunStore store;

    private Path plugins;
    private Path work;
    private ExecutorService threads;

    /** @return the distribution, FileInstall watching a fresh folder */
    @Configuration
    public Option[] config() throws IOException {
        Path dir = Files.createTempDirectory("overparam-hot-plugins");
        System.setProperty(PLUGINS_PROPERTY, dir.toString());
        return DistributionOptions.withFileInstall(dir);
    }

    @Before
    public void setUp() throws IOException {
        plugins = Path.of(System.getProperty(PLUGINS_PROPERTY));
        work = Files.createTempDirectory("overparam-hot");
        threads = Executors.newCachedThreadPool();
    }

    @After
    public void tearDown() {
        threads.shutdownNow();
    }

    @Test
    public void pluginDroppedInUpdatedRemovedAndBackDuringARunGivesTheSameNumbers() throws Exception {
        Path shipped = shipped("overparam-plugin-optim-gd.jar");
        Path v1 = PluginJars.renamed(shipped, work.resolve("a.jar"), "org.overparam.itest.gdhot", "1.0.0", GD_XML, "gd", "gd-hot");
        Path v2 = PluginJars.renamed(shipped, work.resolve("b.jar"), "org.overparam.itest.gdhot", "1.1.0", GD_XML, "gd", "gd-hot");
        Path v3 = PluginJars.renamed(shipped, work.resolve("c.jar"), "org.overparam.itest.gdhot", "1.2.0", GD_XML, "gd", "gd-hot");
        assertFalse(registry.find(ComponentKind.OPTIMIZER, "gd-hot").isPresent());
        PluginJars.drop(v1, plugins, "gd-hot.jar");
        awaitVersion(ComponentKind.OPTIMIZER, "gd-hot", "1.0.0");
        String yaml = DATA + "architecture: {name: fc, width: 32}\noptimizer: {name: gd-hot, lr: 0.5}\nstop: {maxSteps: 300}\n";
        RunResult plain = run("plain", yaml, RunListener.NONE);

        CountDownLatch atStep = new CountDownLatch(1);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch swapped = new CountDownLatch(1);
        CountDownLatch removed = new CountDownLatch(1);
        CountDownLatch waiting = new CountDownLatch(1);
        List<String> notices = new CopyOnWriteArrayList<>();
        Future<RunResult> swappedRun = start("swapped", yaml, e -> {
            if (e.type() == RunEvent.Type.PROGRESS && atStep.getCount() > 0) {
                atStep.countDown();
                await(go);
            } else if (e.type() == RunEvent.Type.NOTICE) {
                notices.add(e.step() + " " + e.message());
                if (e.message().contains("now org.overparam.itest.gdhot 1.1.0")) {
                    swapped.countDown();
                    await(removed);
                } else if (e.message().startsWith("waiting for optimizer gd-hot")) {
                    waiting.countDown();
                }
            }
        });
        await(atStep);
        PluginJars.drop(v2, plugins, "gd-hot.jar");
        awaitVersion(ComponentKind.OPTIMIZER, "gd-hot", "1.1.0");
        go.countDown();
        await(swapped);
        Files.delete(plugins.resolve("gd-hot.jar"));
        awaitUntil(() -> registry.find(ComponentKind.OPTIMIZER, "gd-hot").isEmpty(), "gd-hot uninstalled");
        removed.countDown();
        await(waiting);
        PluginJars.drop(v3, plugins, "gd-hot.jar");
        RunResult r = swappedRun.get(WAIT_MS, TimeUnit.MILLISECONDS);

        assertEquals(r.message(), RunStatus.COMPLETED, r.status());
        assertTrue(notices.toString(), notices.stream().anyMatch(n -> n.contains("optimizer gd-hot swapped: now "
                + "org.overparam.itest.gdhot 1.2.0 (was org.overparam.itest.gdhot 1.1.0)")));
        assertArrayEquals("the same code, updated, removed and put back: the same metrics.csv, byte for byte",
                Files.readAllBytes(plain.directory().resolve("metrics.csv")),
                Files.readAllBytes(r.directory().resolve("metrics.csv")));
        assertEquals(301, Files.readAllLines(r.directory().resolve("metrics.csv")).stream()
                .filter(l -> l.contains(",train.loss,")).distinct().count());
        String provenance = Files.readString(r.directory().resolve("provenance.json"));
        for (String v : List.of("1.1.0", "1.2.0")) {
            assertTrue(provenance, provenance.matches("(?s).*\"name\": \"gd-hot@\\d+\", \"bundle\": "
                    + "\"org.overparam.itest.gdhot\", \"version\": \"" + v + "\", \"sha256\": \"[0-9a-f]{64}\".*"));
        }
        assertTrue(provenance, provenance.contains("\"why\": \"update\""));
        Files.delete(plugins.resolve("gd-hot.jar"));
        awaitUntil(() -> registry.find(ComponentKind.OPTIMIZER, "gd-hot").isEmpty(), "gd-hot removed at the end");
    }

    @Test
    public void incompatibleUpdatePausesTheRunUntilACompatibleVersionIsBack() throws Exception {
        Path a1 = PluginJars.fromTestClasses(work.resolve("a1.jar"), "org.overparam.itest.hotarch", "1.0.0",
                "org.overparam.api.Architecture", "hot-linear", HotLinear.class, List.of(HotLinear.class));
        Path b2 = PluginJars.fromTestClasses(work.resolve("b2.jar"), "org.overparam.itest.hotarch", "2.0.0",
                "org.overparam.api.Architecture", "hot-linear", HotAffine.class, List.of(HotLinear.class, HotAffine.class));
        Path a3 = PluginJars.fromTestClasses(work.resolve("a3.jar"), "org.overparam.itest.hotarch", "3.0.0",
                "org.overparam.api.Architecture", "hot-linear", HotLinear.class, List.of(HotLinear.class));
        PluginJars.drop(a1, plugins, "hot-arch.jar");
        awaitVersion(ComponentKind.ARCHITECTURE, "hot-linear", "1.0.0");
        String yaml = DATA + "architecture: hot-linear\noptimizer: {name: gd, lr: 0.05}\nstop: {maxSteps: 200}\n"
                + "checkpoint: {every: 50}\n";
        RunResult plain = run("plain-arch", yaml, RunListener.NONE);

        CountDownLatch atStep = new CountDownLatch(1);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch paused = new CountDownLatch(1);
        AtomicReference<String> folder = new AtomicReference<>();
        List<String> notices = new CopyOnWriteArrayList<>();
        Future<RunResult> run = start("paused", yaml, e -> {
            if (e.type() == RunEvent.Type.STARTED) {
                folder.set(e.runId());
            } else if (e.type() == RunEvent.Type.PROGRESS && atStep.getCount() > 0) {
                atStep.countDown();
                await(go);
            } else if (e.type() == RunEvent.Type.NOTICE) {
                notices.add(e.step() + " " + e.message());
                if (e.message().startsWith("paused:")) {
                    paused.countDown();
                }
            }
        });
        await(atStep);
        PluginJars.drop(b2, plugins, "hot-arch.jar");
        awaitVersion(ComponentKind.ARCHITECTURE, "hot-linear", "2.0.0");
        go.countDown();
        await(paused);
        Path dir = work.resolve("runs").resolve(folder.get());
        assertTrue(Files.isRegularFile(dir.resolve("checkpoint/checkpoint.bin")));
        String log = Files.readString(dir.resolve("run.log"));
        assertTrue(log, log.matches("(?s).*step (\\d+): paused: architecture hot-linear \\(org.overparam.itest.hotarch "
                + "2.0.0\\) builds the layout \\[W 1x16, b 1\\], but the run's parameters have the layout \\[W 1x16\\] "
                + "\\(the run has 1 blocks, the new model 2\\); the run continues by itself when a version that builds "
                + "\\[W 1x16\\] is installed.*; checkpoint written.*"));
        PluginJars.drop(a3, plugins, "hot-arch.jar");
        RunResult r = run.get(WAIT_MS, TimeUnit.MILLISECONDS);

        assertEquals(r.message(), RunStatus.COMPLETED, r.status());
        assertTrue(notices.toString(), notices.stream().anyMatch(n -> n.endsWith("continuing: every component is "
                + "compatible again")));
        assertArrayEquals(Files.readAllBytes(plain.directory().resolve("metrics.csv")),
                Files.readAllBytes(r.directory().resolve("metrics.csv")));
        Files.delete(plugins.resolve("hot-arch.jar"));
        awaitUntil(() -> registry.find(ComponentKind.ARCHITECTURE, "hot-linear").isEmpty(), "hot-linear removed");
    }

    @Test
    public void explicitSwapIsValidatedAppliedBetweenStepsAndRecorded() throws Exception {
        String yaml = DATA + "architecture: {name: fc, width: 32}\noptimizer: {name: gd, lr: 0.2}\nstop: {maxSteps: 100}\n";
        CountDownLatch atStep = new CountDownLatch(1);
        CountDownLatch go = new CountDownLatch(1);
        AtomicReference<String> folder = new AtomicReference<>();
        Future<RunResult> run = start("swap", yaml, e -> {
            if (e.type() == RunEvent.Type.STARTED) {
                folder.set(e.runId());
            } else if (e.type() == RunEvent.Type.PROGRESS && atStep.getCount() > 0) {
                atStep.countDown();
                await(go);
            }
        });
        await(atStep);
        Path dir = work.resolve("runs").resolve(folder.get());
        try {
            runner.requestSwap(dir, List.of("optimizer=nestrov"));
            fail("a misspelt optimizer is refused");
        } catch (InvalidInputException e) {
            assertTrue(e.oneLine(), e.oneLine().startsWith("optimizer=nestrov: unknown optimizer 'nestrov' (did you mean "
                    + "'nesterov'?)"));
        }
        assertFalse(Files.exists(dir.resolve("swap.request")));
        assertEquals("optimizer -> nesterov {momentum=0.9}", runner.requestSwap(dir, List.of("optimizer=nesterov",
                "momentum=0.9")));
        Thread.sleep(150);
        go.countDown();
        RunResult r = run.get(WAIT_MS, TimeUnit.MILLISECONDS);

        assertEquals(r.message(), RunStatus.COMPLETED, r.status());
        String log = Files.readString(dir.resolve("run.log"));
        assertTrue(log, log.matches("(?s).*step \\d+: swap request applied: optimizer gd \\{lr=0.2\\} -> nesterov "
                + "\\{auto=false, [^}]*lr=0.2, [^}]*momentum=0.9[^}]*\\} \\(org.overparam.plugin.optim.momentum .*"));
        String provenance = Files.readString(dir.resolve("provenance.json"));
        assertTrue(provenance, provenance.contains("\"why\": \"request\", \"from\": {\"name\": \"gd\""));
        assertTrue(Files.readString(dir.resolve("swaps.applied")).matches("\\d+\toptimizer=nesterov\tmomentum=0.9\n"));
    }

    @Test
    public void aSwappedRunStoppedAndResumedKeepsItsProvenanceAndTheStoreShowsTheSwap() throws Exception {
        String yaml = DATA + "architecture: {name: fc, width: 16}\noptimizer: {name: gd, lr: 0.2}\nstop: {maxSteps: 60}\n";
        CountDownLatch atStep = new CountDownLatch(1);
        CountDownLatch go = new CountDownLatch(1);
        AtomicReference<String> folder = new AtomicReference<>();
        Future<RunResult> run = start("kept", yaml, e -> {
            if (e.type() == RunEvent.Type.STARTED) {
                folder.set(e.runId());
            } else if (e.type() == RunEvent.Type.PROGRESS && atStep.getCount() > 0) {
                atStep.countDown();
                await(go);
            } else if (e.type() == RunEvent.Type.NOTICE && e.message().startsWith("swap request applied")) {
                runner.requestStop(work.resolve("runs").resolve(e.runId()));
            }
        });
        await(atStep);
        Path dir = work.resolve("runs").resolve(folder.get());
        runner.requestSwap(dir, List.of("optimizer=nesterov", "momentum=0.9"));
        Thread.sleep(150);
        go.countDown();
        RunResult stopped = run.get(WAIT_MS, TimeUnit.MILLISECONDS);
        assertEquals(stopped.message(), RunStatus.STOPPED, stopped.status());
        String before = Files.readString(dir.resolve("provenance.json"));
        assertTrue(before, before.matches("(?s).*\"name\": \"nesterov@\\d+\", \"bundle\": "
                + "\"org.overparam.plugin.optim.momentum\".*\"swaps\": \\[.*"));

        RunResult resumed = runner.resume(dir, f -> reader.read(f, List.of("pinned={}")), RunListener.NONE);
        assertEquals(resumed.message(), RunStatus.COMPLETED, resumed.status());
        String after = Files.readString(dir.resolve("provenance.json"));
        assertTrue(after, after.startsWith(before.substring(0, before.length() - "\n}\n".length())
                + ",\n  \"resumes\": [\n    {\"step\": " + stopped.steps() + ", "));
        assertTrue(Files.readString(dir.resolve("run.log")).contains("swap kept from before the resume: step "));
        List<String> optimizers = new ArrayList<>();
        store.run(work.resolve("runs"), folder.get()).orElseThrow().provenance().components().stream()
                .filter(o -> o.kind() == ComponentKind.OPTIMIZER).forEach(o -> optimizers.add(o.name()));
        assertEquals(2, optimizers.size());
        assertEquals("gd", optimizers.get(0));
        assertTrue(optimizers.toString(), optimizers.get(1).startsWith("nesterov@"));
    }

    @Test
    public void twoHundredUpdatesDuringARunLeaveNoOldRevisionBehind() throws Exception {
        Path shipped = shipped("overparam-plugin-optim-gd.jar");
        byte[][] jars = new byte[2][];
        for (int i = 0; i < 2; i++) {
            jars[i] = Files.readAllBytes(PluginJars.renamed(shipped, work.resolve("cycle" + i + ".jar"),
                    "org.overparam.itest.gdcycle", "1.0." + i, GD_XML, "gd", "gd-cycle"));
        }
        PluginJars.drop(work.resolve("cycle0.jar"), plugins, "gd-cycle.jar");
        awaitVersion(ComponentKind.OPTIMIZER, "gd-cycle", "1.0.0");
        Bundle bundle = bundle("org.overparam.itest.gdcycle");
        String yaml = DATA + "architecture: {name: fc, width: 16}\noptimizer: {name: gd-cycle, lr: 0.1}\n"
                + "stop: {maxSteps: 100000000}\ncheckpoint: {every: 0}\n";
        AtomicReference<String> folder = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(1);
        Future<RunResult> run = start("cycles", yaml, e -> {
            if (e.type() == RunEvent.Type.PROGRESS && started.getCount() > 0) {
                folder.set(e.runId());
                started.countDown();
            }
        });
        await(started);
        List<WeakReference<Class<?>>> old = new ArrayList<>();
        long heap20 = 0;
        long begin = System.nanoTime();
        for (int cycle = 1; cycle <= 200; cycle++) {
            old.add(new WeakReference<>(bundle.loadClass(GD_IMPL)));
            bundle.update(new ByteArrayInputStream(jars[cycle % 2]));
            String version = "1.0." + (cycle % 2);
            awaitVersion(ComponentKind.OPTIMIZER, "gd-cycle", version);
            if (cycle == 20) {
                heap20 = usedHeapAfterGc();
            }
        }
        double millisPerCycle = (System.nanoTime() - begin) / 1e6 / 200;
        long heap200 = usedHeapAfterGc();
        assertTrue(runner.requestStop(work.resolve("runs").resolve(folder.get())));
        RunResult r = run.get(WAIT_MS, TimeUnit.MILLISECONDS);
        assertEquals(r.message(), RunStatus.STOPPED, r.status());
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        awaitUntil(() -> wiring.getRemovalPendingBundles().isEmpty(), "the deferred refresh after the run");
        int rounds = 0;
        while (old.stream().anyMatch(w -> w.get() != null) && rounds < 20) {
            rounds++;
            System.gc();
            Thread.sleep(20L * rounds);
        }
        long left = old.stream().filter(w -> w.get() != null).count();
        String figures = String.format("%.1f ms per update cycle; used heap after GC %d MB at cycle 20, %d MB at 200;"
                + " %d of 200 old revisions' classes still reachable after %d GC rounds", millisPerCycle,
                heap20 >> 20, heap200 >> 20, left, rounds);
        assertEquals(figures, 0, left);
        assertTrue(figures, heap200 - heap20 < 64L << 20);
        Files.writeString(Path.of(System.getProperty("user.dir"), "target", "hot-swap-cycles.txt"), figures + "\n",
                StandardCharsets.UTF_8);
        Files.delete(plugins.resolve("gd-cycle.jar"));
        awaitUntil(() -> registry.find(ComponentKind.OPTIMIZER, "gd-cycle").isEmpty(), "gd-cycle removed");
    }

    @Test
    public void aLibraryUpdatedDuringARunStaysStaleUntilTheRunEnds() throws Exception {
        String export = "org.overparam.itest.hotlib;version=\"7.0.0\"";
        Path lib1 = PluginJars.fromTestClasses(work.resolve("lib1.jar"), "org.overparam.itest.hotlib", "7.0.0", null, null,
                null, List.of(HotScale.class), "", export);
        Path lib2 = PluginJars.fromTestClasses(work.resolve("lib2.jar"), "org.overparam.itest.hotlib", "7.0.1", null, null,
                null, List.of(HotScale.class), "", export);
        Path gd = PluginJars.fromTestClasses(work.resolve("libgd.jar"), "org.overparam.itest.hotlibgd", "1.0.0",
                "org.overparam.api.Optimizer", "hot-lib-gd", HotLibGd.class, List.of(HotLibGd.class),
                "org.overparam.api;version=\"[1.1,2)\",org.overparam.itest.hotlib;version=\"[7,8)\"", null);
        PluginJars.drop(lib1, plugins, "hot-lib.jar");
        PluginJars.drop(gd, plugins, "hot-lib-gd.jar");
        awaitVersion(ComponentKind.OPTIMIZER, "hot-lib-gd", "1.0.0");
        CountDownLatch atStep = new CountDownLatch(1);
        CountDownLatch go = new CountDownLatch(1);
        AtomicReference<String> id = new AtomicReference<>();
        Future<RunResult> run = start("lib", DATA + "architecture: {name: fc, width: 16}\n"
                + "optimizer: {name: hot-lib-gd, lr: 0.2}\nstop: {maxSteps: 50}\n", e -> {
                    if (e.type() == RunEvent.Type.PROGRESS && atStep.getCount() > 0) {
                        id.set(e.runId());
                        atStep.countDown();
                        await(go);
                    }
                });
        await(atStep);
        Bundle lib = bundle("org.overparam.itest.hotlib");
        PluginJars.drop(lib2, plugins, "hot-lib.jar");
        awaitUntil(() -> lib.getVersion().toString().equals("7.0.1"), "the library updated");
        List<StaleRevision> stale = runner.stale();
        go.countDown();
        RunResult r = run.get(WAIT_MS, TimeUnit.MILLISECONDS);
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        awaitUntil(() -> wiring.getRemovalPendingBundles().isEmpty(), "the refresh deferred until the run ended");

        assertEquals(r.message(), RunStatus.COMPLETED, r.status());
        assertEquals(List.of(new StaleRevision(lib.getBundleId(), "org.overparam.itest.hotlib", "7.0.0", false,
                List.of("org.overparam.itest.hotlibgd"), List.of(id.get()))), stale);
        assertEquals(List.of(), runner.stale());
        Files.delete(plugins.resolve("hot-lib-gd.jar"));
        Files.delete(plugins.resolve("hot-lib.jar"));
        awaitUntil(() -> registry.find(ComponentKind.OPTIMIZER, "hot-lib-gd").isEmpty(), "hot-lib-gd removed");
    }

    @Test
    public void throwingPluginFailsOnlyItsOwnRun() throws Exception {
        Path jar = PluginJars.fromTestClasses(work.resolve("throw.jar"), "org.overparam.itest.hotthrow", "1.0.0",
                "org.overparam.api.Optimizer", "hot-throw", HotThrowing.class, List.of(HotThrowing.class));
        PluginJars.drop(jar, plugins, "hot-throw.jar");
        awaitVersion(ComponentKind.OPTIMIZER, "hot-throw", "1.0.0");
        String arch = "architecture: {name: fc, width: 32}\n";
        Future<RunResult> faulty = start("faulty", DATA + arch + "optimizer: {name: hot-throw, failAt: 7}\n"
                + "stop: {maxSteps: 100}\ncheckpoint: {every: 5}\n", RunListener.NONE);
        Future<RunResult> healthy = start("healthy", DATA + arch + "optimizer: {name: gd, lr: 0.5}\n"
                + "stop: {maxSteps: 2000}\n", RunListener.NONE);
        RunResult f = faulty.get(WAIT_MS, TimeUnit.MILLISECONDS);
        RunResult h = healthy.get(WAIT_MS, TimeUnit.MILLISECONDS);

        assertEquals(RunStatus.FAILED, f.status());
        assertEquals("optimizer hot-throw threw IllegalStateException: hot-throw fails at step 7 on purpose", f.message());
        assertEquals(7, f.steps());
        assertTrue(Files.isRegularFile(f.directory().resolve("checkpoint/checkpoint.bin")));
        String log = Files.readString(f.directory().resolve("run.log"));
        assertTrue(log, log.contains("java.lang.IllegalStateException: hot-throw fails at step 7 on purpose"));
        assertTrue(log, log.contains("at org.overparam.itest.hot.HotThrowing.step"));
        assertEquals(h.message(), RunStatus.COMPLETED, h.status());
        assertEquals(2000, h.steps());
        assertTrue(registry.find(ComponentKind.OPTIMIZER, "hot-throw").isPresent());
        Files.delete(plugins.resolve("hot-throw.jar"));
        awaitUntil(() -> registry.find(ComponentKind.OPTIMIZER, "hot-throw").isEmpty(), "hot-throw removed");
    }

    private RunResult run(String name, String yaml, RunListener listener) throws IOException {
        Path file = work.resolve(name + ".yaml");
        Files.writeString(file, "name: " + name + "\n" + yaml);
        return runner.run(reader.read(file, List.of()), work.resolve("runs"), listener);
    }

    private Future<RunResult> start(String name, String yaml, RunListener listener) {
        return threads.submit(() -> run(name, yaml, listener));
    }

    private void awaitVersion(ComponentKind kind, String name, String version) {
        awaitUntil(() -> registry.find(kind, name).map(ComponentInfo::version).filter(version::equals).isPresent(),
                kind.key() + " " + name + " " + version);
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }

    private static Path shipped(String jar) {
        return Path.of(System.getProperty("overparam.home", "target/overparam"), "plugins", jar);
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(20);
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static void awaitUntil(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + WAIT_MS * 1_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(WAIT_MS, TimeUnit.MILLISECONDS)) {
                throw new AssertionError("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
