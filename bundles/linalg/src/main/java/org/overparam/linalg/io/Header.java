package org.overparam.linalg.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A safetensors header, parsed and checked against the size of the data that follows it, as the
 * format's reference implementation checks it: every entry but {@code __metadata__} is an object
 * with a known {@code dtype}, a {@code shape} of whole numbers at least 0 and {@code data_offsets}
 * {@code [begin, end]} relative to the start of the data, whose length is exactly
 * {@code prod(shape) * bytes(dtype)}; sorted by {@code begin} the ranges tile the data with no
 * overlap, gap or trailing bytes; {@code __metadata__}, if present, maps strings to strings.
 *
 * @param entries the tensors, sorted by their offset in the data
 * @param metadata the metadata, in header order
 */
record Header(List<Entry> entries, Map<String, String> metadata) {
    /** The metadata entry's reserved name. */
    static final String METADATA = "__metadata__";

    /**
     * One tensor's header entry.
     *
     * @param name its name
     * @param dtype its element type
     * @param shape its sizes
     * @param begin its first byte in the data
     * @param end one past its last byte
     */
    record Entry(String name, DType dtype, int[] shape, long begin, long end) {
        /** @return the number of elements */
        int count() {
            return (int) Tensor.elements(shape);
        }
    }

    /**
     * @param source the file, for messages
     * @param json the header text
     * @param dataLength the number of bytes after the header
     * @return the checked header
     * @throws SafetensorsException naming the file and, where one is at fault, the tensor
     */
    static Header parse(String source, String json, long dataLength) throws SafetensorsException {
        Object root;
        try {
            root = Json.parse(json);
        } catch (IllegalArgumentException e) {
            throw new SafetensorsException(source + ": the header is not valid JSON: " + e.getMessage());
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new SafetensorsException(source + ": the header is not a JSON object but "
                    + kind(root) + "; a safetensors header maps tensor names to {dtype, shape, data_offsets}");
        }
        List<Entry> entries = new ArrayList<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String name = (String) e.getKey();
            if (name.equals(METADATA)) {
                metadata(source, e.getValue(), metadata);
            } else {
                entries.add(entry(source, name, e.getValue(), dataLength));
            }
        }
        entries.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        long at = 0;
        Entry previous = null;
        for (Entry t : entries) {
            if (t.begin() < at) {
                throw new SafetensorsException(source + ": tensors '" + previous.name() + "' (bytes "
                        + range(previous) + ") and '" + t.name() + "' (bytes " + range(t) + ") overlap");
            }
            if (t.begin() > at) {
                throw new SafetensorsException(source + ": data bytes [" + at + ", " + t.begin()
                        + ") belong to no tensor (before '" + t.name() + "')");
            }
            at = t.end();
            previous = t;
        }
        if (at != dataLength) {
            throw new SafetensorsException(source + ": the tensors cover " + at + " bytes of data but the file has "
                    + dataLength + " after the header");
        }
        return new Header(List.copyOf(entries), metadata);
    }

    private static void metadata(String source, Object value, Map<String, String> out) throws SafetensorsException {
        if (!(value instanceof Map<?, ?> m)) {
            throw new SafetensorsException(source + ": " + METADATA + " is " + kind(value)
                    + ", not an object of strings");
        }
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!(e.getValue() instanceof String s)) {
                throw new SafetensorsException(source + ": " + METADATA + " entry '" + e.getKey() + "' is "
                        + kind(e.getValue()) + ", not a string");
            }
            out.put((String) e.getKey(), s);
        }
    }

    private static Entry entry(String source, String name, Object value, long dataLength) throws SafetensorsException {
        String at = source + ": tensor '" + name + "'";
        if (!(value instanceof Map<?, ?> m)) {
            throw new SafetensorsException(at + " is " + kind(value) + ", not an object {dtype, shape, data_offsets}");
        }
        for (Object key : m.keySet()) {
            if (!key.equals("dtype") && !key.equals("shape") && !key.equals("data_offsets")) {
                throw new SafetensorsException(at + " has an unknown field '" + key + "'");
            }
        }
        if (!(m.get("dtype") instanceof String dtypeName)) {
            throw new SafetensorsException(at + ": 'dtype' is missing or not a string");
        }
        DType dtype = DType.byName(dtypeName);
        if (dtype == null) {
            throw new SafetensorsException(at + ": dtype " + dtypeName + " is not supported (Overparam reads "
                    + Arrays.toString(DType.values()) + ")");
        }
        long[] shapeL = whole(at, "shape", m.get("shape"), -1);
        int[] shape = new int[shapeL.length];
        for (int i = 0; i < shape.length; i++) {
            if (shapeL[i] > Integer.MAX_VALUE) {
                throw new SafetensorsException(at + ": size " + shapeL[i] + " in its shape is too large");
            }
            shape[i] = (int) shapeL[i];
        }
        long elements = Tensor.elements(shape);
        if (elements > Integer.MAX_VALUE) {
            throw new SafetensorsException(at + ": shape " + Arrays.toString(shape)
                    + " has more than 2^31 - 1 elements, more than one Java array holds");
        }
        long[] offsets = whole(at, "data_offsets", m.get("data_offsets"), 2);
        long begin = offsets[0];
        long end = offsets[1];
        if (end < begin) {
            throw new SafetensorsException(at + ": data_offsets [" + begin + ", " + end + "] end before they begin");
        }
        if (end > dataLength) {
            throw new SafetensorsException(at + ": data_offsets [" + begin + ", " + end + "] lie beyond the "
                    + dataLength + " bytes of data (truncated file?)");
        }
        if (end - begin != elements * dtype.bytes()) {
            throw new SafetensorsException(at + ": data_offsets [" + begin + ", " + end + "] hold " + (end - begin)
                    + " bytes but shape " + Arrays.toString(shape) + " of " + dtype + " needs "
                    + elements * dtype.bytes());
        }
        return new Entry(name, dtype, shape, begin, end);
    }

    /** Reads a list of whole numbers at least 0, of the given length (or any, if negative). */
    private static long[] whole(String at, String field, Object v, int length) throws SafetensorsException {
        String want = length < 0 ? "a list of whole numbers >= 0" : "a list of " + length + " whole numbers >= 0";
        if (!(v instanceof List<?> l) || (length >= 0 && l.size() != length)) {
            throw new SafetensorsException(at + ": '" + field + "' is " + (v == null ? "missing" : kind(v))
                    + ", expected " + want);
        }
        long[] out = new long[l.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(l.get(i) instanceof Long x) || x < 0) {
                throw new SafetensorsException(at + ": '" + field + "' is " + l + ", expected " + want);
            }
            out[i] = x;
        }
        return out;
    }

    private static String range(Entry e) {
        return "[" + e.begin() + ", " + e.end() + ")";
    }

    private static String kind(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Map<?, ?>) {
            return "an object";
        }
        if (v instanceof List<?>) {
            return "a list";
        }
        if (v instanceof String s) {
            return "the string \"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
        }
        return v instanceof Boolean ? "a boolean" : "the number " + v;
    }
}
