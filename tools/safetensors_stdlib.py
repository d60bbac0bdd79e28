#!/usr/bin/env python3
"""Read and write safetensors files with Python's standard library only (struct, json).

The format (https://github.com/huggingface/safetensors): an 8-byte little-endian header length N,
N bytes of JSON {"name": {"dtype": "F32", "shape": [out, in], "data_offsets": [begin, end]}, ...,
"__metadata__": {"key": "value"}}, then the raw little-endian data. Values are flat row-major
lists of Python floats here, the layout of Overparam's parameter blocks and of torch tensors.

As a module:
    tensors, metadata = read("weights-final.safetensors")   # {name: (dtype, shape, values)}, {str: str}
    write("out.safetensors", {"W1": ([2, 3], [0.0] * 6)}, metadata={"note": "x"}, dtype="F32")
As a command, it lists a file:
    python3 tools/safetensors_stdlib.py runs/<run>/artifacts/weights-final.safetensors
"""
import json
import struct
import sys

_FORMATS = {"F64": "d", "F32": "f", "F16": "e", "I64": "q", "I32": "i", "I16": "h", "I8": "b",
            "U64": "Q", "U32": "I", "U16": "H", "U8": "B", "BOOL": "?"}


def _count(shape):
    n = 1
    for s in shape:
        n *= s
    return n


def read(path):
    """Returns ({name: (dtype, shape, values)}, metadata), tensors in data order."""
    with open(path, "rb") as f:
        blob = f.read()
    if len(blob) < 8:
        raise ValueError(f"{path}: too short for a safetensors file")
    (n,) = struct.unpack("<Q", blob[:8])
    if n > len(blob) - 8:
        raise ValueError(f"{path}: header length {n} exceeds the file")
    header = json.loads(blob[8:8 + n].decode("utf-8"))
    metadata = header.pop("__metadata__", {}) or {}
    data = blob[8 + n:]
    tensors = {}
    for name, e in sorted(header.items(), key=lambda kv: kv[1]["data_offsets"][0]):
        begin, end = e["data_offsets"]
        dtype, shape = e["dtype"], e["shape"]
        raw = data[begin:end]
        if dtype == "BF16":
            values = [struct.unpack("<f", struct.pack("<I", h << 16))[0]
                      for (h,) in struct.iter_unpack("<H", raw)]
        else:
            values = list(struct.unpack("<%d%s" % (_count(shape), _FORMATS[dtype]), raw))
        tensors[name] = (dtype, shape, values)
    return tensors, metadata


def write(path, tensors, metadata=None, dtype="F32"):
    """tensors: {name: (shape, values)} in the order to store them; dtype F32 or F64 for all."""
    code = {"F32": "f", "F64": "d"}[dtype]
    size = struct.calcsize(code)
    header = {"__metadata__": dict(metadata or {})}
    chunks = []
    offset = 0
    for name, (shape, values) in tensors.items():
        values = list(values)
        if len(values) != _count(shape):
            raise ValueError(f"tensor {name}: {len(values)} values do not fit shape {shape}")
        header[name] = {"dtype": dtype, "shape": list(shape),
                        "data_offsets": [offset, offset + size * len(values)]}
        chunks.append(struct.pack("<%d%s" % (len(values), code), *values))
        offset += size * len(values)
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * (-(8 + len(text)) % 8)  # pad so the data starts 8-byte aligned
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for c in chunks:
            f.write(c)


def main(argv):
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[0])
        print("usage: safetensors_stdlib.py FILE")
        return 2
    tensors, metadata = read(argv[1])
    for name, (dtype, shape, values) in tensors.items():
        print(f"{name}\t{dtype}\t{shape}")
    for k, v in metadata.items():
        print(f"# {k} = {v if len(v) < 80 else v[:77] + '...'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
