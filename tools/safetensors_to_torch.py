#!/usr/bin/env python3
"""Convert Overparam's saved weights (save-weights artifacts) to a PyTorch state_dict (.pt).

Reads with safetensors_stdlib.py (standard library); needs torch to save the .pt file.

    python3 tools/safetensors_to_torch.py runs/<run>/artifacts/weights-final.safetensors model.pt --fc

--fc renames fc's blocks to the keys of torch.nn.Sequential(Linear, ReLU, ..., Linear): W1 -> 0.weight,
b1 -> 0.bias, W2 -> 2.weight, ..., W_out -> 2L.weight, b_out -> 2L.bias. Without biases in the
file, build the Linear layers with bias=False. The file must hold effective weights (the default of
save-weights); the script refuses raw ones.
"""
import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import safetensors_stdlib  # noqa: E402


def torch_names(names):
    hidden = sorted(int(m.group(1)) for n in names if (m := re.fullmatch(r"W(\d+)", n)))
    index = {f"W{l}": 2 * (l - 1) for l in hidden}
    index["W_out"] = 2 * len(hidden)
    out = {}
    for n in names:
        if n.startswith("W"):
            out[n] = f"{index[n]}.weight"
        elif n.startswith("b"):
            out[n] = f"{index['W' + n[1:]]}.bias"
        else:
            raise SystemExit(f"{n} is not a block of fc")
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("weights", help="a safetensors file written by save-weights")
    ap.add_argument("out", help="the .pt file to write")
    ap.add_argument("--fc", action="store_true", help="rename W1.., W_out to a Sequential's keys")
    args = ap.parse_args()
    import torch

    tensors, metadata = safetensors_stdlib.read(args.weights)
    if metadata.get("overparam.values", "effective") != "effective":
        raise SystemExit(f"{args.weights} holds raw values; save with values: effective")
    names = torch_names(list(tensors)) if args.fc else {k: k for k in tensors}
    sd = {names[k]: torch.tensor(v, dtype=torch.float64 if d == "F64" else torch.float32).reshape(s)
          for k, (d, s, v) in tensors.items()}
    torch.save(sd, args.out)
    for k in tensors:
        print(f"{k} -> {names[k]} {tensors[k][1]}")


if __name__ == "__main__":
    main()
