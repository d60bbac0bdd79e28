package org.overparam.linalg.io;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads and writes the safetensors format (<a href="https://github.com/huggingface/safetensors">
 * huggingface/safetensors</a>): bytes 0..7 hold the header length N as an unsigned little-endian
 * 64-bit integer; the next N bytes a UTF-8 JSON object
 * {@code {"name": {"dtype": "F64", "shape": [out, in], "data_offsets": [begin, end]}, ...,
 * "__metadata__": {"key": "value"}}}; then the data, each tensor's elements row-major and
 * little-endian at {@code [begin, end)} counted from the first byte after the header.
 *
 * <p>Reading checks the file as the reference implementation does ({@link Header}) and converts
 * every supported dtype ({@link DType}) to {@code double}. Writing stores all tensors with one
 * dtype, {@link DType#F64} (exact) or {@link DType#F32} (rounded to nearest), in the map's order,
 * with the metadata first and the header padded with spaces to a multiple of 8 bytes, as the
 * reference writer does; a file written here loads with {@code safetensors.torch.load_file}.
 */
public final class Safetensors {
    /** The largest header the reference implementation accepts (100 MB). */
    public static final long MAX_HEADER = 100_000_000L;
    private static final int CHUNK = 1 << 16;

    private Safetensors() {
    }

    /**
     * @param file a safetensors file
     * @return its tensors, in data order, and its metadata
     * @throws SafetensorsException if the file is not valid safetensors (the message names the file
     *     and, where one is at fault, the tensor)
     * @throws IOException if the file cannot be read
     */
    public static TensorFile read(Path file) throws IOException {
        String source = file.toString();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < 8) {
                throw new SafetensorsException(source + ": " + size + " bytes is too short for a safetensors file"
                        + " (the first 8 bytes give the header length)");
            }
            long n = bytes(ch, 0, 8, source).getLong();
            if (n < 0 || n > size - 8) {
                throw new SafetensorsException(source + ": the header length " + Long.toUnsignedString(n)
                        + " (bytes 0-7, little-endian) exceeds the " + (size - 8)
                        + " bytes that follow (truncated, or not a safetensors file)");
            }
            if (n > MAX_HEADER) {
                throw new SafetensorsException(source + ": the header length " + n + " exceeds the format's limit of "
                        + MAX_HEADER + " bytes");
            }
            Header header = Header.parse(source, utf8(bytes(ch, 8, (int) n, source), source), size - 8 - n);
            Map<String, Tensor> tensors = new LinkedHashMap<>();
            for (Header.Entry e : header.entries()) {
                double[] values = new double[e.count()];
                if (values.length > 0) {
                    e.dtype().decode(bytes(ch, 8 + n + e.begin(), (int) (e.end() - e.begin()), source), values);
                }
                tensors.put(e.name(), new Tensor(e.dtype(), e.shape(), values));
            }
            return new TensorFile(tensors, header.metadata());
        }
    }

    /**
     * Writes a file (replacing an existing one).
     *
     * @param file where to write
     * @param tensors the tensors by name, in the order to store them; their own dtypes are ignored
     * @param dtype {@link DType#F64} or {@link DType#F32}, for every tensor
     * @param metadata string pairs for {@code __metadata__} (written even when empty)
     * @throws IOException if the file cannot be written
     * @throws IllegalArgumentException for another dtype, an empty name or the name {@code __metadata__}
     */
    public static void write(Path file, Map<String, Tensor> tensors, DType dtype, Map<String, String> metadata)
            throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), CHUNK)) {
            write(out, tensors, dtype, metadata);
        }
    }

    /**
     * Writes the file's bytes to a stream (not closed).
     *
     * @param out the stream
     * @param tensors the tensors by name, in the order to store them; their own dtypes are ignored
     * @param dtype {@link DType#F64} or {@link DType#F32}, for every tensor
     * @param metadata string pairs for {@code __metadata__}
     * @throws IOException if the stream fails
     * @throws IllegalArgumentException for another dtype, an empty name or the name {@code __metadata__}
     */
    public static void write(OutputStream out, Map<String, Tensor> tensors, DType dtype, Map<String, String> metadata)
            throws IOException {
        if (dtype != DType.F64 && dtype != DType.F32) {
            throw new IllegalArgumentException("Overparam writes F64 or F32, not " + dtype);
        }
        byte[] header = header(tensors, dtype, metadata);
        ByteBuffer buf = ByteBuffer.allocate(Math.max(CHUNK, 8)).order(ByteOrder.LITTLE_ENDIAN);
        buf.putLong(header.length);
        out.write(buf.array(), 0, 8);
        out.write(header);
        int per = CHUNK / dtype.bytes();
        for (Tensor t : tensors.values()) {
            double[] v = t.values();
            for (int from = 0; from < v.length; from += per) {
                buf.clear();
                int count = Math.min(per, v.length - from);
                dtype.encode(v, from, count, buf);
                out.write(buf.array(), 0, buf.position());
            }
        }
    }

    /**
     * @param tensors the tensors by name, in the order to store them
     * @param dtype {@link DType#F64} or {@link DType#F32}, for every tensor
     * @param metadata string pairs for {@code __metadata__}
     * @return the file's bytes
     * @throws IllegalArgumentException for another dtype, a bad name, or more than 2 GB in all
     */
    public static byte[] toBytes(Map<String, Tensor> tensors, DType dtype, Map<String, String> metadata) {
        long total = 0;
        for (Tensor t : tensors.values()) {
            total += (long) t.values().length * dtype.bytes();
        }
        if (total > Integer.MAX_VALUE - (1L << 24)) {
            throw new IllegalArgumentException(total + " bytes of tensors do not fit in one byte array; write to a file");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) total + 1024);
        try {
            write(out, tensors, dtype, metadata);
        } catch (IOException e) {
            throw new IllegalStateException("a byte array stream failed", e);
        }
        return out.toByteArray();
    }

    /** The header's bytes: metadata first, tensors in order, padded with spaces to 8-byte alignment. */
    private static byte[] header(Map<String, Tensor> tensors, DType dtype, Map<String, String> metadata) {
        StringBuilder h = new StringBuilder("{");
        h.append(Json.quote(Header.METADATA)).append(":{");
        boolean first = true;
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            h.append(first ? "" : ",").append(Json.quote(e.getKey())).append(':').append(Json.quote(e.getValue()));
            first = false;
        }
        h.append('}');
        long offset = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            String name = e.getKey();
            if (name == null || name.isEmpty() || name.equals(Header.METADATA)) {
                throw new IllegalArgumentException("'" + name + "' cannot name a tensor");
            }
            Tensor t = e.getValue();
            long end = offset + (long) t.values().length * dtype.bytes();
            h.append(',').append(Json.quote(name)).append(":{\"dtype\":\"").append(dtype.name())
                    .append("\",\"shape\":").append(Arrays.toString(t.shape()).replace(" ", ""))
                    .append(",\"data_offsets\":[").append(offset).append(',').append(end).append("]}");
            offset = end;
        }
        h.append('}');
        byte[] raw = h.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (raw.length + 7) / 8 * 8;
        byte[] out = Arrays.copyOf(raw, padded);
        Arrays.fill(out, raw.length, padded, (byte) ' ');
        return out;
    }

    /** Reads exactly {@code length} bytes at {@code position}, little-endian. */
    private static ByteBuffer bytes(FileChannel ch, long position, int length, String source) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            int r = ch.read(b, position + b.position());
            if (r < 0) {
                throw new SafetensorsException(source + ": the file ended at byte " + (position + b.position())
                        + " while " + (position + length) + " were expected (it changed while being read?)");
            }
        }
        return b.flip();
    }

    private static String utf8(ByteBuffer bytes, String source) throws SafetensorsException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            throw new SafetensorsException(source + ": the header is not UTF-8 text (not a safetensors file?)");
        }
    }
}
