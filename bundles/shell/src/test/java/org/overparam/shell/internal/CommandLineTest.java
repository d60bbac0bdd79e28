package org.overparam.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.RunStatus;

/** Argument parsing, exit codes and one-line errors of the command line. */
class CommandLineTest {
    @TempDir
    Path dir;
    final Fakes.Registry registry = new Fakes.Registry();
    final Fakes.Reader reader = new Fakes.Reader();
    final Fakes.Runner runner = new Fakes.Runner();
    final long[] clock = {0};
    Map<String, String> properties = Map.of();
    final CommandLine cli = new CommandLine(registry, reader, runner, () -> clock[0] += 10_000_000L,
            name -> properties.get(name));
    final Fakes.Captured io = new Fakes.Captured(false);

    int execute(String... args) {
        return cli.execute(Arrays.asList(args), io.terminal);
    }

    @Test
    void helpAndNoArgumentsPrintUsage() {
        for (String[] args : List.of(new String[0], new String[] {"help"}, new String[] {"--help"}, new String[] {"-h"})) {
            Fakes.Captured c = new Fakes.Captured(false);
            assertEquals(0, cli.execute(Arrays.asList(args), c.terminal));
            assertEquals(CommandLine.USAGE, c.out());
            assertEquals("", c.err());
        }
    }

    @Test
    void unknownCommandIsBadInputOnOneLine() {
        assertEquals(2, execute("rnu", "x.yaml"));
        assertEquals("overparam: unknown command 'rnu' (did you mean 'run'?); try 'overparam help'\n", io.err());
        assertEquals("", io.out());
    }

    @Test
    void runParsesFileOverridesAndRunsFolder() {
        assertEquals(0, execute("run", "q.yaml", "seed=3", "--runs", dir.toString(), "architecture.width=8"));
        assertEquals(Path.of("q.yaml"), reader.file);
        assertEquals(List.of("seed=3", "architecture.width=8"), reader.overrides);
        assertEquals(dir, runner.runs);
        assertEquals(0, execute("run", "--runs=" + dir.resolve("b"), "q.yaml"));
        assertEquals(dir.resolve("b"), runner.runs);
        assertEquals(List.of(), reader.overrides);
    }

    @Test
    void defaultRunsFolderIsThePropertyElseRuns() {
        assertEquals(Path.of("runs"), cli.runsFolder(null));
        properties = Map.of(CommandLine.RUNS_PROPERTY, dir.toString());
        assertEquals(dir, cli.runsFolder(null));
        assertEquals(Path.of("elsewhere"), cli.runsFolder("elsewhere"));
    }

    @Test
    void badRunArgumentsAreBadInput() {
        assertEquals(2, execute("run"));
        assertEquals(2, execute("run", "q.yaml", "--run", "x"));
        assertEquals(2, execute("run", "q.yaml", "--runs"));
        assertEquals(List.of(
                "overparam: run: missing FILE; usage: overparam run FILE [key=value ...] [--runs DIR]",
                "overparam: run: unknown option '--run' (did you mean '--runs'?)",
                "overparam: run: --runs needs a folder"), io.errLines());
        assertEquals("", io.out());
    }

    @Test
    void invalidInputFromTheReaderIsOneLineWithExitCode2() {
        reader.error = new InvalidInputException("q.yaml:7", "unknown key 'optimiser' (did you mean 'optimizer'?)");
        assertEquals(2, execute("run", "q.yaml", "--runs", dir.toString()));
        assertEquals("overparam: q.yaml:7: unknown key 'optimiser' (did you mean 'optimizer'?)\n", io.err());
        assertEquals("", io.out());
    }

    @Test
    void multiLineMessagesStayOnOneLine() {
        reader.error = new InvalidInputException("q.yaml:2", "first\n  second\r\nthird");
        assertEquals(2, execute("run", "q.yaml"));
        assertEquals("overparam: q.yaml:2: first second third\n", io.err());
    }

    @Test
    void convergedAndCompletedRunsExitWith0() {
        assertEquals(0, execute("run", "q.yaml", "--runs", dir.toString()));
        runner.status = RunStatus.COMPLETED;
        assertEquals(0, execute("run", "q.yaml", "--runs", dir.toString()));
        assertTrue(io.out().startsWith("status      CONVERGED  (reached the target loss)\n"));
        assertTrue(io.errLines().stream().noneMatch(l -> l.startsWith("overparam:")));
    }

    @Test
    void divergedFailedAndStoppedRunsExitWith1AndPointAtTheLog() {
        for (RunStatus s : List.of(RunStatus.DIVERGED, RunStatus.FAILED, RunStatus.STOPPED)) {
            Fakes.Captured c = new Fakes.Captured(false);
            runner.status = s;
            runner.message = "the loss became NaN";
            runner.steps = 60;
            assertEquals(1, cli.execute(List.of("run", "q.yaml", "--runs", dir.toString()), c.terminal));
            List<String> err = c.errLines();
            assertEquals("overparam: run " + s + " at step 60: the loss became NaN; see "
                    + dir.resolve("t-1").resolve("run.log"), err.get(err.size() - 1));
            assertEquals(1, err.stream().filter(l -> l.startsWith("overparam:")).count());
            assertTrue(c.out().startsWith("status      " + s + "  (the loss became NaN)\n"));
        }
    }

    @Test
    void aRunnerCrashIsOneLineWithTheRunFolder() {
        runner.failure = new IllegalStateException("boom");
        assertEquals(1, execute("run", "q.yaml", "--runs", dir.toString()));
        assertEquals("overparam: run failed: java.lang.IllegalStateException: boom; see "
                + dir.resolve("t-1").resolve("run.log") + "\n", io.err());
        assertEquals("", io.out());
    }

    @Test
    void aComponentRejectingItsShapeIsBadInput() {
        runner.failure = new InvalidInputException("architecture.width", "width 0 is below 1");
        assertEquals(2, execute("run", "q.yaml", "--runs", dir.toString()));
        assertEquals("overparam: architecture.width: width 0 is below 1\n", io.err());
    }

    @Test
    void unexpectedExceptionsAreOneLineWithExitCode1() {
        registry.failure = new IllegalStateException("registry closed");
        assertEquals(1, execute("list"));
        assertEquals("overparam: internal error: java.lang.IllegalStateException: registry closed\n", io.err());
    }

    @Test
    void listAndDescribeArguments() {
        assertEquals(0, execute("list", "Optimizers"));
        assertEquals(2, execute("list", "optimisers"));
        assertEquals(2, execute("list", "a", "b"));
        assertEquals(2, execute("describe", "optimizer"));
        assertEquals(2, execute("describe", "optimizer", "dg"));
        assertEquals(List.of(
                "overparam: list: unknown kind 'optimisers' (did you mean 'optimizer'?); the kinds are dataset, "
                        + "architecture, initializer, loss, optimizer, schedule, constraint, analyzer",
                "overparam: list: too many arguments; usage: overparam list [KIND]",
                "overparam: describe: missing arguments; usage: overparam describe KIND NAME",
                "overparam: describe: no optimizer named 'dg' (did you mean 'gd'?)"), io.errLines());
    }
}
