package org.overparam.linalg.io;

import java.nio.ByteBuffer;

/**
 * The element types of a safetensors file that Overparam reads, with their width in bytes. Every
 * one is converted to {@code double} on reading (64-bit integers above 2^53 round); only
 * {@link #F64} and {@link #F32} are written. The 8-bit float formats are not supported.
 */
public enum DType {
    /** IEEE 754 binary64. */
    F64(8, true),
    /** IEEE 754 binary32. */
    F32(4, true),
    /** IEEE 754 binary16 (half precision). */
    F16(2, true),
    /** bfloat16: the upper 16 bits of a binary32. */
    BF16(2, true),
    /** Signed 64-bit integer. */
    I64(8, false),
    /** Signed 32-bit integer. */
    I32(4, false),
    /** Signed 16-bit integer. */
    I16(2, false),
    /** Signed 8-bit integer. */
    I8(1, false),
    /** Unsigned 64-bit integer. */
    U64(8, false),
    /** Unsigned 32-bit integer. */
    U32(4, false),
    /** Unsigned 16-bit integer. */
    U16(2, false),
    /** Unsigned 8-bit integer. */
    U8(1, false),
    /** A byte that is 0 (false) or 1 (true). */
    BOOL(1, false);

    private final int bytes;
    private final boolean floating;

    DType(int bytes, boolean floating) {
        this.bytes = bytes;
        this.floating = floating;
    }

    /** @return the size of one element in bytes */
    public int bytes() {
        return bytes;
    }

    /** @return whether this is a floating-point type (weights must be) */
    public boolean isFloat() {
        return floating;
    }

    /**
     * @param name a dtype as written in a header, e.g. {@code F32}
     * @return the type, or {@code null} if Overparam does not read it
     */
    static DType byName(String name) {
        for (DType t : values()) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return null;
    }

    /**
     * Decodes {@code out.length} elements.
     *
     * @param src little-endian bytes, positioned at the first element; advanced past the last
     * @param out receives the values
     */
    void decode(ByteBuffer src, double[] out) {
        switch (this) {
            case F64 -> src.asDoubleBuffer().get(out);
            case F32 -> {
                for (int i = 0; i < out.length; i++) {
                    out[i] = src.getFloat(src.position() + 4 * i);
                }
            }
            case F16 -> {
                for (int i = 0; i < out.length; i++) {
                    out[i] = halfToFloat(src.getShort(src.position() + 2 * i));
                }
            }
            case BF16 -> {
                for (int i = 0; i < out.length; i++) {
                    out[i] = Float.intBitsToFloat((src.getShort(src.position() + 2 * i) & 0xffff) << 16);
                }
            }
            case I64 -> {
                for (int i = 0; i < out.length; i++) {
                    out[i] = src.getLong(src.position() + 8 * i);
                }
            }
            case U64 -> {
                for (int i = 0; i < out.length; i++) {
                    long v = src.getLong(src.position() + 8 * i);
                    out[i] = v >= 0 ? v : (double) (v >>> 1) * 2.0 + (v & 1);
                }
            }
            case I32 -> {
                for (int i = 0; i < out.length; i++) {
                    out[i] = src.getInt(src.position() + 4 * i);
                }
            }
            case U32 -> {
                for (int i = 0; i < out.length; i++) {
                    out[i] = src.getInt(src.position() + 4 * i) & 0xffffffffL;
                }
            }
            case I16 -> {
                for (int i = 0; i < out.length; i++) {
                    out[i] = src.getShort(src.position() + 2 * i);
                }
            }
            case U16 -> {
                for (int i = 0; i < out.length; i++) {
                    out[i] = src.getShort(src.position() + 2 * i) & 0xffff;
                }
            }
            case I8 -> {
                for (int i = 0; i < out.length; i++) {
                    out[i] = src.get(src.position() + i);
                }
            }
            case U8, BOOL -> {
                for (int i = 0; i < out.length; i++) {
                    out[i] = src.get(src.position() + i) & 0xff;
                }
            }
            default -> throw new IllegalStateException("no decoder for " + this);
        }
        src.position(src.position() + out.length * bytes);
    }

    /**
     * Encodes values; only {@link #F64} and {@link #F32} (rounded to nearest) are written.
     *
     * @param values the values; not modified
     * @param from the first value to write
     * @param count how many to write
     * @param dst receives them, little-endian, from its position on (advanced past them)
     * @throws IllegalArgumentException for any other type
     */
    void encode(double[] values, int from, int count, ByteBuffer dst) {
        if (this == F64) {
            dst.asDoubleBuffer().put(values, from, count);
            dst.position(dst.position() + 8 * count);
        } else if (this == F32) {
            for (int i = 0; i < count; i++) {
                dst.putFloat((float) values[from + i]);
            }
        } else {
            throw new IllegalArgumentException("Overparam writes F64 or F32, not " + this);
        }
    }

    /** IEEE binary16 to binary32, exactly (every half is a float). */
    static float halfToFloat(short h) {
        int bits = h & 0xffff;
        int sign = (bits & 0x8000) << 16;
        int exp = (bits >>> 10) & 0x1f;
        int mant = bits & 0x3ff;
        if (exp == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
        }
        if (exp == 0) {
            float v = mant * 0x1p-24f;
            return sign == 0 ? v : -v;
        }
        return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
    }
}
