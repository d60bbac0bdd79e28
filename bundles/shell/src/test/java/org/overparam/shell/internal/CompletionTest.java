package org.overparam.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.felix.service.command.Descriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tab completion of the op: commands, and the help text Gogo prints for each of them. */
class CompletionTest {
    @TempDir
    Path dir;

    Completion completion() {
        return new Completion(new Fakes.Registry(), () -> List.of("quickstart-20261207-1200-ab12", "sweep-1-0002"), dir);
    }

    /** @return the candidates for the last word of the line (a line ending in a blank: a new word) */
    List<String> at(String line) {
        List<String> words = new ArrayList<>(Arrays.asList(line.strip().split(" +")));
        if (line.endsWith(" ")) {
            words.add("");
        }
        return completion().candidates(words, words.size() - 1).stream()
                .map(c -> c.value() + (c.complete() ? " " : "")).toList();
    }

    @Test
    void kindsThenNamesForListAndDescribe() {
        assertEquals(List.of("dataset ", "architecture ", "initializer ", "loss ", "optimizer ", "schedule ",
                "constraint ", "analyzer "), at("op:describe "));
        assertEquals(at("op:describe "), at("list "));
        assertEquals(List.of("gd "), at("op:describe optimizer g"));
        assertEquals(List.of("fc "), at("describe architecture "));
        assertEquals(List.of(), at("op:list optimizer "));
    }

    @Test
    void experimentFilesAndFoldersThenOverrideKeysForRun() throws IOException {
        Files.writeString(dir.resolve("quick.yaml"), "");
        Files.writeString(dir.resolve("notes.txt"), "");
        Files.createDirectories(dir.resolve("examples"));
        Files.writeString(dir.resolve("examples").resolve("cnn.yaml"), "");
        assertEquals(List.of("examples/", "quick.yaml "), at("op:run "));
        assertEquals(List.of("examples/cnn.yaml "), at("op:run examples/c"));
        assertEquals(List.of("examples/"), at("op:run quick.yaml --runs "), "folders only after --runs");
        assertEquals(List.of("examples/"), at("op:sweep --resume "));
        List<String> keys = at("op:run quick.yaml ");
        assertEquals(List.of("name=", "seed=", "dataset=", "dataset.", "architecture=", "architecture.", "initializer=",
                "initializer.", "loss=", "loss.", "optimizer=", "optimizer.", "schedule=", "schedule.", "constraints=",
                "analyzers=", "stop=", "stop.", "freeze=", "switch=", "checkpoint="), keys);
        assertTrue(at("op:sweep quick.yaml ").contains("seeds="));
        assertTrue(!keys.contains("seeds="), "seeds= is a sweep argument");
    }

    @Test
    void componentNamesAfterEqualsAndParameterKeysAfterDot() {
        assertEquals(List.of("optimizer=gd "), at("op:run f.yaml optimizer="));
        assertEquals(List.of("architecture=fc "), at("op:run f.yaml architecture=f"));
        assertEquals(List.of("architecture.activation=", "architecture.bias=", "architecture.depth=",
                "architecture.sigma=", "architecture.width=", "architecture.widths="), at("op:run f.yaml architecture.w"));
        assertEquals(List.of("optimizer.lr="), at("op:run f.yaml optimizer=gd optimizer."));
        assertEquals(List.of(), at("op:run f.yaml optimizer=adam optimizer."), "adam is not installed");
        assertEquals(List.of("stop.maxSteps=", "stop.targetLoss="), at("op:run f.yaml stop."));
        assertEquals(List.of(), at("op:run f.yaml seed="));
    }

    @Test
    void optionsAndRunIds() {
        assertEquals(List.of("--runs ", "--fragments "), at("op:run f.yaml --"));
        assertEquals(List.of("--runs ", "--wait "), at("stop -"));
        List<String> ids = List.of("quickstart-20261207-1200-ab12 ", "sweep-1-0002 ");
        assertEquals(ids, at("op:show "));
        assertEquals(ids, at("op:show --runs runs "));
        assertEquals(List.of(), at("op:show quickstart-20261207-1200-ab12 "), "show takes one run");
        assertEquals(ids, at("op:compare quickstart-20261207-1200-ab12 "));
        assertEquals(ids, at("op:swap "));
        assertEquals(List.of("optimizer=gd "), at("op:swap sweep-1-0002 optimizer="));
        assertEquals(List.of(), at("op:stale "));
    }

    @Test
    void everyOptionOfferedIsInTheCommandLinesUsage() {
        Completion.OPTIONS.forEach((command, options) -> options.forEach(o -> assertTrue(
                CommandLine.USAGE.contains(o) || ShowCommand.USAGE.contains(o),
                command + " " + o)));
    }

    @Test
    void everyGogoCommandHasHelpTextWithItsUsage() throws ReflectiveOperationException {
        List<String> functions = new ArrayList<>();
        for (Method m : GogoCommands.class.getDeclaredMethods()) {
            if (!java.lang.reflect.Modifier.isPublic(m.getModifiers())) {
                continue;
            }
            functions.add(m.getName());
            Descriptor d = m.getAnnotation(Descriptor.class);
            assertTrue(d != null, m.getName() + " has no @Descriptor");
            String usage = d.value().lines().filter(l -> l.strip().startsWith("usage: ")).findFirst().orElse("");
            assertTrue(usage.strip().startsWith("usage: op:" + m.getName()), m.getName() + ": " + d.value());
            assertTrue(d.value().lines().findFirst().orElseThrow().length() > 20, m.getName() + ": a real description");
            Descriptor arg = m.getParameters()[0].getAnnotation(Descriptor.class);
            assertTrue(arg != null && !arg.value().isBlank(), m.getName() + "'s arguments are described");
        }
        functions.add("verify");
        functions.add("help");
        for (String command : List.of("run", "report", "sweep", "resume", "stop", "list", "describe", "verify", "help",
                "runs", "show", "compare", "tag", "swap", "stale", "calibrate", "reproduce")) {
            assertTrue(functions.contains(command), "no op:" + command);
        }
        Method verify = VerifyGogoCommand.class.getMethod("verify", String[].class);
        assertTrue(verify.getAnnotation(Descriptor.class).value().contains("usage: op:verify JAR"));
        assertTrue(GogoHelp.RUN.contains("op:run FILE &"), "the help says how to keep the shell during a run");
    }
}
