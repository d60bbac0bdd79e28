package org.overparam.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.overparam.api.Batch;
import org.overparam.api.Forward;
import org.overparam.api.Params;
import org.overparam.api.Shape;

/**
 * A forward pass into an earlier pass's arrays ({@code Model.forward(params, batch, reuse)}) gives
 * the very bits of a fresh pass, outputs and gradients, whatever the earlier arrays held; it writes
 * into them when sizes fit and allocates when they do not (another batch size); a pass of another
 * network is ignored.
 */
class ReusedPassTest {
    private static final Network NET = Network.of(Shape.of(2, 3), Layers.flatten(), Layers.dense(7).withBias(0.1),
            Layers.tanh(), Layers.dense(5), Layers.relu(), Layers.dense(2).withBias(0.1));

    private static Params random(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Params p = Params.zeros(NET.layout());
        for (int i = 0; i < p.layout().count(); i++) {
            double[] b = p.block(i);
            for (int j = 0; j < b.length; j++) {
                b[j] = r.nextGaussian();
            }
        }
        return p;
    }

    private static Batch batch(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n * 6];
        for (int j = 0; j < x.length; j++) {
            x[j] = r.nextGaussian();
        }
        return new Batch(Shape.of(2, 3), n, x, 2, new double[n * 2], null);
    }

    private static double[] dOut(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] d = new double[n * 2];
        for (int j = 0; j < d.length; j++) {
            d[j] = r.nextGaussian();
        }
        return d;
    }

    private static void assertSameBits(double[] want, double[] got, String what) {
        assertEquals(want.length, got.length, what);
        for (int j = 0; j < want.length; j++) {
            assertEquals(Double.doubleToRawLongBits(want[j]), Double.doubleToRawLongBits(got[j]), what + " at " + j);
        }
    }

    private static void assertSameGradient(Forward fresh, Forward reused, double[] d) {
        Params want = Params.zeros(NET.layout());
        NET.backward(fresh, d, want);
        Params got = random(99);
        NET.backward(reused, d, got);
        for (int i = 0; i < want.layout().count(); i++) {
            assertSameBits(want.block(i), got.block(i), "gradient block " + want.layout().block(i).name());
        }
    }

    @Test
    void aReusedPassIsAFreshPassBitForBitAndWritesIntoTheEarlierArrays() {
        Batch b = batch(11, 1);
        Forward earlier = NET.forward(random(1), b, null);
        NET.backward(earlier, dOut(11, 1), Params.zeros(NET.layout()));
        double[] earlierOutput = earlier.output();
        for (long step = 2; step <= 4; step++) {
            Params p = random(step);
            Forward fresh = NET.forward(p, b);
            Forward reused = NET.forward(p, b, earlier);
            assertSame(earlierOutput, reused.output(), "the output layer writes into the earlier pass's array");
            assertSameBits(fresh.output(), reused.output(), "output at step " + step);
            assertSameGradient(fresh, reused, dOut(11, step));
            earlier = reused;
        }
    }

    @Test
    void anotherBatchSizeOrAnotherNetworkAllocates() {
        Network other = Network.of(Shape.of(2, 3), Layers.flatten(), Layers.dense(2));
        Forward foreign = other.forward(Params.zeros(other.layout()), batch(11, 2));
        Forward earlier = NET.forward(random(1), batch(11, 1));
        Params p = random(5);
        Batch small = batch(4, 3);
        Forward resized = NET.forward(p, small, earlier);
        assertNotSame(earlier.output(), resized.output());
        assertSameBits(NET.forward(p, small).output(), resized.output(), "output of the smaller batch");
        assertSameGradient(NET.forward(p, small), resized, dOut(4, 3));
        Forward ignored = NET.forward(p, small, foreign);
        assertNotSame(foreign.output(), ignored.output());
        assertSameBits(NET.forward(p, small).output(), ignored.output(), "output beside a foreign pass");
    }
}
