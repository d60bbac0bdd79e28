package org.overparam.plugin.asymmetric.internal;

import org.apache.commons.math3.random.RandomGenerator;
import org.overparam.api.RandomStream;

/**
 * Commons Math's {@link RandomGenerator} over the run's {@link RandomStream}, so that its
 * distributions draw from a stream whose whole state is {@code (seed, position)}: every value comes
 * from the stream at the moment it is asked for, nothing is cached here (so, unlike Commons Math's
 * own generators, no spare Gaussian is kept between calls). {@code nextGaussian} is the stream's
 * Box-Muller draw. Reseeding is refused: the run seeds the stream.
 */
final class StreamGenerator implements RandomGenerator {
    private final RandomStream stream;

    /** @param stream the stream to draw from; it advances with every draw */
    StreamGenerator(RandomStream stream) {
        this.stream = stream;
    }

    /** @throws UnsupportedOperationException always: the run's seed decides the stream */
    @Override
    public void setSeed(int seed) {
        throw new UnsupportedOperationException("the stream is seeded by the run");
    }

    /** @throws UnsupportedOperationException always: the run's seed decides the stream */
    @Override
    public void setSeed(int[] seed) {
        throw new UnsupportedOperationException("the stream is seeded by the run");
    }

    /** @throws UnsupportedOperationException always: the run's seed decides the stream */
    @Override
    public void setSeed(long seed) {
        throw new UnsupportedOperationException("the stream is seeded by the run");
    }

    @Override
    public void nextBytes(byte[] bytes) {
        for (int i = 0; i < bytes.length; i += 8) {
            long v = stream.nextLong();
            for (int k = 0; k < 8 && i + k < bytes.length; k++) {
                bytes[i + k] = (byte) (v >>> (8 * k));
            }
        }
    }

    @Override
    public int nextInt() {
        return (int) (stream.nextLong() >>> 32);
    }

    /** @throws IllegalArgumentException if {@code n} is not positive */
    @Override
    public int nextInt(int n) {
        return stream.nextInt(n);
    }

    @Override
    public long nextLong() {
        return stream.nextLong();
    }

    @Override
    public boolean nextBoolean() {
        return stream.nextLong() < 0;
    }

    @Override
    public float nextFloat() {
        return (stream.nextLong() >>> 40) * 0x1.0p-24f;
    }

    @Override
    public double nextDouble() {
        return stream.nextDouble();
    }

    @Override
    public double nextGaussian() {
        return stream.nextGaussian();
    }
}
