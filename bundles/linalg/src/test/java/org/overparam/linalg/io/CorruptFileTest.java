package org.overparam.linalg.io;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each way a file can be broken gives one line naming the file, the tensor and what is wrong. */
class CorruptFileTest {
    @TempDir
    Path dir;

    @Test
    void tooShortOrBadHeaderLength() throws IOException {
        expect(new byte[5], "5 bytes is too short");
        expect(file(1000, "{}", 0), "header length 1000 (bytes 0-7, little-endian) exceeds the 2 bytes that follow");
        expect(file(-1, "{}", 0), "header length 18446744073709551615");
    }

    @Test
    void headerThatIsNotAJsonObject() throws IOException {
        expect(file("[1, 2]", 0), "the header is not a JSON object but a list");
        expect(file("{\"w\": {\"dtype\": \"F64\"", 0), "the header is not valid JSON: expected ',' or '}', found the end of the header at character 21");
        expect(file("{} x", 0), "not valid JSON: unexpected 'x' after the value at character 3");
        expect(new byte[] {8, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xfe, 0, 0, 0, 0, 0, 0},
                "the header is not UTF-8 text");
        expect(file("{\"a\": 1, \"a\": 2}", 0), "the key \"a\" appears twice");
    }

    @Test
    void offsetsOutOfRangeOverlappingOrLeavingGaps() throws IOException {
        expect(file(tensor("w", "F64", "[2]", 0, 16), 8), "tensor 'w': data_offsets [0, 16] lie beyond the 8 bytes of data");
        expect(file("{" + entry("a", "F64", "[2]", 0, 16) + ", " + entry("b", "F64", "[2]", 8, 24) + "}", 24),
                "tensors 'a' (bytes [0, 16)) and 'b' (bytes [8, 24)) overlap");
        expect(file("{" + entry("a", "F64", "[1]", 0, 8) + ", " + entry("b", "F64", "[1]", 16, 24) + "}", 24),
                "data bytes [8, 16) belong to no tensor (before 'b')");
        expect(file(tensor("w", "F64", "[1]", 0, 8), 16), "the tensors cover 8 bytes of data but the file has 16");
        expect(file(tensor("w", "F64", "[1]", 8, 0), 8), "tensor 'w': data_offsets [8, 0] end before they begin");
        expect(file(tensor("w", "F32", "[3]", 0, 8), 8), "tensor 'w': data_offsets [0, 8] hold 8 bytes but shape [3] of F32 needs 12");
    }

    @Test
    void badEntries() throws IOException {
        expect(file(tensor("w", "F8_E4M3", "[1]", 0, 1), 1), "tensor 'w': dtype F8_E4M3 is not supported");
        expect(file("{\"w\": {\"shape\": [1], \"data_offsets\": [0, 8]}}", 8), "tensor 'w': 'dtype' is missing");
        expect(file("{\"w\": {\"dtype\": \"F64\", \"shape\": [-1], \"data_offsets\": [0, 8]}}", 8),
                "tensor 'w': 'shape' is [-1], expected a list of whole numbers >= 0");
        expect(file("{\"w\": {\"dtype\": \"F64\", \"shape\": [1], \"data_offsets\": [0]}}", 8),
                "tensor 'w': 'data_offsets' is a list, expected a list of 2 whole numbers >= 0");
        expect(file("{\"w\": [1, 2]}", 0), "tensor 'w' is a list, not an object");
        expect(file("{\"w\": {\"dtype\": \"F64\", \"shape\": [1], \"data_offsets\": [0, 8], \"x\": 1}}", 8),
                "tensor 'w' has an unknown field 'x'");
        expect(file("{\"__metadata__\": {\"step\": 3}}", 0), "__metadata__ entry 'step' is the number 3, not a string");
        expect(file("{\"__metadata__\": [1]}", 0), "__metadata__ is a list, not an object of strings");
    }

    /** @return a header holding this one tensor */
    private static String tensor(String name, String dtype, String shape, long begin, long end) {
        return "{" + entry(name, dtype, shape, begin, end) + "}";
    }

    private static String entry(String name, String dtype, String shape, long begin, long end) {
        return "\"" + name + "\": {\"dtype\": \"" + dtype + "\", \"shape\": " + shape + ", \"data_offsets\": ["
                + begin + ", " + end + "]}";
    }

    /** @return a file with this header text, its true length, and that many zero data bytes */
    private static byte[] file(String header, int dataBytes) {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        return file(h.length, header, dataBytes);
    }

    private static byte[] file(long declared, String header, int dataBytes) {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(declared).put(h);
        return b.array();
    }

    private void expect(byte[] content, String part) throws IOException {
        Path f = dir.resolve("bad.safetensors");
        Files.write(f, content);
        SafetensorsException e = assertThrows(SafetensorsException.class, () -> Safetensors.read(f));
        assertTrue(e.getMessage().startsWith(f.toString() + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(part), e.getMessage());
        assertTrue(e.getMessage().indexOf('\n') < 0, e.getMessage());
    }
}
