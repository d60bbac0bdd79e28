package org.overparam.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.overparam.api.BlockRole;
import org.overparam.api.BlockSpec;
import org.overparam.api.Shape;

/** Assertions on an architecture's layout: a block's shape, role, fan-in, whether it trains and what it is tied to. */
public final class BlockChecks {
    private BlockChecks() {
    }

    /** Asserts a trainable block tied to none with this shape, role and fan-in. */
    public static void assertBlock(BlockSpec b, Shape shape, BlockRole role, int fanIn) {
        assertBlock(b, shape, role, fanIn, true, null);
    }

    /**
     * @param trainable whether the block trains
     * @param tiedTo the block it is tied to, or null
     */
    public static void assertBlock(BlockSpec b, Shape shape, BlockRole role, int fanIn, boolean trainable, String tiedTo) {
        assertEquals(shape, b.shape(), b.name());
        assertEquals(role, b.role(), b.name());
        assertEquals(fanIn, b.fanIn(), b.name());
        assertEquals(trainable, b.trainable(), b.name());
        assertEquals(tiedTo, b.tiedTo(), b.name());
    }
}
