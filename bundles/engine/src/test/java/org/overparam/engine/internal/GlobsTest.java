package org.overparam.engine.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.overparam.api.BlockRole;
import org.overparam.api.BlockSpec;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Layout;
import org.overparam.api.Shape;

/** Freeze globs: '*' and '?' only; everything else literal. */
class GlobsTest {
    @Test
    void starAndQuestionMark() {
        assertTrue(Globs.compile("W*").matcher("W12").matches());
        assertTrue(Globs.compile("W*").matcher("W").matches());
        assertTrue(Globs.compile("b?").matcher("b1").matches());
        assertFalse(Globs.compile("b?").matcher("b12").matches());
        assertTrue(Globs.compile("conv.*.weight").matcher("conv.2.weight").matches());
        assertFalse(Globs.compile("conv.1").matcher("convX1").matches(), "'.' is literal");
        assertFalse(Globs.compile("W[1]").matcher("W1").matches(), "brackets are literal");
    }

    @Test
    void freezeMarksMatchesAndRejectsGlobsMatchingNothing() {
        List<BlockSpec> blocks = new ArrayList<>();
        for (String n : List.of("W1", "b1", "W2", "b2")) {
            blocks.add(BlockSpec.of(n, Shape.of(2), n.startsWith("b") ? BlockRole.BIAS : BlockRole.HIDDEN, 1));
        }
        Layout layout = new Layout(blocks);
        boolean[] trainable = {true, true, true, true};
        Globs.freeze(List.of("b*", "W2"), layout, trainable);
        assertArrayEquals(new boolean[] {true, false, false, false}, trainable);
        assertThrows(InvalidInputException.class, () -> Globs.freeze(List.of("W3"), layout, trainable));
    }
}
