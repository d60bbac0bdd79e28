package org.overparam.engine.internal.loop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.overparam.api.BlockRole;
import org.overparam.api.BlockScale;
import org.overparam.api.BlockSpec;
import org.overparam.api.Layout;
import org.overparam.api.Params;
import org.overparam.api.Scaling;
import org.overparam.api.Shape;

/**
 * The step's fused and allocation-free passes give the very bits of the passes they replace:
 * {@link Params#axpyNorm} against {@link Params#axpy} then {@link Params#norm} (its finiteness flags
 * against the values it wrote), and
 * {@link Scaling#effective(Params, Params)} against {@link Scaling#effective(Params)} (exact equality
 * of the raw bits; the API's results must not move for a refactor, docs/architecture.md).
 */
class FusedPassesTest {
    private static final Layout LAYOUT = new Layout(List.of(
            BlockSpec.of("W1", Shape.of(37, 13), BlockRole.INPUT, 13),
            BlockSpec.of("b1", Shape.of(37), BlockRole.HIDDEN, 1),
            BlockSpec.of("W2", Shape.of(3, 37), BlockRole.OUTPUT, 37)));

    private static Params random(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Params p = Params.zeros(LAYOUT);
        for (int i = 0; i < LAYOUT.count(); i++) {
            double[] b = p.block(i);
            for (int j = 0; j < b.length; j++) {
                b[j] = r.nextGaussian() * Math.exp(r.nextGaussian());
            }
        }
        return p;
    }

    private static void assertSameBits(Params want, Params got) {
        for (int i = 0; i < LAYOUT.count(); i++) {
            double[] w = want.block(i);
            double[] g = got.block(i);
            assertEquals(w.length, g.length);
            for (int j = 0; j < w.length; j++) {
                assertEquals(Double.doubleToRawLongBits(w[j]), Double.doubleToRawLongBits(g[j]), "block " + i + " at " + j);
            }
        }
    }

    @Test
    void axpyNormIsAxpyThenNormBitForBit() {
        for (long seed = 1; seed <= 5; seed++) {
            Params x = random(seed);
            Params fused = random(seed + 100);
            Params separate = fused.copy();
            double alpha = -0.37 * seed;
            double norm = fused.axpyNorm(alpha, x);
            separate.axpy(alpha, x);
            assertEquals(Double.doubleToRawLongBits(x.norm()), Double.doubleToRawLongBits(norm), "seed " + seed);
            assertSameBits(separate, fused);
        }
        Params p = random(9);
        assertThrows(IllegalArgumentException.class, () -> p.axpyNorm(1.0, p));
    }

    @Test
    void axpyNormWithFinitenessIsTheSameBitsAndReadsTheWrittenValues() {
        for (long seed = 1; seed <= 3; seed++) {
            Params x = random(seed);
            Params fused = random(seed + 100);
            Params plain = fused.copy();
            boolean[] finite = new boolean[LAYOUT.count()];
            double norm = fused.axpyNorm(-0.3, x, finite);
            assertEquals(Double.doubleToRawLongBits(plain.axpyNorm(-0.3, x)), Double.doubleToRawLongBits(norm));
            assertSameBits(plain, fused);
            assertArrayEquals(new boolean[] {true, true, true}, finite);
        }
        Params p = random(7);
        Params x = p.zerosLike();
        p.block(0)[5] = Double.MAX_VALUE;
        x.block(0)[5] = 1.0;
        x.block(2)[3] = Double.NaN;
        boolean[] finite = new boolean[LAYOUT.count()];
        p.axpyNorm(Double.MAX_VALUE, x, finite);
        assertArrayEquals(new boolean[] {false, true, false}, finite, "an overflow and a NaN, each in its block");
        assertEquals(Double.POSITIVE_INFINITY, p.block(0)[5]);
        Params q = random(8);
        q.block(1)[0] = Double.NEGATIVE_INFINITY;
        q.axpyNorm(1.0, q.zerosLike(), finite);
        assertArrayEquals(new boolean[] {true, false, true}, finite, "a value that was not finite stays so");
        assertThrows(IllegalArgumentException.class, () -> q.axpyNorm(1.0, x, new boolean[2]));
    }

    @Test
    void effectiveIntoAWorkspaceIsTheAllocatingProductBitForBit() {
        double[] perInput = new double[37];
        SplittableRandom r = new SplittableRandom(3);
        for (int j = 0; j < perInput.length; j++) {
            perInput[j] = Math.sqrt(r.nextDouble());
        }
        Scaling scaling = new Scaling(LAYOUT, List.of(BlockScale.of(1 / Math.sqrt(13)), BlockScale.ONE,
                new BlockScale(0.7, perInput)));
        Params workspace = Params.zeros(LAYOUT);
        for (long seed = 1; seed <= 3; seed++) {
            Params raw = random(seed);
            Params into = scaling.effective(raw, workspace);
            assertSameBits(scaling.effective(raw), into);
            assertSame(workspace.block(0), into.block(0));
            assertSame(raw.block(1), into.block(1), "an identity block shares raw's array, as effective(raw) does");
            assertSame(workspace.block(2), into.block(2));
            assertArrayEquals(random(seed).block(0), raw.block(0), 0.0, "raw is not modified");
        }
        Layout other = new Layout(List.of(BlockSpec.of("x", Shape.of(2), BlockRole.INPUT, 1)));
        assertThrows(IllegalArgumentException.class, () -> scaling.effective(random(1), Params.zeros(other)));
    }

    @Test
    void ofFindsTheScalingOfAWrappedModelOnly() {
        Scaling scaling = Scaling.identity(LAYOUT);
        org.overparam.api.Model inner = (org.overparam.api.Model) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {org.overparam.api.Model.class},
                (proxy, method, args) -> method.getName().equals("layout") ? LAYOUT : null);
        assertSame(scaling, Scaling.of(scaling.wrap(inner)).orElseThrow());
        assertEquals(java.util.Optional.empty(), Scaling.of(inner));
        assertNotSame(inner, scaling.wrap(inner));
    }
}
