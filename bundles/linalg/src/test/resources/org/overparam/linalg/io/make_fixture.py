#!/usr/bin/env python3
"""Writes fixture.safetensors with Python's standard library only (struct, json).

The file exercises what a reader must handle and what Overparam's tests check:
every float dtype (F64, F32, F16, BF16) and an integer one (I64), a scalar (shape []),
a non-ASCII tensor name, header keys in another order than the data, and metadata.
Run from this folder: python3 make_fixture.py  (the output is deterministic).
"""
import json
import struct

# name -> (dtype, shape, values); the data is stored in this order.
TENSORS = [
    ("W_out", "F64", [1, 3], [0.25, -1.5, 1.0 / 3.0]),
    ("W1", "F32", [3, 2], [0.5, -1.25, 3.0, 0.001, -2.5, 7.0]),
    ("b1", "F64", [3], [0.1, -0.2, 1e-300]),
    ("scale", "F64", [], [2.718281828459045]),
    ("half", "F16", [4], [1.0, -2.0, 0.000061035156, 65504.0]),
    ("brain", "BF16", [2], [1.5, -3.0]),
    ("steps", "I64", [2], [7, -3]),
    ("na\u00efve.weight", "F32", [1], [42.0]),
    ("empty", "F32", [0, 2], []),
]
FORMATS = {"F64": "<d", "F32": "<f", "F16": "<e", "I64": "<q"}


def encode(dtype, values):
    if dtype == "BF16":  # the upper half of the float32 bits
        return b"".join(struct.pack("<H", struct.unpack("<I", struct.pack("<f", v))[0] >> 16) for v in values)
    return b"".join(struct.pack(FORMATS[dtype], v) for v in values)


def main():
    header = {}
    data = b""
    for name, dtype, shape, values in TENSORS:
        raw = encode(dtype, values)
        header[name] = {"dtype": dtype, "shape": shape, "data_offsets": [len(data), len(data) + len(raw)]}
        data += raw
    # Header keys in reverse order of the data, metadata last: readers must not rely on order.
    ordered = dict(reversed(list(header.items())))
    ordered["__metadata__"] = {"format": "pt", "written_by": "make_fixture.py (Python standard library)"}
    text = json.dumps(ordered, ensure_ascii=False).encode("utf-8")
    with open("fixture.safetensors", "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        f.write(data)


if __name__ == "__main__":
    main()
