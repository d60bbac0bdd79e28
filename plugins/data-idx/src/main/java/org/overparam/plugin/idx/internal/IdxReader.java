package org.overparam.plugin.idx.internal;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.overparam.api.InvalidInputException;

/**
 * Reads IDX files (LeCun and Cortes's format of MNIST, also used by Fashion-MNIST, arXiv
 * 1708.07747): a big-endian header {@code 0x00 0x00 type rank}, {@code rank} 32-bit sizes, then the
 * elements row-major. Only unsigned bytes ({@code type 0x08}) are read: label files have rank 1
 * ({@code [n]}, magic {@code 0x00000801}), image files rank 3 ({@code [n, rows, cols]}, magic
 * {@code 0x00000803}). A file is read as gzip when it starts with gzip's magic bytes
 * {@code 1f 8b}, whatever its name, so {@code .gz} files are never unpacked to disk.
 *
 * <p>Every problem is an {@link InvalidInputException} located at the file: a wrong magic number,
 * a truncated file, a broken gzip stream.
 */
final class IdxReader {
    static final int LABELS_MAGIC = 0x00000801;
    static final int IMAGES_MAGIC = 0x00000803;
    private static final int BUFFER = 1 << 16;

    private IdxReader() {
    }

    /**
     * The images of an IDX3 file at the given rows.
     *
     * @param rows the height of one image
     * @param cols its width
     * @param pixels {@code selected.length x rows x cols} unsigned bytes, in the order of {@code selected}
     * @param count the number of images in the file
     */
    record Images(int rows, int cols, byte[] pixels, int count) {
    }

    /**
     * @param file an IDX1 file of unsigned bytes
     * @return its labels, 0..255
     * @throws InvalidInputException located at the file if it is not one or is truncated
     */
    static int[] labels(Path file) {
        try (DataInputStream in = open(file)) {
            int count = header(in, file, LABELS_MAGIC, "label", "1 dimension")[0];
            byte[] raw = new byte[count];
            int got = in.readNBytes(raw, 0, count);
            if (got < count) {
                throw error(file, String.format(Locale.ROOT, "truncated: the header announces %d labels but the"
                        + " file ends after %d", count, got));
            }
            int[] out = new int[count];
            for (int i = 0; i < count; i++) {
                out[i] = raw[i] & 0xff;
            }
            return out;
        } catch (IOException e) {
            throw ioError(file, e);
        }
    }

    /**
     * Streams through an IDX3 file and keeps the chosen images. The whole file is read, so a
     * truncated file is reported even when the chosen images come early.
     *
     * @param file an IDX3 file of unsigned bytes
     * @param selected image indices to keep, each below the file's count (repeats allowed)
     * @return the kept images, in the order of {@code selected}
     * @throws InvalidInputException located at the file if it is not one or is truncated
     * @throws IllegalArgumentException if an index is beyond the file's images (check the count
     *     with {@link #imageShape} first)
     */
    static Images images(Path file, int[] selected) {
        try (DataInputStream in = open(file)) {
            int[] dims = header(in, file, IMAGES_MAGIC, "image", "3 dimensions");
            int count = dims[0];
            int size = Math.multiplyExact(dims[1], dims[2]);
            int[] wanted = new int[count];
            Arrays.fill(wanted, -1);
            int[] next = new int[selected.length];
            for (int k = selected.length - 1; k >= 0; k--) {
                if (selected[k] < 0 || selected[k] >= count) {
                    throw new IllegalArgumentException("image " + selected[k] + " of " + file + " is beyond its "
                            + count + " images");
                }
                next[k] = wanted[selected[k]];
                wanted[selected[k]] = k;
            }
            byte[] pixels = new byte[Math.multiplyExact(selected.length, size)];
            byte[] image = new byte[size];
            for (int i = 0; i < count; i++) {
                if (in.readNBytes(image, 0, size) < size) {
                    throw error(file, String.format(Locale.ROOT, "truncated: the header announces %d images of %dx%d"
                            + " but the file ends after %d", count, dims[1], dims[2], i));
                }
                for (int k = wanted[i]; k >= 0; k = next[k]) {
                    System.arraycopy(image, 0, pixels, k * size, size);
                }
            }
            return new Images(dims[1], dims[2], pixels, count);
        } catch (IOException e) {
            throw ioError(file, e);
        }
    }

    /**
     * @param file an IDX3 file
     * @return its header's sizes {@code [count, rows, cols]}, read without the images
     */
    static int[] imageShape(Path file) {
        try (DataInputStream in = open(file)) {
            return header(in, file, IMAGES_MAGIC, "image", "3 dimensions");
        } catch (IOException e) {
            throw ioError(file, e);
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        BufferedInputStream raw = new BufferedInputStream(Files.newInputStream(file), BUFFER);
        raw.mark(2);
        int b0 = raw.read();
        int b1 = raw.read();
        raw.reset();
        InputStream in = b0 == 0x1f && b1 == 0x8b ? new BufferedInputStream(new GZIPInputStream(raw, BUFFER), BUFFER) : raw;
        return new DataInputStream(in);
    }

    /** Reads and checks the magic number and the sizes; returns the sizes. */
    private static int[] header(DataInputStream in, Path file, int magic, String what, String rank) throws IOException {
        int m;
        try {
            m = in.readInt();
        } catch (EOFException e) {
            throw error(file, "truncated: the file ends inside its 4-byte magic number");
        }
        if (m != magic) {
            String hint = (m >>> 8) == 0x000008 ? " (an IDX file of unsigned bytes with " + (m & 0xff)
                    + " dimensions: the wrong file?)" : (m >>> 16) != 0 ? " (not an IDX file)" : " (an IDX file of another"
                    + " element type; only unsigned bytes, type 0x08, are read)";
            throw error(file, String.format(Locale.ROOT, "bad magic number 0x%08X: an IDX %s file starts with 0x%08X"
                    + " (unsigned bytes, %s)%s", m, what, magic, rank, hint));
        }
        int[] dims = new int[magic & 0xff];
        for (int i = 0; i < dims.length; i++) {
            try {
                dims[i] = in.readInt();
            } catch (EOFException e) {
                throw error(file, "truncated: the file ends inside its header (size " + (i + 1) + " of " + dims.length + ")");
            }
            if (dims[i] < (i == 0 ? 0 : 1)) {
                throw error(file, "size " + (i + 1) + " of its header is " + Integer.toUnsignedString(dims[i])
                        + ", which no IDX " + what + " file has");
            }
        }
        return dims;
    }

    private static InvalidInputException ioError(Path file, IOException e) {
        if (e instanceof ZipException) {
            return error(file, "is not a valid gzip file: " + e.getMessage());
        }
        if (e instanceof EOFException) {
            return error(file, "truncated: the gzip stream ends early (" + e.getMessage() + ")");
        }
        return error(file, "cannot be read: " + e);
    }

    static InvalidInputException error(Path file, String message) {
        return new InvalidInputException(file.toString(), message);
    }
}
