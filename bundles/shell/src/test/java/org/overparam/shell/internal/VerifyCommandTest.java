package org.overparam.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code verify} command's arguments and its place in the command line. The checks themselves
 * run in a framework: they are tested in sdk/check, sdk/harness and sdk/tests.
 */
class VerifyCommandTest {
    @TempDir
    Path dir;
    final Fakes.Captured io = new Fakes.Captured(false);
    final CommandLine cli = new CommandLine(new Fakes.Registry(), new Fakes.Reader(), new Fakes.Runner(), () -> 0L,
            name -> null).verify(new VerifyCommand(null, new Fakes.Registry(), new Fakes.Reader(), new Fakes.Runner()));

    int execute(String... args) {
        return cli.execute(Arrays.asList(args), io.terminal);
    }

    @Test
    void needsExactlyOneExistingJar() throws Exception {
        assertEquals(2, execute("verify"));
        assertEquals(2, execute("verify", "a.jar", "b.jar"));
        assertEquals(2, execute("verify", "--all"));
        assertEquals(2, execute("verify", dir.resolve("missing.jar").toString()));
        Files.createDirectories(dir.resolve("folder.jar"));
        assertEquals(2, execute("verify", dir.resolve("folder.jar").toString()));
        Files.writeString(dir.resolve("text.jar"), "name: not a jar\n");
        assertEquals(2, execute("verify", dir.resolve("text.jar").toString()));
        assertEquals("overparam: verify: missing JAR; usage: overparam verify JAR\n"
                + "overparam: verify: expected one JAR, got [a.jar, b.jar]; usage: overparam verify JAR\n"
                + "overparam: verify: expected one JAR, got [--all]; usage: overparam verify JAR\n"
                + "overparam: " + dir.resolve("missing.jar") + ": no such file\n"
                + "overparam: " + dir.resolve("folder.jar") + ": a folder, not a jar; usage: overparam verify JAR\n"
                + "overparam: " + dir.resolve("text.jar") + ": not a jar (zip END header not found); verify takes a "
                + "plugin's jar, e.g. target/my-plugin-1.0.0.jar\n", io.err());
        assertEquals("", io.out());
    }

    @Test
    void withoutAContainerItSaysSo() {
        CommandLine bare = new CommandLine(new Fakes.Registry(), new Fakes.Reader(), new Fakes.Runner(), () -> 0L,
                name -> null);
        assertEquals(2, bare.execute(Arrays.asList("verify", "x.jar"), io.terminal));
        assertEquals("overparam: verify: needs a running container\n", io.err());
    }

    @Test
    void isListedInTheUsage() {
        assertEquals(true, CommandLine.USAGE.contains("\n  verify JAR "));
        assertEquals(2, execute("verfy", "x.jar"));
        assertEquals("overparam: unknown command 'verfy' (did you mean 'verify'?); try 'overparam help'\n", io.err());
    }
}
