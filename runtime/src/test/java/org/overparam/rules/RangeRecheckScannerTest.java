package org.overparam.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The scanner finds the re-checks it defines, and only those, in small sample sources. */
class RangeRecheckScannerTest {
    private static final String CONFIG = """
            public @interface Config {
                @Param(value = "learning rate (eta), see (1)", min = 0, minExclusive = true)
                double lr() default 0.1;
                @Param(value = "hidden units (m)",
                        min = 1)
                int width() default 8;
                @Param("no range: min = 3 in the text only")
                double noise() default 0;
                @Param(value = "the head", options = {"a", "b"})
                String head() default "a";
            }
            """;

    @Test
    void rangedParametersAreThoseWithABound() {
        assertEquals(Set.of("lr", "width"), RangeRecheckScanner.rangedParams(List.of(CONFIG)));
    }

    @Test
    void reintroducedRangeChecksAreFound() {
        String source = """
                class GradientDescent {
                    double step(Config c) {
                        double lr = c.lr();
                        if (!(lr > 0) || Double.isInfinite(lr)) {
                            throw new InvalidInputException("lr", "learning rate " + lr + " must be above 0");
                        }
                        int m = c.width();
                        if (m < 1) throw new InvalidInputException("width", "width " + m + " is below 1");
                        int w = atLeast("width", c.width(), 1);
                        return lr;
                    }
                }
                """;
        assertEquals(List.of("line 4: lr", "line 8: width", "line 9: width"),
                RangeRecheckScanner.rechecks(source, Set.of("lr", "width")));
    }

    @Test
    void callsOfARangeHelperAreFound() {
        String source = """
                class Clipped {
                    double step(Config c) {
                        check("lr", c.lr());
                        atLeast("width", c.width(), 1);
                        check("other", 2.0);
                        return c.lr();
                    }

                    private static void check(String name, double value) {
                        if (!(value > 0) || Double.isInfinite(value)) {
                            throw new InvalidInputException(name, name + " must be a finite number above 0");
                        }
                    }

                    private static void atLeast(String name, int value, int min) {
                        if (value < min) {
                            throw new InvalidInputException(name, name + " " + value + " is below " + min);
                        }
                    }
                }
                """;
        assertEquals(List.of("line 4: width", "line 3: lr", "line 4: width"),
                RangeRecheckScanner.rechecks(source, Set.of("lr", "width")));
    }

    @Test
    void checksOfSeveralParametersTheDataOrMetricsAreKept() {
        String source = """
                class Plan {
                    // if (c.width() < 1) { throw new InvalidInputException("width", "in a comment"); }
                    void of(Config c, int rows, Sink out) {
                        if (c.width() > rows) {
                            throw new InvalidInputException("width", "more units than rows");
                        }
                        if (c.auto() && c.lr() > 1) {
                            throw new InvalidInputException("lr", "auto needs lr at most 1");
                        }
                        if (c.noise() < 0) {
                            throw new InvalidInputException("noise", "not a ranged parameter");
                        }
                        out.scalar("width", s.width());
                    }
                }
                """;
        assertEquals(List.of(), RangeRecheckScanner.rechecks(source, Set.of("lr", "width")));
    }
}
