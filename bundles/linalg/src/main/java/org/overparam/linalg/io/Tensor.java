package org.overparam.linalg.io;

import java.util.Arrays;
import java.util.Objects;

/**
 * One tensor of a safetensors file: its element type, its shape and its values, row-major (the
 * last index varies fastest, as in PyTorch and in Overparam's parameter blocks). The arrays are
 * held as given, not copied.
 *
 * @param dtype the element type in the file (what was read, or what to write)
 * @param shape the sizes, each at least 0; an empty shape is a scalar
 * @param values {@code prod(shape)} values
 */
public record Tensor(DType dtype, int[] shape, double[] values) {
    /** Checks that the values fit the shape. */
    public Tensor {
        Objects.requireNonNull(dtype, "dtype");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(values, "values");
        long n = elements(shape);
        if (n != values.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + n + " values, got "
                    + values.length);
        }
    }

    /**
     * @param shape the sizes
     * @param values {@code prod(shape)} values
     * @return an {@link DType#F64} tensor (the dtype is chosen again when writing)
     */
    public static Tensor of(int[] shape, double[] values) {
        return new Tensor(DType.F64, shape, values);
    }

    /** @return e.g. {@code [1024, 196]} */
    public String shapeText() {
        return Arrays.toString(shape);
    }

    /**
     * @param shape sizes
     * @return their product (1 for no sizes), capped at 2^40 (more than any array holds)
     * @throws IllegalArgumentException if a size is negative
     */
    static long elements(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has a negative size");
            }
            if (d == 0) {
                return 0;
            }
            n = n > (1L << 40) / d ? 1L << 40 : n * d;
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && t.dtype == dtype && Arrays.equals(t.shape, shape)
                && Arrays.equals(t.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * dtype.hashCode() + Arrays.hashCode(shape)) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return dtype + shapeText();
    }
}
