package org.overparam.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.api.run.RunStatus;
import org.overparam.api.store.ExportFormat;
import org.overparam.api.store.ParamFilter;

/** runs, show, compare and tag: arguments to store queries, tables, exports and one-line errors. */
class StoreCommandsTest {
    @TempDir
    Path dir;
    final FakeStore store = new FakeStore();
    final CommandLine cli = new CommandLine(new Fakes.Registry(), new Fakes.Reader(), new Fakes.Runner(), () -> 0L,
            name -> null).store(() -> store);
    Fakes.Captured io = new Fakes.Captured(false);

    int execute(String... args) {
        io = new Fakes.Captured(false);
        return cli.execute(Arrays.asList(args), io.terminal);
    }

    @Test
    void runsTurnsFiltersIntoAQueryAndPrintsAPage() {
        assertEquals(0, execute("runs", "status=CONVERGED,completed", "architecture.width>=512", "tag=x", "name=wid*",
                "sweep=s1", "seed!=3", "--limit", "2", "--offset=0", "--sort", "-loss", "--runs", dir.toString()));
        assertEquals(dir, store.folder);
        assertEquals(Set.of(RunStatus.CONVERGED, RunStatus.COMPLETED), store.query.statuses());
        assertEquals(List.of(ParamFilter.parse("architecture.width>=512"), ParamFilter.parse("seed!=3")),
                store.query.params());
        assertEquals(Set.of("x"), store.query.tags());
        assertEquals("wid*", store.query.name());
        assertEquals("s1", store.query.sweep());
        assertEquals("loss", store.query.sort());
        assertTrue(store.query.descending());
        assertEquals(2, store.query.limit());
        List<String> lines = io.out().lines().toList();
        assertEquals("id      status     seed  steps       loss  seconds  created           architecture.width  seed"
                .substring(0, 8), lines.get(0).substring(0, 8));
        assertTrue(lines.get(0).contains("architecture.width") && lines.get(0).endsWith("sweep  tags"), lines.get(0));
        assertTrue(lines.get(1).startsWith("wide-a  CONVERGED     1    120  9.500e-08    12.25  "), lines.get(1));
        assertTrue(lines.get(1).contains("256") && lines.get(1).endsWith("s1     paper"), lines.get(1));
        assertTrue(lines.get(2).startsWith("wide-b  RUNNING       2      -          -        -  "), lines.get(2));
        assertEquals("runs 1-2 of 2", lines.get(3));
        assertEquals("", io.err());
    }

    @Test
    void runsSaysWhereTheNextPageStartsAndDefaultsToFiftyNewestFirst() {
        store.total = 120;
        assertEquals(0, execute("runs"));
        assertEquals(50, store.query.limit());
        assertEquals("created", store.query.sort());
        assertTrue(store.query.descending());
        assertEquals(Path.of("runs"), store.folder);
        assertTrue(io.out().endsWith("runs 1-2 of 120; --offset 2 for more\n"), io.out());
    }

    @Test
    void runsExportsToAFileOrStandardOutput() throws Exception {
        Path file = dir.resolve("runs.csv");
        assertEquals(0, execute("runs", "status=CONVERGED", "--csv", file.toString(), "--limit", "0"));
        assertEquals("runs CSV\n", Files.readString(file));
        assertEquals("wrote " + file + "\n", io.out());
        assertEquals(0, store.query.limit());
        assertEquals(0, execute("runs", "--json"));
        assertEquals("runs JSON\n", io.out());
        assertEquals(2, execute("runs", "--csv", dir.resolve("no/such/x.csv").toString()));
        assertTrue(io.err().endsWith("x.csv: cannot write: its folder does not exist\n"), io.err());
    }

    @Test
    void badArgumentsAreOneLineErrors() {
        Map<List<String>, String> cases = Map.of(
                List.of("runs", "status=CONVERGD"), "overparam: status=CONVERGD: unknown status 'CONVERGD' (did you mean"
                        + " 'CONVERGED'?); statuses: RUNNING, CONVERGED, COMPLETED, DIVERGED, STOPPED, PAUSED, FAILED\n",
                List.of("runs", "--limt", "3"), "overparam: runs: unknown option '--limt' (did you mean '--limit'?); usage:"
                        + " overparam " + RunsCommand.USAGE + "\n",
                List.of("runs", "--limit", "-3"), "overparam: --limit: '-3' is not a whole number of at least 0\n",
                List.of("runs", "width"), "overparam: width: not a condition; write key=value, key!=value, key<value,"
                        + " key<=value, key>value or key>=value\n",
                List.of("runs", "tag!=x"), "overparam: tag!=x: tag takes '=' only\n",
                List.of("show"), "overparam: show: missing RUN; usage: overparam " + ShowCommand.USAGE + "\n",
                List.of("show", "nope"), "overparam: nope: no run 'nope' in the run store x\n",
                List.of("compare"), "overparam: compare: name the runs to compare, or --sweep ID; usage: overparam "
                        + CompareCommand.USAGE + "\n",
                List.of("tag", "wide-a"), "overparam: tag: missing TAG; usage: overparam " + TagCommand.USAGE + "\n");
        for (Map.Entry<List<String>, String> e : cases.entrySet()) {
            assertEquals(2, execute(e.getKey().toArray(new String[0])), e.getKey().toString());
            assertEquals(e.getValue(), io.err(), e.getKey().toString());
            assertEquals("", io.out(), e.getKey().toString());
        }
    }

