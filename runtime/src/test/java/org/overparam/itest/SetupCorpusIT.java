package org.overparam.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.ExperimentRunner;
import org.overparam.api.run.RunListener;
import org.overparam.api.run.RunSpec;
import org.overparam.api.run.SpecReader;

/**
 * The part of the bad-input corpus whose errors only the real components find, at run setup: the
 * cases in {@code bundles/shell/src/test/resources/bad-input/setup/} (data files, analyzers' files).
 * Each is read (the reader accepts it) and run through the real runner in Felix; it must be refused
 * with its {@code # expect:} line as one {@link InvalidInputException} (the command line's exit
 * code 2), before any run folder exists. {@code {dir}} in a case stands for its folder and
 * {@code {file}} for the case itself.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SetupCorpusIT {
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
    public void everySetupCaseIsOneLineAndWritesNothing() throws IOException {
        Path corpus = Path.of(System.getProperty("overparam.examples")).resolveSibling("bundles/shell/src/test/resources"
                + "/bad-input/setup");
        Path dir = Files.createTempDirectory("overparam-setup-corpus");
        copy(corpus, dir);
        List<Path> cases;
        try (Stream<Path> s = Files.list(dir)) {
            cases = s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        }
        assertEquals("cases in " + corpus, 3, cases.size());
        for (Path file : cases) {
            String text = Files.readString(file, StandardCharsets.UTF_8).replace("{dir}", dir.toString());
            Files.writeString(file, text);
            String expect = null;
            for (String line : text.split("\n")) {
                if (line.startsWith("# expect: ")) {
                    expect = line.substring("# expect: ".length()).replace("{file}", file.toString());
                }
            }
            assertNotNull(file + " has no '# expect:' line", expect);
            RunSpec spec = reader.read(file, List.of());
            Path runs = dir.resolve("runs-" + file.getFileName());
            try {
                runner.run(spec, runs, RunListener.NONE);
                fail(file.getFileName() + ": the run started");
            } catch (InvalidInputException e) {
                assertEquals(file.getFileName().toString(), expect, e.oneLine());
                assertTrue(e.oneLine().indexOf('\n') < 0);
            }
            assertTrue(file.getFileName() + " wrote something", !Files.exists(runs) || isEmpty(runs));
        }
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.findAny().isEmpty();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
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
    }
}
