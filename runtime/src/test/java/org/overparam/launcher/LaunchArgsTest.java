package org.overparam.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How the launcher splits its own options from the command it hands on. */
class LaunchArgsTest {
    @Test
    void leadingVerboseIsConsumed() throws LaunchException {
        LaunchArgs args = LaunchArgs.parse("--verbose", "run", "x.yaml");
        assertTrue(args.verbose());
        assertFalse(args.shell());
        assertEquals(List.of("run", "x.yaml"), args.command());
    }

    @Test
    void verboseAfterTheCommandBelongsToTheCommand() throws LaunchException {
        LaunchArgs args = LaunchArgs.parse("run", "x.yaml", "--verbose");
        assertFalse(args.verbose());
        assertEquals(List.of("run", "x.yaml", "--verbose"), args.command());
    }

    @Test
    void serveKeepsItsArgumentsAndIsNotTheShell() throws LaunchException {
        LaunchArgs args = LaunchArgs.parse("serve", "--port", "9000");
        assertTrue(args.serve());
        assertFalse(args.shell());
        assertEquals(List.of("serve", "--port", "9000"), args.command());
        assertFalse(LaunchArgs.parse("run", "serve").serve());
    }

    @Test
    void shellIsAMode() throws LaunchException {
        LaunchArgs args = LaunchArgs.parse("--verbose", "shell");
        assertTrue(args.shell());
        assertTrue(args.verbose());
        assertEquals(List.of(), args.command());
    }

    @Test
    void noArgumentsGoToTheCommandLineUnchanged() throws LaunchException {
        LaunchArgs args = LaunchArgs.parse();
        assertFalse(args.shell());
        assertEquals(0, args.commandArray().length);
    }

    @Test
    void shellWithArgumentsIsRefused() {
        LaunchException failure = assertThrows(LaunchException.class, () -> LaunchArgs.parse("shell", "lb"));
        assertEquals(2, failure.exitCode());
    }
}
