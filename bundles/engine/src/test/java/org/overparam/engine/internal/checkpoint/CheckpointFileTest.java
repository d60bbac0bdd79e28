package org.overparam.engine.internal.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.api.BlockRole;
import org.overparam.api.BlockSpec;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Layout;
import org.overparam.api.Params;
import org.overparam.api.Shape;
import org.overparam.api.State;
import org.overparam.api.run.RunStatus;
import org.overparam.engine.internal.RunFiles;
import org.overparam.engine.internal.folder.Series;

/** The checkpoint file: an exact round trip, and damage found with a one-line error. */
class CheckpointFileTest {
    private static final double ODD_NAN = Double.longBitsToDouble(0x7ff8_0000_dead_beefL);

    @TempDir
    Path folder;

    static Checkpoint sample() {
        return sample(Map.of());
    }

    static Checkpoint sample(Map<String, Series> histories) {
        Layout layout = new Layout(List.of(BlockSpec.of("W", Shape.of(2, 3), BlockRole.INPUT, 3),
                new BlockSpec("b", Shape.of(2), BlockRole.BIAS, 1, false, null),
                new BlockSpec("V", Shape.of(2, 3), BlockRole.HIDDEN, 3, true, "W")));
        Params p = Params.zeros(layout);
        for (int i = 0; i < layout.count(); i++) {
            for (int j = 0; j < p.block(i).length; j++) {
                p.block(i)[j] = Math.scalb(1.0 + i, j) / 3.0;
            }
        }
        p.block("b")[1] = ODD_NAN;
        State opt = new State();
        opt.params("velocity", layout).set(p).scale(-0.5);
        opt.array("perm", 4)[3] = -0.0;
        opt.setScalar("z", Double.NEGATIVE_INFINITY);
        opt.setScalar("a", 1e-300);
        State probe = new State();
        probe.setScalar("calls", 3);
        Map<String, State> states = new LinkedHashMap<>();
        states.put("probe", probe);
        states.put("ntk", new State());
        Map<String, Checkpoint.Stream> streams = new LinkedHashMap<>();
        streams.put("probe", new Checkpoint.Stream(-5, 17));
        return new Checkpoint("ab".repeat(32), RunStatus.RUNNING, 3, 120, 24, "gd", "cosine", 2, 1e-9,
                List.of(new Checkpoint.Provider("optimizer gd", "org.overparam.plugin.optim-gd", "0.1.0.SNAPSHOT")),
                p, new Checkpoint.Stream(Long.MIN_VALUE, 99), streams, opt, states, histories);
    }

    @Test
    void roundTripKeepsEveryBitAndEveryOrder() throws IOException {
        Checkpoint c = sample();
        long size = CheckpointFile.write(folder, c);
        Path file = CheckpointFile.in(folder);
        assertEquals(size, Files.size(file));
        assertEquals(List.of("checkpoint.bin"), RunFiles.entries(folder.resolve("checkpoint")), "no temp file left");
        Checkpoint r = CheckpointFile.read(file);

        assertEquals(c.specSha(), r.specSha());
        assertEquals(List.of(c.status(), c.steps(), c.metricsBytes(), c.sampleGradients(), c.optimizer(), c.schedule(),
                c.scheduleStart(), c.loss(), c.providers()), List.of(r.status(), r.steps(), r.metricsBytes(),
                r.sampleGradients(), r.optimizer(), r.schedule(), r.scheduleStart(), r.loss(), r.providers()));
        assertEquals(c.params().layout(), r.params().layout());
        assertEquals("W", r.params().layout().block(2).tiedTo());
        assertEquals(false, r.params().layout().block(1).trainable());
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(bits(c.params().block(i)), bits(r.params().block(i)));
        }
        assertEquals(c.optimizerStream(), r.optimizerStream());
        assertEquals(c.analyzerStreams(), r.analyzerStreams());
        assertEquals(List.of("velocity"), List.copyOf(r.optimizerState().allParams().keySet()));
        assertArrayEquals(bits(c.optimizerState().allParams().get("velocity").block(1)),
                bits(r.optimizerState().allParams().get("velocity").block(1)));
        assertArrayEquals(bits(new double[] {0, 0, 0, -0.0}), bits(r.optimizerState().allArrays().get("perm")));
        assertEquals(List.of("z", "a"), List.copyOf(r.optimizerState().allScalars().keySet()), "insertion order kept");
        assertEquals(List.of("probe", "ntk"), List.copyOf(r.analyzerStates().keySet()));
        assertEquals(3.0, r.analyzerStates().get("probe").scalar("calls", 0), 0.0);
        assertEquals(Map.of(), r.histories());

