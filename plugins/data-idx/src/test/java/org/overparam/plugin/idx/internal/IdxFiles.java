package org.overparam.plugin.idx.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Writes small IDX files for tests. Image {@code i} has a pixel pattern that identifies it among
 * the first 256 items (37 is odd, so {@code 37 i mod 256} differs for each), so a test can tell
 * which item of the file a sample came from: {@code pixel(r, c) = (37 i + 11 r + 5 c + 1) mod 256}.
 */
final class IdxFiles {
    private IdxFiles() {
    }

    /** @return the test pattern's pixel value */
    static int pixel(int item, int r, int c) {
        return (37 * item + 11 * r + 5 * c + 1) % 256;
    }

    /** @return IDX3 bytes of images for these labels, h x w each, following {@link #pixel} */
    static byte[] images(int[] labels, int h, int w) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(b);
        out.writeInt(IdxReader.IMAGES_MAGIC);
        out.writeInt(labels.length);
        out.writeInt(h);
        out.writeInt(w);
        for (int i = 0; i < labels.length; i++) {
            for (int r = 0; r < h; r++) {
                for (int c = 0; c < w; c++) {
                    out.writeByte(pixel(i, r, c));
                }
            }
        }
        return b.toByteArray();
    }

    /** @return IDX1 bytes of these labels */
    static byte[] labels(int[] labels) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(b);
        out.writeInt(IdxReader.LABELS_MAGIC);
        out.writeInt(labels.length);
        for (int l : labels) {
            out.writeByte(l);
        }
        return b.toByteArray();
    }

    /** Writes bytes, gzipped if the name ends with .gz. @return the file */
    static Path write(Path dir, String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        try (OutputStream out = name.endsWith(".gz") ? new GZIPOutputStream(Files.newOutputStream(p))
                : Files.newOutputStream(p)) {
            out.write(content);
        }
        return p;
    }

    /**
     * Writes a Fashion-MNIST-like folder: train and t10k files, gzipped or plain.
     *
     * @param dir the folder
     * @param train the training labels
     * @param test the test labels
     * @param h the image height
     * @param w the width
     * @param gzip whether to write .gz files
     */
    static void folder(Path dir, int[] train, int[] test, int h, int w, boolean gzip) throws IOException {
        String ext = gzip ? ".gz" : "";
        write(dir, "train-images-idx3-ubyte" + ext, images(train, h, w));
        write(dir, "train-labels-idx1-ubyte" + ext, labels(train));
        write(dir, "t10k-images-idx3-ubyte" + ext, images(test, h, w));
        write(dir, "t10k-labels-idx1-ubyte" + ext, labels(test));
    }

    /** @return {@code count} labels cycling through 0..classes-1 */
    static int[] cycle(int count, int classes) {
        int[] l = new int[count];
        for (int i = 0; i < count; i++) {
            l[i] = i % classes;
        }
        return l;
    }
}
