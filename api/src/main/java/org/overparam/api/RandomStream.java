package org.overparam.api;

import java.nio.charset.StandardCharsets;

/**
 * A seeded, counter-based random stream (SplitMix64 over a counter: Steele, Lea and Flood, OOPSLA
 * 2014). Its whole state is {@code (seed, position)}, so a checkpoint can store and restore it
 * exactly, and streams derived by name are independent of each other and of the order in which
 * components draw: every component of a run draws from {@code runStream.derive(componentName)}.
 *
 * <p>Not thread-safe: one stream per user.
 */
public final class RandomStream {
    private static final long GAMMA = 0x9E3779B97F4A7C15L;
    private final long seed;
    private long position;

    private RandomStream(long seed, long position) {
        this.seed = seed;
        this.position = position;
    }

    /**
     * @param seed any value
     * @return a stream at position 0
     */
    public static RandomStream of(long seed) {
        return new RandomStream(seed, 0);
    }

    /**
     * @param seed the stream's seed, as from {@link #seed()}
     * @param position the position, as from {@link #position()}
     * @return a stream continuing exactly where the one with that state was
     */
    public static RandomStream restore(long seed, long position) {
        return new RandomStream(seed, position);
    }

    /**
     * @param name a component or purpose name, e.g. {@code initializer} or {@code sgd.batches}
     * @return a new stream at position 0 whose seed depends only on this stream's seed and the name
     */
    public RandomStream derive(String name) {
        long h = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return new RandomStream(mix(seed ^ mix(h)), 0);
    }

    /** @return the seed */
    public long seed() {
        return seed;
    }

    /** @return how many 64-bit values have been drawn */
    public long position() {
        return position;
    }

    /** @return the next uniformly distributed 64-bit value */
    public long nextLong() {
        position++;
        return mix(seed + position * GAMMA);
    }

    /** @return a uniform double in [0, 1) with 53 random bits */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** @return a standard normal value (Box-Muller; draws two values) */
    public double nextGaussian() {
        double u1 = 1.0 - nextDouble();
        double u2 = nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    /**
     * @param bound the exclusive upper bound, at least 1
     * @return a uniform int in [0, bound) (Lemire's unbiased method)
     */
    public int nextInt(int bound) {
        if (bound < 1) {
            throw new IllegalArgumentException("bound " + bound + " is below 1");
        }
        long threshold = (1L << 32) % bound;
        while (true) {
            long r = nextLong() >>> 32;
            long m = r * bound;
            if ((m & 0xffffffffL) >= threshold) {
                return (int) (m >>> 32);
            }
        }
    }

    /** @return +1 or -1 with equal probability */
    public double nextSign() {
        return nextLong() < 0 ? -1.0 : 1.0;
    }

    /** Shuffles in place (Fisher-Yates). @param a the values */
    public void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /**
     * @param out filled with independent N(0, sigma^2) values
     * @param sigma the standard deviation
     */
    public void fillGaussian(double[] out, double sigma) {
        for (int i = 0; i < out.length; i++) {
            out[i] = sigma * nextGaussian();
        }
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
