package org.overparam.plugin.idx.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.api.Config;
import org.overparam.api.InvalidInputException;
import org.overparam.api.RandomStream;

/** Every bad folder, file and parameter gives one line naming the file or parameter and what to do. */
class IdxErrorsTest {
    private static final int[] TRAIN = IdxFiles.cycle(40, 10);

    @TempDir
    Path dir;

    private InvalidInputException fails(Object... keyValues) {
        Map<String, Object> m = new HashMap<>();
        m.put("dir", dir.toString());
        m.put("n", 8L);
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new IdxDataset().load(Config.of(m), RandomStream.of(1)));
        assertTrue(e.oneLine().indexOf('\n') < 0, e.oneLine());
        return e;
    }

    private void expect(String where, String part, Object... keyValues) {
        InvalidInputException e = fails(keyValues);
        assertEquals(where, e.where(), e.oneLine());
        assertTrue(e.getMessage().contains(part), e.oneLine());
    }

    private String file(String name) {
        return dir.resolve(name).toString();
    }

    @Test
    void missingFolderOrFileSaysHowToGetTheData() throws IOException {
        expect("dir", "does not exist: install Debian's dataset-fashion-mnist (apt-get install dataset-fashion-mnist)"
                + " or set dataset.dir", "dir", dir.resolve("nowhere").toString());
        IdxFiles.write(dir, "train-images-idx3-ubyte.gz", IdxFiles.images(TRAIN, 4, 4));
        expect(file("train-labels-idx1-ubyte"), "file not found (nor train-labels-idx1-ubyte.gz): install Debian's"
                + " dataset-fashion-mnist", new Object[0]);
        IdxFiles.write(dir, "train-labels-idx1-ubyte.gz", IdxFiles.labels(TRAIN));
        expect(file("t10k-images-idx3-ubyte"), "or set dataset.testImages", "nTest", 2L);
    }

    @Test
    void badMagicNumber() throws IOException {
        IdxFiles.write(dir, "train-images-idx3-ubyte.gz", IdxFiles.labels(TRAIN));
        IdxFiles.write(dir, "train-labels-idx1-ubyte.gz", IdxFiles.labels(TRAIN));
        expect(file("train-images-idx3-ubyte.gz"), "bad magic number 0x00000801: an IDX image file starts with"
                + " 0x00000803 (unsigned bytes, 3 dimensions) (an IDX file of unsigned bytes with 1 dimensions: the wrong file?)");
        IdxFiles.write(dir, "train-images-idx3-ubyte.gz", "PK not an idx file".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        expect(file("train-images-idx3-ubyte.gz"), "(not an IDX file)");
    }

    @Test
    void truncatedPlainAndGzippedFiles() throws IOException {
        byte[] images = IdxFiles.images(TRAIN, 4, 4);
        IdxFiles.write(dir, "train-labels-idx1-ubyte", IdxFiles.labels(TRAIN));
        IdxFiles.write(dir, "train-images-idx3-ubyte", Arrays.copyOf(images, 16 + 16 * 30 + 5));
        expect(file("train-images-idx3-ubyte"), "truncated: the header announces 40 images of 4x4 but the file ends after 30");
        Files.delete(dir.resolve("train-images-idx3-ubyte"));
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(images);
        }
        byte[] cut = Arrays.copyOf(gz.toByteArray(), gz.size() / 2);
        Files.write(dir.resolve("train-images-idx3-ubyte.gz"), cut);
        expect(file("train-images-idx3-ubyte.gz"), "truncated");
        byte[] broken = gz.toByteArray().clone();
        Arrays.fill(broken, 10, broken.length, (byte) 0x55);
        Files.write(dir.resolve("train-images-idx3-ubyte.gz"), broken);
        expect(file("train-images-idx3-ubyte.gz"), "is not a valid gzip file");
        IdxFiles.write(dir, "train-images-idx3-ubyte.gz", images);
        IdxFiles.write(dir, "train-labels-idx1-ubyte", Arrays.copyOf(IdxFiles.labels(TRAIN), 8 + 20));
        expect(file("train-labels-idx1-ubyte"), "truncated: the header announces 40 labels but the file ends after 20");
    }

    @Test
    void countMismatchLabelOutOfRangeAndAbsentClass() throws IOException {
        IdxFiles.write(dir, "train-images-idx3-ubyte.gz", IdxFiles.images(IdxFiles.cycle(39, 10), 4, 4));
        IdxFiles.write(dir, "train-labels-idx1-ubyte.gz", IdxFiles.labels(TRAIN));
        expect(file("train-images-idx3-ubyte.gz"), "holds 39 images but " + file("train-labels-idx1-ubyte.gz")
                + " holds 40 labels");
        IdxFiles.write(dir, "train-images-idx3-ubyte.gz", IdxFiles.images(TRAIN, 4, 4));
        int[] bad = TRAIN.clone();
        bad[17] = 12;
        IdxFiles.write(dir, "train-labels-idx1-ubyte.gz", IdxFiles.labels(bad));
        expect(file("train-labels-idx1-ubyte.gz"), "label 12 of item 17 is out of range 0..9");
        IdxFiles.write(dir, "train-labels-idx1-ubyte.gz", IdxFiles.labels(IdxFiles.cycle(40, 7)));
        expect(file("train-labels-idx1-ubyte.gz"), "class 8 does not occur; its labels are [0, 1, 2, 3, 4, 5, 6]",
                "classes", List.of(1L, 8L));
    }

    @Test
    void badParameters() throws IOException {
        IdxFiles.folder(dir, TRAIN, IdxFiles.cycle(10, 10), 4, 4, true);
        expect("n", "n 17 is more than the 16 training images of classes [0, 1, 2, 3]", "n", 17L,
                "classes", List.of(0L, 1L, 2L, 3L));
        expect("targets", "signed targets need exactly two classes, got 3 [0, 1, 2]", "targets", "signed",
                "classes", List.of(0L, 1L, 2L));
        expect("downsample", "factor 3 does not divide the 4x4 images of " + file("train-images-idx3-ubyte.gz")
                + "; factors that fit: 1, 2, 4", "downsample", 3L);
        expect("classes", "label 2 is listed twice", "classes", List.of(2L, 1L, 2L));
        expect("classes", "label 10 is outside 0..9 (set dataset.labels", "classes", List.of(0L, 10L));
        expect("nTest", "nTest 3 is more than the 2 test images of classes [0, 1]", "nTest", 3L,
                "classes", List.of(0L, 1L));
    }

    @Test
    void anAllZeroImageCannotHaveUnitNorm() throws IOException {
        int[] labels = {0, 1, 0, 1};
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(b);
        out.writeInt(IdxReader.IMAGES_MAGIC);
        out.writeInt(4);
        out.writeInt(2);
        out.writeInt(2);
        out.write(new byte[] {1, 2, 3, 4, 0, 0, 0, 0, 5, 6, 7, 8, 9, 9, 9, 9});
        IdxFiles.write(dir, "train-images-idx3-ubyte", b.toByteArray());
        IdxFiles.write(dir, "train-labels-idx1-ubyte", IdxFiles.labels(labels));
        expect(file("train-images-idx3-ubyte"), "image 1 is all zero and cannot be scaled to norm 1; use normalize:"
                + " standard or none", "n", 4L, "classes", List.of(0L, 1L));
    }
}
