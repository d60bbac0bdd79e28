package org.overparam.dashboard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.overparam.api.InvalidInputException;

/** The arguments of serve: defaults, both option spellings, and one-line errors naming the option. */
class ServeArgsTest {
    private static final Path RUNS = Path.of("runs");

    @Test
    void defaultsAreLoopbackTheFirstFreePortAndTheDefaultRunsFolder() {
        assertEquals(new ServeArgs(0, "127.0.0.1", RUNS), ServeArgs.parse(List.of(), RUNS));
        assertEquals(new ServeArgs(9000, "0.0.0.0", Path.of("/r")),
                ServeArgs.parse(List.of("--port", "9000", "--host=0.0.0.0", "--runs", "/r"), RUNS));
    }

    @Test
    void badArgumentsAreOneLineNamingTheOption() {
        assertEquals("--port: '0' is not a port (1-65535)", assertThrows(InvalidInputException.class,
                () -> ServeArgs.parse(List.of("--port", "0"), RUNS)).oneLine());
        assertEquals("--port: 'http' is not a port (1-65535)", assertThrows(InvalidInputException.class,
                () -> ServeArgs.parse(List.of("--port=http"), RUNS)).oneLine());
        assertEquals("serve: unknown argument '--prot'; usage: overparam " + ServeArgs.USAGE,
                assertThrows(InvalidInputException.class, () -> ServeArgs.parse(List.of("--prot", "1"), RUNS)).oneLine());
        assertEquals("serve: --runs needs a value; usage: overparam " + ServeArgs.USAGE,
                assertThrows(InvalidInputException.class, () -> ServeArgs.parse(List.of("--runs"), RUNS)).oneLine());
    }
}
