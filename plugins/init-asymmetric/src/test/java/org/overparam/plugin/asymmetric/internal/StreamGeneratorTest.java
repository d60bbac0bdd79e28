package org.overparam.plugin.asymmetric.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.overparam.api.RandomStream;

/** The adapter draws from the stream and nowhere else, so (seed, position) stays the whole state. */
class StreamGeneratorTest {
    @Test
    void drawsAreTheStreamsAndAdvanceIt() {
        RandomStream a = RandomStream.of(9);
        RandomStream b = RandomStream.of(9);
        StreamGenerator g = new StreamGenerator(a);
        assertEquals(b.nextGaussian(), g.nextGaussian(), 0);
        assertEquals(b.nextDouble(), g.nextDouble(), 0);
        assertEquals(b.nextInt(7), g.nextInt(7));
        assertEquals(b.nextLong(), g.nextLong());
        assertEquals(b.position(), a.position());
        NormalDistribution n = new NormalDistribution(g, 1.0, 3.0);
        assertEquals(3.0 * b.nextGaussian() + 1.0, n.sample(), 0);
        RandomStream restored = RandomStream.restore(a.seed(), a.position());
        assertEquals(new NormalDistribution(new StreamGenerator(restored), 0, 1).sample(),
                new NormalDistribution(g, 0, 1).sample(), 0, "a restored stream continues exactly");
    }

    @Test
    void rangesAndReseeding() {
        StreamGenerator g = new StreamGenerator(RandomStream.of(1));
        for (int i = 0; i < 1000; i++) {
            float f = g.nextFloat();
            assertTrue(f >= 0 && f < 1);
            int k = g.nextInt(3);
            assertTrue(k >= 0 && k < 3);
        }
        byte[] bytes = new byte[11];
        g.nextBytes(bytes);
        assertThrows(UnsupportedOperationException.class, () -> g.setSeed(1L));
        assertThrows(IllegalArgumentException.class, () -> g.nextInt(0));
    }
}
