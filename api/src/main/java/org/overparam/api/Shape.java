package org.overparam.api;

import java.util.Arrays;

/**
 * The dimensions of a tensor stored as a flat row-major {@code double[]}: the last index varies
 * fastest. Input shapes are {@code [d]} for vectors, {@code [channels, length]} for 1-D signals and
 * {@code [channels, height, width]} for images; a dense weight is {@code [out, in]} and a
 * convolution weight {@code [out, in, k...]} (PyTorch's layouts).
 */
public final class Shape {
    private final int[] dims;

    private Shape(int[] dims) {
        this.dims = dims;
    }

    /**
     * @param dims the sizes, each at least 1; not kept (copied)
     * @return the shape
     * @throws IllegalArgumentException if a size is below 1
     */
    public static Shape of(int... dims) {
        for (int d : dims) {
            if (d < 1) {
                throw new IllegalArgumentException("shape " + Arrays.toString(dims) + " has a size below 1");
            }
        }
        return new Shape(dims.clone());
    }

    /** @return the number of dimensions */
    public int rank() {
        return dims.length;
    }

    /**
     * @param axis an index below {@link #rank()}
     * @return the size along that axis
     */
    public int dim(int axis) {
        return dims[axis];
    }

    /** @return a copy of the sizes */
    public int[] dims() {
        return dims.clone();
    }

    /** @return the number of elements, the product of the sizes (1 for rank 0) */
    public int size() {
        long n = 1;
        for (int d : dims) {
            n *= d;
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("shape " + this + " has more than 2^31-1 elements");
        }
        return (int) n;
    }

    /**
     * The number of elements as an exact 64-bit count, for sizes beyond what {@link #size()} (an
     * array length) can hold; used to estimate memory before anything is allocated.
     *
     * @return the product of the sizes (1 for rank 0)
     * @throws ArithmeticException if the product exceeds {@code 2^63-1} (never a wrapped number)
     */
    public long count() {
        long n = 1;
        for (int d : dims) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape s && Arrays.equals(dims, s.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    /** @return the sizes joined by 'x', e.g. {@code 64x10} */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < dims.length; i++) {
            b.append(i == 0 ? "" : "x").append(dims[i]);
        }
        return b.toString();
    }
}
