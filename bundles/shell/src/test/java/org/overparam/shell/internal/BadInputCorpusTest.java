package org.overparam.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.ExperimentRunner;
import org.overparam.api.run.RunListener;
import org.overparam.api.run.RunResult;
import org.overparam.api.run.RunSpec;
import org.overparam.api.run.SpecReader;
import org.overparam.experiment.internal.YamlSpecReader;

/**
 * The bad-input corpus, {@code src/test/resources/bad-input/NN-name.yaml}: each case names its exact
 * one-line error in a header comment, and gives it through the experiment reader and through the
 * command line with exit code 2, that line alone on standard error, nothing on standard output, no
 * run started and no file written. Header lines: {@code # expect: <error>} (required),
 * {@code # arg: <argument>} (each one an argument after the file), {@code # argv: <a> <b> ...} (the
 * arguments after the command instead of the file and args, split on blanks), {@code # command: run}
 * (default {@code sweep}), {@code # shell-only} (argument errors the reader never sees), and
 * {@code # runs: file} or {@code # runs: under-file} (the runs folder is a file, or inside one),
 * {@code # setup: <what>} (a run folder, checkpoint, store or lock made before the command:
 * {@link CorpusSetup}), {@code # runner: engine} (the real engine runs the command instead of a runner
 * that fails the test), {@code # store: h2} (the real run store), and
 * {@code # container}: a case that needs the real engine, plugins and store (sizes and memory, the
 * run store's keys); this test only reads its header and the runtime's {@code BadInputContainerIT}
 * runs it through the command line service in the container, where {@code # runs: with-a-run} puts
 * one run in the runs folder first and {@code {*}} in the expected line stands for any text (the
 * JVM's heap size). In
 * all of them {@code {file}}, {@code {dir}} and {@code {runs}} stand for the case's file, the corpus
 * folder and the runs folder (the file, for {@code under-file}), and {@code {pid}} for the process
 * that holds a lock the setup made. Files in sub-folders ({@code fragments/}, {@code includes/}) are
 * material for the cases, not cases; {@code setup/} holds cases only the real components find at run
 * setup (data files, analyzers' files), run in the container by runtime's {@code SetupCorpusIT}. The store
 * commands ({@code runs}, {@code show}, {@code compare}, {@code tag}) go to a real run store;
 * {@code verify} has no container (a case never reaches its checks).
 */
class BadInputCorpusTest {
    /** The smallest corpus the issue asks for. */
    static final int MINIMUM_CASES = 40;

    /** A case's header. */
    record Case(String expect, List<String> args, List<String> argv, String command, boolean shellOnly,
                String runs, String setup, boolean engine, boolean store, boolean container) {
    }

