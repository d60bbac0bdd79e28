#!/usr/bin/env python3
"""The peer of bench/run-workload.sh (a): a plain PyTorch script doing the runs of
bench/caron-workload.yaml one after another, as a user would write them by hand.

    caron_peer.py DTYPE STEPS [RUNS]     DTYPE float32 or float64; RUNS of the 20 (default all)

Each run: d = 50, n = 100 training and 100 test points uniform on the unit sphere,
y = mean_k 5 sin(pi x_k) + N(0, 0.1^2); f(x) = sum_j u_j sqrt(lambda_j) relu(v_j . x / sqrt(d)) with
p = 2000, v_j ~ N(0, 2 I), u_j = +-1 frozen, lambda_j = a/p + (1 - a) j^(-1/alpha) / H (alpha = 0.5);
full-batch GD at lr 1.0 on (1/n) sum (f - y)^2 with autograd, V only; every 100 steps the test loss
(the work of Overparam's dynamics analyzer that matters for the figure). Settings a in
{0.25, 0.5, 0.75, 1} x seeds 1..5, in the sweep's order. The data are drawn by torch's own generator
(the timing does not depend on the draw). Prints key=value lines: the runs done, the seconds they
took, seconds per step, and the last run's final train loss.
"""
import sys
import time

import torch

D, N, P, ALPHA, LR = 50, 100, 2000, 0.5, 1.0
SETTINGS = [0.25, 0.5, 0.75, 1.0]
SEEDS = [1, 2, 3, 4, 5]


def sphere(g, n, dtype):
    x = torch.randn(n, D, generator=g, dtype=torch.float64)
    return (x / x.norm(dim=1, keepdim=True)).to(dtype)


def one_run(a, seed, steps, dtype):
    g = torch.Generator().manual_seed(seed)
    x, xt = sphere(g, N, dtype), sphere(g, N, dtype)
    noise = 0.1 * torch.randn(2 * N, generator=g, dtype=torch.float64).to(dtype)
    y = 5 * torch.sin(torch.pi * x).mean(dim=1) + noise[:N]
    yt = 5 * torch.sin(torch.pi * xt).mean(dim=1) + noise[N:]
    v = (2 ** 0.5 * torch.randn(P, D, generator=g, dtype=torch.float64)).to(dtype).requires_grad_(True)
    u = (torch.randint(0, 2, (P,), generator=g) * 2 - 1).to(dtype)
    z = torch.arange(1, P + 1, dtype=torch.float64) ** (-1 / ALPHA)
    lam = (a / P + (1 - a) * z / z.sum()).to(dtype)
    out = u * lam.sqrt()

    def f(inp):
        return torch.relu(inp @ v.t() / D ** 0.5) @ out

    loss = None
    for t in range(steps):
        loss = ((f(x) - y) ** 2).mean()
        loss.backward()
        with torch.no_grad():
            v -= LR * v.grad
            v.grad = None
            if (t + 1) % 100 == 0:
                ((f(xt) - yt) ** 2).mean().item()
        loss.item()
    return loss.item()


def main():
    dtype = {"float32": torch.float32, "float64": torch.float64}[sys.argv[1]]
    steps = int(sys.argv[2])
    runs = [(a, s) for a in SETTINGS for s in SEEDS]
    count = int(sys.argv[3]) if len(sys.argv) > 3 else len(runs)
    start = time.perf_counter()
    last = float("nan")
    for a, s in runs[:count]:
        last = one_run(a, s, steps, dtype)
    took = time.perf_counter() - start
    print(f"runs={count}")
    print(f"seconds={took:.3f}")
    print(f"step_ms={1000 * took / (count * steps):.3f}")
    print(f"threads={torch.get_num_threads()}")
    print(f"last_loss={last:.6e}")


if __name__ == "__main__":
    main()
