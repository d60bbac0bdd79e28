#!/usr/bin/env python3
"""Writes a reference for loading Caron et al.'s arrays (arXiv 2302.01002) into `asymmetric`.

A PyTorch module laid out as the authors' FFNN (github.com/juho-lee/asymmetrical_scaling, ffnn.py;
re-implemented here from its description, in float64): the input is scaled by sqrt(1/d)
(input_layer.log_lambdas = log(1/d)), one hidden Linear without bias (hidden_layers.0.linear.weight,
V ~ N(0, 2)), ReLU, each node scaled by sqrt(lambda_j) (hidden_layers.0.scale.log_lambdas), and an
output Linear without bias holding the signs (output_layer.linear.weight, +-1). lambda is their
'const_and_zipfian' vector, a/p + (1 - a) zipfian.pmf(i, 1/alpha, p) for i = 0..p-1, computed here
without SciPy. Their loss is the MSE (1/n) sum (f - y)^2 and only V is trained.

Writes into OUT (default: the test resources of plugins/init-asymmetric, .../internal/caron/):
    model.safetensors     the state_dict under the authors' names (torch_to_safetensors.convert, names kept)
    x.npy, y.npy          inputs [n, d] and targets [n, 1]
    loss.npy              their loss at these weights, 0-d
    grad_v.npy            dLoss/dV [p, d] by autograd
    params.txt            p, d, n, a, alpha

CaronArraysTest loads V, the signs and log lambda with `asymmetric` (hiddenFile, signsFile,
lambdaFile#..., lambdaLog: true) and asserts the loss and the gradient of V to 1e-12 relative, and
that lambda equals `indexing: authors`. Needs Debian's python3-torch and numpy; from the repository root:

    /usr/bin/python3 tools/make_caron_fixture.py
"""
import sys
import tempfile
from pathlib import Path

import numpy as np
import torch

here = Path(__file__).resolve().parent
sys.path.insert(0, str(here))
import torch_to_safetensors  # noqa: E402

DEFAULT_OUT = here.parent / "plugins/init-asymmetric/src/test/resources/org/overparam/plugin/asymmetric/internal/caron"
P, D, N, A, ALPHA = 30, 6, 8, 0.5, 0.5


def authors_lambda(p, a, alpha):
    """a/p + (1 - a) * zipfian.pmf(i, 1/alpha, p), i = 0..p-1: pmf(i) = i^(-s) / sum_{k=1..p} k^(-s), 0 at i = 0."""
    s = 1.0 / alpha
    h = sum(k ** -s for k in range(1, p + 1))
    return np.array([a / p + (1 - a) * (0.0 if i == 0 else i ** -s / h) for i in range(p)])


class Scaling(torch.nn.Module):
    def __init__(self, lam):
        super().__init__()
        self.log_lambdas = torch.nn.Parameter(torch.log(torch.as_tensor(lam, dtype=torch.float64)),
                                              requires_grad=False)

    def forward(self, x):
        return x * torch.exp(0.5 * self.log_lambdas)


class Hidden(torch.nn.Module):
    def __init__(self, d, lam):
        super().__init__()
        self.linear = torch.nn.Linear(d, len(lam), bias=False).double()
        self.scale = Scaling(lam)

    def forward(self, x):
        return self.scale(torch.relu(self.linear(x)))


class Output(torch.nn.Module):
    def __init__(self, p):
        super().__init__()
        self.linear = torch.nn.Linear(p, 1, bias=False).double()

    def forward(self, x):
        return self.linear(x)


class AuthorsNet(torch.nn.Module):
    def __init__(self, d, lam):
        super().__init__()
        self.input_layer = Scaling(np.full(d, 1.0 / d))
        self.hidden_layers = torch.nn.ModuleList([Hidden(d, lam)])
        self.output_layer = Output(len(lam))

    def forward(self, x):
        return self.output_layer(self.hidden_layers[0](self.input_layer(x)))


def main(out):
    out.mkdir(parents=True, exist_ok=True)
    torch.manual_seed(0)
    net = AuthorsNet(D, authors_lambda(P, A, ALPHA))
    with torch.no_grad():
        net.hidden_layers[0].linear.weight.normal_(0.0, np.sqrt(2.0))
        net.output_layer.linear.weight.copy_(torch.where(torch.rand(1, P) < 0.5, -1.0, 1.0).double())
    net.output_layer.linear.weight.requires_grad_(False)  # u frozen: only V is trained
    x = torch.nn.functional.normalize(torch.randn(N, D, dtype=torch.float64), dim=1)
    y = torch.randn(N, 1, dtype=torch.float64)
    loss = ((net(x) - y) ** 2).mean()
    loss.backward()
    with tempfile.TemporaryDirectory() as tmp:
        pt = Path(tmp) / "model.th"
        torch.save(net.state_dict(), pt)
        torch_to_safetensors.convert(torch.load(pt), str(out / "model.safetensors"), source="model.th")
    np.save(out / "x.npy", x.numpy())
    np.save(out / "y.npy", y.numpy())
    np.save(out / "loss.npy", np.array(loss.item(), dtype=np.float64))
    np.save(out / "grad_v.npy", net.hidden_layers[0].linear.weight.grad.numpy())
    (out / "params.txt").write_text(f"p {P}\nd {D}\nn {N}\na {A!r}\nalpha {ALPHA!r}\n")
    print(f"loss {loss.item()!r}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUT)