    @Test
    void withoutTheStoreBundleTheCommandsSaySo() {
        CommandLine bare = new CommandLine(new Fakes.Registry(), new Fakes.Reader(), new Fakes.Runner(), () -> 0L,
                name -> null);
        Fakes.Captured c = new Fakes.Captured(false);
        assertEquals(1, bare.execute(List.of("runs"), c.terminal));
        assertEquals("overparam: runs: no run store; the bundle org.overparam.store is not installed\n", c.err());
    }

    @Test
    void showPrintsTheRunAndExportsIt() {
        assertEquals(0, execute("show", "wide-a"));
        String out = io.out();
        assertTrue(out.startsWith("run        wide-a\nname       wide  (seed 1)\nstatus     CONVERGED  converged\n"), out);
        assertTrue(out.contains("\nsweep      s1  point \n") || out.contains("sweep      s1"), out);
        assertTrue(out.contains("  blas OpenBLAS\n"), out);
        assertTrue(out.contains("  architecture  fc    org.x.fc  1.0.0    " + "ab".repeat(32) + "\n"), out);
        assertTrue(out.contains("final metrics\n  train.loss  9.5e-08\n"), out);
        assertTrue(out.contains("  artifacts/w.bin     10  " + "cd".repeat(32) + "\n"), out);
        assertTrue(out.endsWith("spec\n  name: wide\n"), out);
        assertEquals(0, execute("show", "wide-b"));
        assertTrue(io.out().contains("  dyn.movement.u       n/a\n  dyn.steps_to_target  not reached\n"
                + "  train.loss           9.5e-08\n"), "metrics that do not apply are words, not NaN: " + io.out());
        assertEquals(0, execute("show", "wide-b", "--json"));
        assertEquals("run wide-b\n", io.out());
        assertEquals(0, execute("show", "wide-a", "--csv", "--metric", "train.loss", "--points", "100"));
        assertEquals("metrics CSV\n", io.out());
        assertEquals(List.of("train.loss"), store.metricQuery.metrics());
        assertEquals(100, store.metricQuery.maxPoints());
        assertEquals(List.of("wide-a"), store.metricQuery.runIds());
    }

    @Test
    void compareShowsRunsSideBySideAndASweepOverSeeds() {
        assertEquals(0, execute("compare", "wide-a", "wide-b"));
        List<String> lines = io.out().lines().toList();
        assertEquals(List.of(
                "                       wide-a   wide-b",
                "status              CONVERGED  RUNNING",
                "steps                     120        -",
                "loss                9.500e-08        -",
                "seconds                 12.25        -",
                "architecture.width        256     1024",
                "train.loss            9.5e-08        -"), lines);
        assertEquals(0, execute("compare", "wide-a", "wide-b", "--json"));
        assertEquals("comparison [wide-a, wide-b] JSON\n", io.out());
        assertEquals(0, execute("compare", "--sweep", "s1"));
        assertEquals(List.of(
                "architecture.width  runs  train.loss mean   std   min   max",
                "               256     2              0.5  0.25  0.25  0.75"), io.out().lines().toList());
        assertEquals(0, execute("compare", "--sweep", "s1", "--csv"));
        assertEquals("architecture.width,runs,seeds,metric,count,mean,std,min,max\n"
                + "256,wide-a;x,1;2,train.loss,2,0.5,0.25,0.25,0.75\n", io.out());
        assertEquals(ExportFormat.CSV, ExportFormat.valueOf("CSV"));
    }

    @Test
    void tagAddsAndRemoves() {
        assertEquals(0, execute("tag", "wide-a", "paper", "--remove", "old"));
        assertEquals(List.of("wide-a +[paper] -[old]"), store.tagged);
        assertEquals("wide-a  tags: paper\n", io.out());
    }
}
