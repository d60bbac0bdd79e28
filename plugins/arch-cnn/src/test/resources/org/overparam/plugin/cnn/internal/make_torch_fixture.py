#!/usr/bin/python3
"""Writes torch_cnn.safetensors: two small PyTorch CNNs in float64 with the block names of
Overparam's cnn architecture, sample inputs and targets, and torch's outputs and gradients of
F = 1/2 sum (f - y)^2, so CnnTorchFixtureTest can check that the same weights give the same
outputs and gradients here. Needs torch (Debian: python3-torch) and tools/safetensors_stdlib.py.

    /usr/bin/python3 make_torch_fixture.py   (from this folder)

net2d: Conv2d(2, 3, 3, stride 2, padding 1) ReLU Conv2d(3, 2, 2, stride 1, padding 1) ReLU
       Flatten Linear(2*4*4, 2), with biases, on [2, 6, 5] inputs (cnn: head flatten, bias true).
net1d: Conv1d(1, 4, 5, stride 2, padding 2) ReLU Conv1d(4, 3, 3, stride 1, padding 0) ReLU
       AdaptiveAvgPool1d(1) Flatten Linear(3, 1), no biases, on [9] inputs read as [1, 9]
       (cnn: head avgpool, bias false).
"""
import os
import sys

import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), *[".."] * 10, "tools"))
import safetensors_stdlib  # noqa: E402

torch.manual_seed(7)
torch.set_default_dtype(torch.float64)


def record(out, prefix, net, names, x, y):
    f = net(x)
    loss = 0.5 * ((f - y) ** 2).sum()
    loss.backward()
    for name, module in zip(names, [m for m in net if isinstance(m, (torch.nn.Conv1d, torch.nn.Conv2d, torch.nn.Linear))]):
        for part in ("weight", "bias"):
            p = getattr(module, part)
            if p is None:
                continue
            out[f"{prefix}.{name}.{part}"] = (list(p.shape), p.detach().flatten().tolist())
            out[f"{prefix}.grad.{name}.{part}"] = (list(p.shape), p.grad.flatten().tolist())
    out[f"{prefix}.inputs"] = (list(x.shape), x.flatten().tolist())
    out[f"{prefix}.targets"] = (list(y.shape), y.flatten().tolist())
    out[f"{prefix}.outputs"] = (list(f.shape), f.detach().flatten().tolist())


tensors = {}
net2d = torch.nn.Sequential(torch.nn.Conv2d(2, 3, 3, stride=2, padding=1), torch.nn.ReLU(),
                            torch.nn.Conv2d(3, 2, 2, stride=1, padding=1), torch.nn.ReLU(),
                            torch.nn.Flatten(), torch.nn.Linear(2 * 4 * 4, 2))
record(tensors, "net2d", net2d, ["conv1", "conv2", "head"], torch.randn(3, 2, 6, 5), torch.randn(3, 2))
net1d = torch.nn.Sequential(torch.nn.Conv1d(1, 4, 5, stride=2, padding=2, bias=False), torch.nn.ReLU(),
                            torch.nn.Conv1d(4, 3, 3, stride=1, padding=0, bias=False), torch.nn.ReLU(),
                            torch.nn.AdaptiveAvgPool1d(1), torch.nn.Flatten(), torch.nn.Linear(3, 1, bias=False))
record(tensors, "net1d", net1d, ["conv1", "conv2", "head"], torch.randn(4, 1, 9), torch.randn(4, 1))
safetensors_stdlib.write("torch_cnn.safetensors", tensors,
                         metadata={"source": "make_torch_fixture.py, torch " + torch.__version__}, dtype="F64")
