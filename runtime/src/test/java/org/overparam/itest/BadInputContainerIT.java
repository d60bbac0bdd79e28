package org.overparam.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.overparam.api.run.ComponentRegistry;
import org.overparam.api.run.ExperimentRunner;
import org.overparam.api.run.RunEvent;
import org.overparam.api.run.RunResult;
import org.overparam.api.run.RunSpec;
import org.overparam.api.run.SpecReader;

/**
 * The bad-input corpus cases marked {@code # container} (sizes and memory, the run store's keys),
 * through the real command line service, engine, plugins and store: exit code 2, the expected line
 * alone on standard error ({@code {*}} matching the machine's heap), nothing on standard output and
 * nothing written. And an analyzer's clamped parameter: a notice in run.log and to the listener.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BadInputContainerIT {
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
    public void containerCasesAreOneLineExitCode2NothingWritten() throws Exception {
        Path corpus = Path.of(System.getProperty("overparam.corpus"));
        List<Path> cases;
        try (Stream<Path> s = Files.list(corpus)) {
            cases = s.filter(p -> p.toString().endsWith(".yaml")).sorted().filter(BadInputContainerIT::isContainerCase)
                    .toList();
        }
        assertTrue("container cases: " + cases, cases.size() >= 5);
        Function<String[], Integer> cli = cli();
        for (Path file : cases) {
            check(cli, file, corpus);
        }
    }

    @Test
    public void aClampedAnalyzerParameterIsNoticedInRunLogAndToTheListener() throws Exception {
        Path dir = Files.createTempDirectory("overparam-it-clamp");
        Path file = Files.writeString(dir.resolve("clamp.yaml"), "name: clamp\ndataset: {name: sphere, n: 8, d: 5}\n"
                + "architecture: {name: fc, width: 16}\ninitializer: ntk\nloss: squared\noptimizer: {name: gd, lr: 0.5}\n"
                + "stop: {maxSteps: 2}\nanalyzers:\n  - {name: ntk, points: 500}\n");
        RunSpec spec = reader.read(file, List.of());
        List<RunEvent> events = new CopyOnWriteArrayList<>();
        RunResult r = runner.run(spec, dir.resolve("runs"), events::add);
        String notice = "ntk: points 500 is more than the 8 training samples; the Gram uses all 8";
        assertTrue(Files.readString(r.directory().resolve("run.log")).contains("notice: " + notice));
        assertEquals(1, events.stream().filter(e -> e.type() == RunEvent.Type.NOTICE && e.message().equals(notice)).count());
        assertEquals(8.0, r.metrics().get("ntk.points"), 0);
    }

    private static boolean isContainerCase(Path p) {
        try {
            return Files.readAllLines(p, StandardCharsets.ISO_8859_1).stream().anyMatch(l -> l.strip().equals("# container"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void check(Function<String[], Integer> cli, Path file, Path corpus) throws Exception {
        Path tmp = Files.createTempDirectory("overparam-it-corpus");
        Path runs = tmp.resolve("runs");
        String expect = null;
        String command = "sweep";
        List<String> args = new ArrayList<>();
        List<String> argv = new ArrayList<>();
        boolean withARun = false;
        for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
            if (!line.startsWith("#")) {
                continue;
            }
            String l = line.substring(1).strip().replace("{file}", file.toString()).replace("{dir}", corpus.toString())
                    .replace("{runs}", runs.toString());
            if (l.startsWith("expect: ")) {
                expect = l.substring("expect: ".length());
            } else if (l.startsWith("arg: ")) {
                args.add(l.substring("arg: ".length()));
            } else if (l.startsWith("argv: ")) {
                argv.addAll(List.of(l.substring("argv: ".length()).split(" ")));
            } else if (l.startsWith("command: ")) {
                command = l.substring("command: ".length());
            } else if (l.equals("runs: with-a-run")) {
                withARun = true;
            }
        }
        if (withARun) {
            Path quickstart = Path.of(System.getProperty("overparam.examples"), "quickstart.yaml");
            runner.run(reader.read(quickstart, List.of("stop.maxSteps=1")), runs, e -> { });
        }
        List<String> all = new ArrayList<>(List.of(command));
        if (argv.isEmpty()) {
            all.add(file.toString());
            all.addAll(args);
            all.addAll(List.of("--runs", runs.toString()));
        } else {
            all = argv;
        }
        Map<String, Long> before = sizes(tmp);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = cli.apply(all.toArray(new String[0]));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        String name = file.getFileName().toString();
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertEquals(name + ": " + stderr, 2, code);
        String pattern = Pattern.quote("overparam: " + expect + "\n").replace("{*}", "\\E.*\\Q");
        assertTrue(name + ": expected\n" + expect + "\ngot\n" + stderr, Pattern.matches(pattern, stderr));
        assertEquals(name, "", out.toString(StandardCharsets.UTF_8));
        assertEquals(name + " wrote something", before, sizes(tmp));
    }

    @SuppressWarnings("unchecked")
    private Function<String[], Integer> cli() throws Exception {
        for (int i = 0; i < 100; i++) {
            for (ServiceReference<Function> ref : context.getServiceReferences(Function.class, "(overparam.cli=true)")) {
                return context.getService(ref);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no command line service");
    }

    /** @return every file under {@code root} with its size (folders: -1) */
    private static Map<String, Long> sizes(Path root) throws IOException {
        Map<String, Long> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.toList()) {
                m.put(root.relativize(p).toString(), Files.isDirectory(p) ? -1 : Files.size(p));
            }
        }
        return m;
    }
}
