#!/usr/bin/env python3
"""Writes the PyTorch reference that Overparam's loss and gradient are checked against.

A plain PyTorch script, not a Sequential: a custom nn.Module with named Linear attributes, created in
another order than the forward pass uses them (so the automatic --fc naming would be wrong and the
explicit name map of torch_to_safetensors.py is needed). In float64, with seed 0, it computes on
random data the loss F = 1/(2n) sum_i ||f(x_i) - y_i||^2 (Overparam's `squared` with reduction: mean,
half: true) and its gradient by autograd, then writes into OUT (default: the test resources of
plugins/io-safetensors, .../internal/torch_module/):

    weights.safetensors   the state_dict saved by torch.save and converted with
                          torch_to_safetensors.convert(..., --map hidden=W1,middle=W2,readout=W_out)
    x.npy, y.npy          the inputs [n, d] and targets [n, k]
    loss.npy              the loss, a 0-d float64 array
    gradient.safetensors  dF/dweights under the same names (F64), metadata: torch's version

TorchModuleTest loads the weights with from-file into the fc architecture and asserts the loss and
the gradient to 1e-12 relative. Needs Debian's python3-torch and numpy; from the repository root:

    /usr/bin/python3 tools/make_torch_module_fixture.py
"""
import sys
import tempfile
from pathlib import Path

import numpy as np
import torch

here = Path(__file__).resolve().parent
sys.path.insert(0, str(here))
import safetensors_stdlib  # noqa: E402
import torch_to_safetensors  # noqa: E402

DEFAULT_OUT = (here.parent / "plugins/io-safetensors/src/test/resources/org/overparam/plugin/safetensors/internal"
               / "torch_module")
NAME_MAP = ["hidden=W1,middle=W2,readout=W_out"]


class Net(torch.nn.Module):
    """f(x) = readout(relu(middle(relu(hidden(x))))): fc with depth 2 and biases, in Overparam's terms."""

    def __init__(self, d, m, k):
        super().__init__()
        self.readout = torch.nn.Linear(m, k)  # created first: state_dict order is not the forward order
        self.hidden = torch.nn.Linear(d, m)
        self.middle = torch.nn.Linear(m, m)

    def forward(self, x):
        return self.readout(torch.relu(self.middle(torch.relu(self.hidden(x)))))


def main(out):
    out.mkdir(parents=True, exist_ok=True)
    torch.manual_seed(0)
    d, m, k, n = 5, 7, 2, 6
    net = Net(d, m, k).double()
    x = torch.randn(n, d, dtype=torch.float64)
    y = torch.randn(n, k, dtype=torch.float64)
    loss = 0.5 * ((net(x) - y) ** 2).sum() / n
    net.zero_grad()
    loss.backward()

    with tempfile.TemporaryDirectory() as tmp:
        pt = Path(tmp) / "model.pt"
        torch.save(net.state_dict(), pt)  # what a user's script leaves behind
        names = torch_to_safetensors.convert(torch.load(pt), str(out / "weights.safetensors"), entries=NAME_MAP,
                                             source="model.pt")
    grads = {names[key]: (list(p.shape), p.grad.flatten().tolist()) for key, p in net.named_parameters()}
    safetensors_stdlib.write(str(out / "gradient.safetensors"), grads,
                             {"torch_version": torch.__version__, "loss": repr(loss.item())}, "F64")
    np.save(out / "x.npy", x.numpy())
    np.save(out / "y.npy", y.numpy())
    np.save(out / "loss.npy", np.array(loss.item(), dtype=np.float64))
    for key in names:
        print(f"{key} -> {names[key]}")
    print(f"loss {loss.item()!r}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUT)