    static Path corpus() {
        try {
            return Path.of(BadInputCorpusTest.class.getResource("/bad-input").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> cases() throws IOException {
        try (Stream<Path> s = Files.list(corpus())) {
            return s.filter(p -> p.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(p))
                    .map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theCorpusHasAtLeastFortyCases() throws IOException {
        assertTrue(cases().size() >= MINIMUM_CASES, "only " + cases().size() + " cases");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void oneLineExitCode2NothingWritten(String name, @TempDir Path tmp) throws IOException {
        Path dir = copy(corpus(), tmp.resolve("corpus"));
        Path file = dir.resolve(name);
        Path runs = tmp.resolve("runs");
        Case c = header(Files.readString(file, StandardCharsets.ISO_8859_1), file, dir, runs);
        if (c.container()) {
            return;
        }
        if (c.runs().equals("file")) {
            Files.writeString(runs, "not a folder");
        } else if (c.runs().equals("under-file")) {
            Files.writeString(runs, "not a folder");
            runs = runs.resolve("sub");
        }
        try (CorpusSetup setup = CorpusSetup.of(c.setup(), file, runs)) {
            check(name, tmp, file, runs, c.setup().isEmpty() ? c : header(Files.readString(file,
                    StandardCharsets.ISO_8859_1).replace("{pid}", setup.pid()), file, dir, runs), setup);
        }
    }

    private static void check(String name, Path tmp, Path file, Path runs, Case c, CorpusSetup setup)
            throws IOException {
        SpecReader reader = new YamlSpecReader(new CorpusRegistry());
        if (!c.shellOnly()) {
            String command = c.command();
            Case k = c;
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> {
                if (command.equals("run")) {
                    reader.read(file, k.args());
                } else if (k.argv().contains("--resume")) {
                    reader.load(Path.of(k.argv().get(k.argv().indexOf("--resume") + 1)));
                } else {
                    reader.expand(file, k.args(), List.of());
                }
            }, name);
            assertEquals(c.expect(), e.oneLine(), name);
        }
        Map<String, String> before = snapshot(tmp);
        List<String> argv = new ArrayList<>(List.of(c.command()));
        if (c.argv().isEmpty()) {
            argv.add(file.toString());
            argv.addAll(c.args());
        } else {
            argv.addAll(c.argv());
        }
        if (!argv.contains("--runs") && !argv.contains("--resume") && !c.command().equals("verify")) {
            argv.addAll(List.of("--runs", runs.toString()));
        }
        Fakes.Captured io = new Fakes.Captured(false);
        try (org.overparam.store.internal.H2RunStore store = c.store() ? null : CorpusStore.open()) {
            CommandLine cli = new CommandLine(new CorpusRegistry(), reader, c.engine()
                    ? new org.overparam.engine.internal.EngineRunner(null, new CorpusRegistry(),
                            new org.overparam.engine.internal.swap.ActiveRuns(),
                            new org.overparam.engine.internal.swap.UnreadableJars(),
                            new org.overparam.engine.internal.registry.JarHashes()) : new NoRuns(),
                    () -> 0L, p -> null)
                    .verify(new VerifyCommand(null, new CorpusRegistry(), reader, new NoRuns()))
                    .sweepLocks(setup.sweepLocks);
            if (c.store()) {
                cli.store(setup::store);
            } else {
                cli.store(() -> store);
            }
            assertEquals(CommandLine.BAD_INPUT, cli.execute(argv, io.terminal), name);
        }
        assertEquals("overparam: " + c.expect() + "\n", io.err(), name);
        assertEquals("", io.out(), name);
        assertEquals(before, snapshot(tmp), name + " wrote something");
    }

    /** Reads a case's header, with its placeholders replaced. */
    static Case header(String text, Path file, Path dir, Path runs) {
        String expect = null;
        List<String> args = new ArrayList<>();
        List<String> argv = new ArrayList<>();
        String command = "sweep";
        boolean shellOnly = false;
        boolean container = false;
        String runsKind = "";
        String setup = "";
        boolean engine = false;
        boolean store = false;
        for (String line : text.split("\n")) {
            if (!line.startsWith("#")) {
                continue;
            }
            String l = line.substring(1).strip().replace("{file}", file.toString()).replace("{dir}", dir.toString())
                    .replace("{runs}", runs.toString());
            if (l.startsWith("expect: ")) {
                expect = l.substring("expect: ".length());
            } else if (l.startsWith("arg: ")) {
                args.add(l.substring("arg: ".length()));
            } else if (l.startsWith("argv: ")) {
                argv.addAll(List.of(l.substring("argv: ".length()).split(" ")));
            } else if (l.startsWith("command: ")) {
                command = l.substring("command: ".length());
            } else if (l.equals("shell-only")) {
                shellOnly = true;
            } else if (l.equals("container")) {
                container = true;
            } else if (l.startsWith("runs: ")) {
                runsKind = l.substring("runs: ".length());
            } else if (l.startsWith("setup: ")) {
                setup = l.substring("setup: ".length());
            } else if (l.equals("runner: engine")) {
                engine = true;
            } else if (l.equals("store: h2")) {
                store = true;
            }
        }
        if (expect == null) {
            fail(file.getFileName() + " has no '# expect:' line");
        }
        return new Case(expect, args, argv, command, shellOnly, runsKind, setup, engine, store, container);
    }

    static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }

    /** @return every file and folder under {@code root} with its content (folders: empty) */
    static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.forEach(p -> {
                try {
                    out.put(root.relativize(p).toString(), Files.isDirectory(p) ? ""
                            : new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return out;
    }

    /** A runner that fails the test if anything runs. */
    static final class NoRuns implements ExperimentRunner {
        @Override
        public RunResult run(RunSpec spec, Path runsDirectory, RunListener listener) {
            return fail("a run started for bad input");
        }
    }
}
