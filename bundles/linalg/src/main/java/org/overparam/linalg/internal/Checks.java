package org.overparam.linalg.internal;

/**
 * Argument checks for the kernels, with messages in the caller's row-major terms. A failed check
 * throws before any native code can read outside an array.
 */
public final class Checks {
    private Checks() {
    }

    /**
     * Checks a row-major matrix of {@code rows x cols} (as stored) at {@code off} with leading
     * dimension {@code ld}.
     *
     * @param name the operand's name for the message
     * @param length the array's length
     * @param off the first element's offset
     * @param ld the leading dimension
     * @param rows stored rows
     * @param cols stored columns
     * @throws IllegalArgumentException if a size is negative or the leading dimension is short
     * @throws IndexOutOfBoundsException if the matrix does not fit in the array
     */
    public static void matrix(String name, int length, int off, int ld, int rows, int cols) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException(name + " has negative size " + rows + " x " + cols);
        }
        if (ld < Math.max(1, cols)) {
            throw new IllegalArgumentException(name + " leading dimension " + ld + " is below its " + cols + " columns");
        }
        if (off < 0) {
            throw new IndexOutOfBoundsException(name + " offset " + off + " is negative");
        }
        if (rows > 0 && cols > 0 && off + (long) (rows - 1) * ld + cols > length) {
            throw new IndexOutOfBoundsException(name + " of " + rows + " x " + cols + " at offset " + off
                    + " with leading dimension " + ld + " does not fit in " + length + " values");
        }
    }

    /**
     * Checks a vector of {@code n} contiguous values at {@code off}.
     *
     * @param name the operand's name
     * @param length the array's length
     * @param off the first value's offset
     * @param n the number of values
     */
    public static void vector(String name, int length, int off, int n) {
        if (n < 0 || off < 0 || off + (long) n > length) {
            throw new IndexOutOfBoundsException(name + " of " + n + " values at offset " + off
                    + " does not fit in " + length + " values");
        }
    }
}
