#!/usr/bin/env python3
"""Convert a PyTorch state_dict (.pt) to safetensors for Overparam, writing with the standard library.

Needs torch only to load the .pt file (Debian: apt-get install python3-torch); the file itself is
written by safetensors_stdlib.py, so no safetensors package is needed.

    python3 tools/torch_to_safetensors.py model.pt weights.safetensors --fc

--fc renames the Linear layers of a torch.nn.Sequential (in order of appearance) to the blocks of
Overparam's fc architecture: the first weight/bias become W1/b1, the next W2/b2, ..., the last
W_out/b_out. So Sequential(Linear(d, m), ReLU(), Linear(m, m), ReLU(), Linear(m, k)) gives
0.weight -> W1, 0.bias -> b1, 2.weight -> W2, 2.bias -> b2, 4.weight -> W_out, 4.bias -> b_out.
Without --fc the names are kept. The values are what the network computes with (effective
weights): load them with `initializer: {name: from-file, file: weights.safetensors}`.
"""
import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import safetensors_stdlib  # noqa: E402


def fc_names(keys):
    """Maps a Sequential's '<i>.weight'/'<i>.bias' keys to W1.., b1.., W_out, b_out."""
    prefixes = []
    for k in keys:
        if k.endswith(".weight"):
            p = k[: -len(".weight")]
            if p not in prefixes:
                prefixes.append(p)
    mapping = {}
    for i, p in enumerate(prefixes):
        last = i == len(prefixes) - 1
        mapping[p + ".weight"] = "W_out" if last else f"W{i + 1}"
        mapping[p + ".bias"] = "b_out" if last else f"b{i + 1}"
    unknown = [k for k in keys if k not in mapping]
    if unknown:
        raise SystemExit(f"not a Sequential of Linear layers: no Overparam name for {unknown}")
    return mapping


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("state_dict", help="a .pt file holding a state_dict (or a whole module)")
    ap.add_argument("out", help="the safetensors file to write")
    ap.add_argument("--fc", action="store_true", help="rename a Sequential's Linear layers to W1.., W_out")
    ap.add_argument("--dtype", choices=["F32", "F64"], default="F64")
    args = ap.parse_args()
    import torch

    sd = torch.load(args.state_dict, map_location="cpu")
    if isinstance(sd, torch.nn.Module):
        sd = sd.state_dict()
    names = fc_names(list(sd.keys())) if args.fc else {k: k for k in sd}
    tensors = {names[k]: (list(v.shape), v.detach().double().flatten().tolist()) for k, v in sd.items()}
    safetensors_stdlib.write(args.out, tensors, {"format": "pt", "overparam.values": "effective",
                                                 "converted_from": Path(args.state_dict).name}, args.dtype)
    for k in sd:
        print(f"{k} -> {names[k]} {list(sd[k].shape)}")


if __name__ == "__main__":
    main()
