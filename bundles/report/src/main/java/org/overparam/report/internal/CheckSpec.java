package org.overparam.report.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.overparam.api.InvalidInputException;

/**
 * A reproduction check as its experiment file states it (examples/reproduce/*.yaml), in comment lines
 * starting {@code #@} that a run ignores:
 * <pre>
 * #@ check: B2                     the check's id; its runs are named so ({@code name: B2})
 * #@ claim: relative weight movement falls like m^-1/2   the paper's claim, one line
 * #@ test: exponent metric=dynamics.movement x=architecture.width in=[-0.65,-0.35]
 * #@ not-testable: why              instead of tests, for a check that cannot run here
 * </pre>
 * Every {@code test} line must hold for the check to hold ({@link CheckTest}).
 *
 * @param id the check's id, e.g. {@code B2}
 * @param claim the claim
 * @param tests its statements, at least one unless {@code notTestable}
 * @param notTestable why it cannot be tested here, or {@code null}
 * @param file the file it was read from
 */
record CheckSpec(String id, String claim, List<CheckTest> tests, String notTestable, Path file) {
    /** The prefix of a check's lines. */
    static final String PREFIX = "#@";

    /** Copies the list. */
    CheckSpec {
        tests = List.copyOf(tests);
    }

    /**
     * @param file a check file
     * @return its check
     * @throws InvalidInputException naming file:line for a malformed line, a missing id or claim, no test
     */
    static CheckSpec read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException(file.toString(), "cannot read the check: " + e.getMessage());
        }
        String id = null;
        String claim = null;
        String notTestable = null;
        List<CheckTest> tests = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.startsWith(PREFIX)) {
                continue;
            }
            String where = file + ":" + (i + 1);
            String body = line.substring(PREFIX.length()).strip();
            int colon = body.indexOf(':');
            if (colon < 1) {
                throw new InvalidInputException(where, "a check line is '#@ key: value'");
            }
            String key = body.substring(0, colon).strip();
            String value = body.substring(colon + 1).strip();
            switch (key) {
                case "check" -> id = value;
                case "claim" -> claim = value;
                case "test" -> tests.add(CheckTest.parse(value, where));
                case "not-testable" -> notTestable = value;
                default -> throw new InvalidInputException(where, "unknown check key '" + key
                        + "'; one of check, claim, test, not-testable");
            }
        }
        if (id == null || claim == null) {
            throw new InvalidInputException(file.toString(), "a check file needs '#@ check: ID' and '#@ claim: ...'");
        }
        if (tests.isEmpty() && notTestable == null) {
            throw new InvalidInputException(file.toString(), "a check needs a '#@ test: ...' or '#@ not-testable: why'");
        }
        return new CheckSpec(id, claim, tests, notTestable, file);
    }
}
