package org.overparam.cluster.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderZipTest {
    @TempDir
    Path dir;

    @Test
    void aShippedFolderIsWrittenBackByteForByteWithoutItsLockReplacingAnOlderCopy() throws Exception {
        Path run = Files.createDirectories(dir.resolve("from").resolve("cl-1"));
        Files.writeString(run.resolve("metrics.csv"), "step,metric,value\n0,train.loss,1.5\n");
        Files.createDirectories(run.resolve("checkpoint"));
        byte[] checkpoint = {1, 2, 3, 4, 5};
        Files.write(run.resolve("checkpoint").resolve("checkpoint.bin"), checkpoint);
        Files.writeString(run.resolve(FolderZip.LOCK), "123");
        Path to = Files.createDirectories(dir.resolve("to"));
        Files.createDirectories(to.resolve("cl-1"));
        Files.writeString(to.resolve("cl-1").resolve("stale.txt"), "older copy");

        Path back = FolderZip.unzip(FolderZip.zip(run, name -> true, Long.MAX_VALUE), to);

        assertEquals(to.resolve("cl-1"), back);
        assertArrayEquals(checkpoint, Files.readAllBytes(back.resolve("checkpoint").resolve("checkpoint.bin")));
        assertEquals("step,metric,value\n0,train.loss,1.5\n", Files.readString(back.resolve("metrics.csv")));
        assertFalse(Files.exists(back.resolve(FolderZip.LOCK)));
        assertFalse(Files.exists(back.resolve("stale.txt")));
        try (var s = Files.list(to)) {
            assertEquals(1, s.count(), "no temporary folder left");
        }
    }

    @Test
    void aFolderOverTheLimitIsRefusedAndFilesLeftOutDoNotCount() throws Exception {
        Path run = Files.createDirectories(dir.resolve("cl-2"));
        Files.write(run.resolve("spec.yaml"), new byte[10]);
        Files.createDirectories(run.resolve("artifacts"));
        Files.write(run.resolve("artifacts").resolve("big.bin"), new byte[100]);
        FolderZip.TooLarge e = assertThrows(FolderZip.TooLarge.class, () -> FolderZip.zip(run, n -> true, 50));
        assertTrue(e.bytes > 50, "the bytes counted when the limit was passed: " + e.bytes);
        assertTrue(FolderZip.zip(run, n -> !n.startsWith("artifacts/"), 50).length > 0);
    }

    @Test
    void anEntryLeavingItsFolderIsRefused() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.putNextEntry(new ZipEntry("cl-3/../../evil.txt"));
            out.write("x".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        assertThrows(IllegalArgumentException.class, () -> FolderZip.unzip(bytes.toByteArray(), dir.resolve("to")));
        assertFalse(Files.exists(dir.resolve("evil.txt")));
    }

    @Test
    void progressIsCutAtTheLastWholeRowAndWrittenOverACopyKeepingItsCheckpoint() throws Exception {
        Path run = Files.createDirectories(dir.resolve("from").resolve("cl-4"));
        Files.writeString(run.resolve("spec.yaml"), "name: cl\n");
        Files.writeString(run.resolve("metrics.csv"), "step,metric,value\n0,train.loss,1.5\n1,train.lo");
        Path to = Files.createDirectories(dir.resolve("to"));
        Path copy = Files.createDirectories(to.resolve("cl-4").resolve("checkpoint"));
        byte[] checkpoint = {9, 8, 7};
        Files.write(copy.resolve("checkpoint.bin"), checkpoint);
        Files.writeString(to.resolve("cl-4").resolve("metrics.csv"), "step,metric,value\n");

        Path back = FolderZip.overlay(FolderZip.zip(run, n -> true, Long.MAX_VALUE, 0), to);

        assertEquals(to.resolve("cl-4"), back);
        assertEquals("step,metric,value\n0,train.loss,1.5\n", Files.readString(back.resolve("metrics.csv")));
        assertEquals("name: cl\n", Files.readString(back.resolve("spec.yaml")));
        assertArrayEquals(checkpoint, Files.readAllBytes(back.resolve("checkpoint").resolve("checkpoint.bin")));
        try (var s = Files.list(to)) {
            assertEquals(1, s.count(), "no temporary folder left");
        }
    }
    @Test
    void progressShipsOnlyTheRowsAfterTheAcknowledgedOffsetAndAGapWritesNothing() throws Exception {
        Path run = Files.createDirectories(dir.resolve("from").resolve("cl-5"));
        Files.writeString(run.resolve("spec.yaml"), "name: cl\n");
        String head = "step,metric,value\n0,train.loss,1.5\n";
        Files.writeString(run.resolve("metrics.csv"), head + "1,train.loss,0.5\n2,train.lo");
        Path to = Files.createDirectories(dir.resolve("to"));
        Files.createDirectories(to.resolve("cl-5"));
        Files.writeString(to.resolve("cl-5").resolve("metrics.csv"), head + "1,train.loss,9.9\n");

        byte[] tail = FolderZip.zip(run, n -> true, Long.MAX_VALUE, head.length());
        assertEquals(null, FolderZip.overlay(tail, dir.resolve("empty"), head.length()), "a copy without the rows");
        Path back = FolderZip.overlay(tail, to, head.length());

        assertEquals(head + "1,train.loss,0.5\n", Files.readString(back.resolve("metrics.csv")),
                "cut at the offset, the shipped rows appended, the half row left out");
        assertEquals("cl-5", FolderZip.rootOf(tail));
    }

    @Test
    void aProgressShipmentReadsBackAsItWasWritten() {
        LiveShipment s = new LiveShipment("5f2c-member", "member:vm:42", 42, 1234, new byte[] {1, 2, '\n', 3});
        LiveShipment back = LiveShipment.decode(s.encode());
        assertEquals(List.of("5f2c-member", "member:vm:42", 42L, 1234L), List.of(back.holder(), back.tag(),
                back.pid(), back.from()));
        assertArrayEquals(s.zip(), back.zip());
        assertThrows(IllegalArgumentException.class, () -> LiveShipment.decode(new byte[] {1, 2, 3}));
    }
}