        byte[] first = Files.readAllBytes(file);
        CheckpointFile.write(folder, r);
        assertArrayEquals(first, Files.readAllBytes(file), "writing what was read gives the same bytes");
    }

    /** Metric histories stay out of the file (metrics.csv holds them): its size does not grow with the steps. */
    @Test
    void historiesAreNotWritten() throws IOException {
        Map<String, Series> histories = new LinkedHashMap<>();
        histories.put("train.loss", new Series(new long[] {0, 1, 2}, new double[] {3.5, ODD_NAN, 1e-9}));
        CheckpointFile.write(folder, sample());
        byte[] without = Files.readAllBytes(CheckpointFile.in(folder));
        CheckpointFile.write(folder, sample(histories));
        assertArrayEquals(without, Files.readAllBytes(CheckpointFile.in(folder)));
    }

    /** A format-1 file (the same body followed by the histories) still reads; its histories are passed over. */
    @Test
    void formatOneStillReads() throws IOException {
        CheckpointFile.write(folder, sample());
        Path file = CheckpointFile.in(folder);
        byte[] v2 = Files.readAllBytes(file);
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        java.io.DataOutputStream out = new java.io.DataOutputStream(b);
        out.write(v2, 0, 8);
        out.writeInt(1);
        out.write(v2, 12, v2.length - 12 - 16);
        out.writeInt(1);
        byte[] name = "train.loss".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(name.length);
        out.write(name);
        out.writeInt(2);
        out.writeLong(0);
        out.writeLong(1);
        out.writeLong(Double.doubleToRawLongBits(3.5));
        out.writeLong(Double.doubleToRawLongBits(ODD_NAN));
        out.flush();
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(b.toByteArray());
        long length = b.size();
        out.writeLong(length);
        out.writeInt((int) crc.getValue());
        out.writeInt(0x4F504345);
        Files.write(file, b.toByteArray());

        Checkpoint r = CheckpointFile.read(file);
        Checkpoint c = sample();
        assertEquals(List.of(c.steps(), c.metricsBytes(), c.optimizer(), c.analyzerStreams()),
                List.of(r.steps(), r.metricsBytes(), r.optimizer(), r.analyzerStreams()));
        assertArrayEquals(bits(c.params().block(0)), bits(r.params().block(0)));
        assertEquals(Map.of(), r.histories());
    }

    /** Cuts and flips at every byte of the header and trailer and at every 7th byte between. */
    @Test
    void truncationsAndFlippedBitsAreFound() throws IOException {
        CheckpointFile.write(folder, sample());
        Path file = CheckpointFile.in(folder);
        byte[] good = Files.readAllBytes(file);
        for (int n = 0; n < good.length; n++) {
            if (n > 32 && n < good.length - 32 && n % 7 != 0) {
                continue;
            }
            Files.write(file, Arrays.copyOf(good, n));
            assertBad(file, n + " bytes");
        }
        for (int i = 0; i < good.length; i++) {
            if (i > 32 && i < good.length - 32 && i % 7 != 0) {
                continue;
            }
            byte[] bad = good.clone();
            bad[i] ^= (byte) (1 << (i % 8));
            Files.write(file, bad);
            assertBad(file, "bit flipped at byte " + i);
        }
    }

    private static void assertBad(Path file, String what) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> CheckpointFile.read(file), what);
        assertEquals(file.toString(), e.where());
        assertTrue(e.getMessage().startsWith("the checkpoint ") && !e.getMessage().contains("\n"), e.getMessage());
    }

    private static long[] bits(double[] values) {
        long[] out = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Double.doubleToRawLongBits(values[i]);
        }
        return out;
    }
}
