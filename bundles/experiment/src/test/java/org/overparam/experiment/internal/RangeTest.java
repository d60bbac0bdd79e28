package org.overparam.experiment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.overparam.api.InvalidInputException;

/** Linear and geometric ranges: values, the excluded stop, rounding and errors. */
class RangeTest {
    static List<Object> values(String text) {
        return Range.values(text, "here").stream().map(n -> ((Node.Scalar) n).value()).toList();
    }

    static String error(String text) {
        return assertThrows(InvalidInputException.class, () -> Range.values(text, "here")).oneLine();
    }

    @Test
    void linearRangesExcludeTheStop() {
        assertEquals(List.of(0L, 1L, 2L), values("range(0,3)"));
        assertEquals(List.of(10L, 7L, 4L, 1L), values("range(10, 0, -3)"));
        assertEquals(List.of(0.1, 0.2, 0.3), values(" range(0.1, 0.4, 0.1) "));
        assertEquals(List.of(0.0, 0.25, 0.5, 0.75), values("range(0, 1, 0.25)"));
        assertEquals(List.of(), values("range(5, 1)"));
    }

    @Test
    void geometricRangesMultiply() {
        assertEquals(List.of(128L, 256L, 512L, 1024L), values("range(128, 2048, x2)"));
        assertEquals(List.of(1024.0, 512.0, 256.0, 128.0), values("range(1024, 64, x0.5)"));
        assertEquals(List.of(0.001, 0.01, 0.1), values("range(1e-3, 1, x10)"));
        assertEquals(List.of(64.0, 96.0, 144.0), values("range(64, 200, x1.5)"));
        assertEquals(List.of(), values("range(2048, 128, x2)"));
        assertEquals(List.of(1L, 100000000000000000L), values("range(1, 900000000000000000, x100000000000000000)"));
    }

    @Test
    void syntax() {
        assertTrue(Range.isRange("range (1, 2)"));
        assertFalse(Range.isRange("[1, 2]"));
        String usage = "expected range(START, STOP), range(START, STOP, STEP) or range(START, STOP, xFACTOR)";
        assertEquals("here: bad range 'range(1)': " + usage, error("range(1)"));
        assertEquals("here: bad range 'range(1, 2, 3, 4)': " + usage, error("range(1, 2, 3, 4)"));
        assertEquals("here: bad range 'range(1, 2': " + usage, error("range(1, 2"));
        assertEquals("here: bad range 'range(a, 2)': 'a' is not a number", error("range(a, 2)"));
        assertEquals("here: bad range 'range(1, 2, )': '' is not a number", error("range(1, 2, )"));
        assertEquals("here: bad range 'range(1, 5, 0)': the step is 0", error("range(1, 5, 0)"));
        assertEquals("here: bad range 'range(1, 5, x1)': the factor x1 must be positive and not 1", error("range(1, 5, x1)"));
        assertEquals("here: bad range 'range(0, 5, x2)': a geometric range needs a positive START and STOP",
                error("range(0, 5, x2)"));
        assertEquals("here: bad range 'range(1, NaN)': 'NaN' is not a number", error("range(1, NaN)"));
        assertEquals("here: range 'range(0, 20000)' has more than 10000 values", error("range(0, 20000)"));
    }
}
