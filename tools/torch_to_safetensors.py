#!/usr/bin/env python3
"""Convert a PyTorch state_dict (.pt) to safetensors for Overparam, writing with the standard library.

Needs torch only to load the .pt file (Debian: apt-get install python3-torch); the file itself is
written by safetensors_stdlib.py, so no safetensors package is needed.

    python3 tools/torch_to_safetensors.py model.pt weights.safetensors --fc
    python3 tools/torch_to_safetensors.py model.pt weights.safetensors --map hidden=W1 --map out=W_out

What it supports: any module (or its state_dict) whose entries are weights and biases of layers,
named by their attribute paths ('hidden.weight', 'blocks.0.conv.bias', '0.weight' in a Sequential).

--fc    names the layers for Overparam's fc architecture in state_dict order, which is the order the
        layers were created in (attribute assignment in __init__, or a Sequential's order): the
        first weight/bias become W1/b1, the next W2/b2, ..., the last W_out/b_out. So
        Sequential(Linear(d, m), ReLU(), Linear(m, m), ReLU(), Linear(m, k)) gives
        0.weight -> W1, 0.bias -> b1, 2.weight -> W2, 2.bias -> b2, 4.weight -> W_out, 4.bias -> b_out,
        and a module with self.inp = Linear(d, m); self.mid = Linear(m, m); self.out = Linear(m, k)
        gives inp.weight -> W1, ..., out.bias -> b_out. Every entry must end in .weight or .bias.
        If the layers were created in another order than the forward pass uses, use --map.
--map   OLD=NEW, repeated (or comma-separated): an explicit name map. OLD is a full state_dict key
        (hidden.weight=W1) or a layer's prefix (hidden=W1). A prefix maps OLD.weight to NEW and
        OLD.bias to NEW's bias: b1 for W1, b_out for W_out (fc's names), NEW.bias otherwise (then
        OLD.weight becomes NEW.weight: cnn's conv1.weight, head.bias). With --fc, --map entries
        override the automatic names. Every state_dict entry must get a name (--drop KEY skips one).

Without --fc or --map the names are kept. The values are what the network computes with (effective
weights): load them with `initializer: {name: from-file, file: weights.safetensors}`. Errors are one
line on standard error and exit code 2; the mapping is printed on success.
"""
import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import safetensors_stdlib  # noqa: E402

FC_WEIGHT = re.compile(r"W(\d+|_out)")


class MapError(Exception):
    """A name map that does not fit the state_dict: one line for the user."""


def fc_names(keys):
    """Maps weight/bias keys, in order, to W1.., b1.., W_out, b_out."""
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
        raise MapError(f"--fc names only layers' .weight/.bias entries; no fc name for {unknown}"
                       " (use --map KEY=NAME, or --drop KEY)")
    return mapping


def bias_name(weight_name):
    """W1 -> b1, W_out -> b_out (fc); anything else -> NAME.bias."""
    m = FC_WEIGHT.fullmatch(weight_name)
    return "b" + m.group(1) if m else weight_name + ".bias"


def explicit_names(keys, entries, base=None):
    """Applies OLD=NEW entries over base (or the kept names); every key must end up named."""
    mapping = dict(base) if base is not None else {}
    given = set()
    for entry in entries:
        if "=" not in entry or entry.startswith("=") or entry.endswith("="):
            raise MapError(f"--map '{entry}' is not OLD=NEW")
        old, new = (s.strip() for s in entry.split("=", 1))
        if old in keys:
            mapping[old] = new
            given.add(old)
        elif old + ".weight" in keys:
            fc = FC_WEIGHT.fullmatch(new) is not None
            mapping[old + ".weight"] = new if fc else new + ".weight"
            given.add(old + ".weight")
            if old + ".bias" in keys:
                mapping[old + ".bias"] = bias_name(new)
                given.add(old + ".bias")
        else:
            raise MapError(f"--map {entry}: the state_dict has no entry '{old}' or '{old}.weight'; its entries are"
                           f" {list(keys)}")
    missing = [k for k in keys if k not in mapping]
    if missing:
        raise MapError(f"no name for {missing}; add --map KEY=NAME for each (or --drop KEY)")
    seen = {}
    for k in keys:
        if mapping[k] in seen:
            raise MapError(f"'{seen[mapping[k]]}' and '{k}' would both be named '{mapping[k]}'")
        seen[mapping[k]] = k
    return mapping


def names_for(keys, fc, entries):
    """The name of every key: kept, fc's automatic names, and/or an explicit map."""
    if fc:
        base = fc_names(keys)
        return explicit_names(keys, entries, base) if entries else base
    if entries:
        return explicit_names(keys, entries)
    return {k: k for k in keys}


def convert(state_dict, out, fc=False, entries=(), drop=(), dtype="F64", source="state_dict"):
    """Writes the renamed state_dict to out; returns {old key: new name}."""
    for k in drop:
        if k not in state_dict:
            raise MapError(f"--drop {k}: the state_dict has no entry '{k}'; its entries are {list(state_dict)}")
    sd = {k: v for k, v in state_dict.items() if k not in drop}
    names = names_for(list(sd.keys()), fc, [e for entry in entries for e in entry.split(",") if e.strip()])
    tensors = {names[k]: (list(v.shape), v.detach().double().flatten().tolist()) for k, v in sd.items()}
    safetensors_stdlib.write(out, tensors, {"format": "pt", "overparam.values": "effective",
                                            "converted_from": source}, dtype)
    return names


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("state_dict", help="a .pt file holding a state_dict (or a whole module)")
    ap.add_argument("out", help="the safetensors file to write")
    ap.add_argument("--fc", action="store_true", help="name the layers W1.., W_out in state_dict order")
    ap.add_argument("--map", action="append", default=[], metavar="OLD=NEW",
                    help="explicit name: a state_dict key or a layer prefix (repeat, or separate with commas)")
    ap.add_argument("--drop", action="append", default=[], metavar="KEY", help="leave this entry out")
    ap.add_argument("--dtype", choices=["F32", "F64"], default="F64")
    args = ap.parse_args()
    import torch

    try:
        sd = torch.load(args.state_dict, map_location="cpu")
    except (OSError, RuntimeError) as e:
        print(f"torch_to_safetensors.py: {args.state_dict}: cannot be read by torch.load: {e}", file=sys.stderr)
        return 2
    if isinstance(sd, torch.nn.Module):
        sd = sd.state_dict()
    if not isinstance(sd, dict):
        print(f"torch_to_safetensors.py: {args.state_dict} holds a {type(sd).__name__}, not a state_dict or a"
              " module", file=sys.stderr)
        return 2
    try:
        names = convert(sd, args.out, args.fc, args.map, args.drop, args.dtype, Path(args.state_dict).name)
    except MapError as e:
        print(f"torch_to_safetensors.py: {e}", file=sys.stderr)
        return 2
    for k in names:
        print(f"{k} -> {names[k]} {list(sd[k].shape)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
