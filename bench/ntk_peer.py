#!/usr/bin/env python3
"""The PyTorch side of the NTK benchmark (bench/run-ntk.sh): the empirical NTK Gram of the same
fully connected ReLU net (weights written by NtkBench) by Jacobian contraction, K = J J^T, in
float64, on the same n = 2000 inputs.

    ntk_peer.py DIR OUT [--sample-rows S] [--full]

The whole Jacobian does not fit in memory (n x P = 2000 x 10.0 M doubles = 160 GB), so Jacobian
contraction runs in row blocks of b samples: a block's Jacobian J_B (b x P, kept per parameter
tensor, as neural-tangents contracts it) comes from one of three PyTorch 1.13 methods, the fastest
of which is chosen by timing all of them (with torch's thread count at 1 and at 2) on the first
block:
  vmap      functorch.vmap(functorch.jacrev(f)) over the block's samples (the functorch NTK recipe)
  jacobian  torch.autograd.functional.jacobian(..., vectorize=True) of the block's outputs
  loop      one torch.autograd.grad per sample
Without --full, the Jacobian rows of S samples and the contraction of two blocks are timed, and the
full Gram's time is derived from them (both costs are exactly linear in the number of rows and of
block pairs): the blocked schedule that fits (B = n / b blocks: B (B + 1) / 2 block Jacobians and
block contractions), and a lower bound as generous to PyTorch as possible: as if J fitted in memory,
n Jacobian rows at the measured rate plus the n^2 P flops of J J^T at the rate of a dense
2048 x 2048 float64 matmul (measured too). With --full the blocked schedule runs for real (hours on two cores). The Gram
entries computed are compared with the first rows Overparam wrote (K_rows.npy).
"""
import math
import os
import resource
import statistics
import sys
import time

import numpy as np
import torch
from functorch import jacrev, make_functional, vmap

BLOCK = 16
LAYERS = 4


def load(d):
    x = torch.from_numpy(np.load(os.path.join(d, "X_ntk.npy")))
    ws = [torch.from_numpy(np.load(os.path.join(d, "Wntk%d.npy" % (i + 1)))) for i in range(LAYERS)]
    net = torch.nn.Sequential()
    for i, w in enumerate(ws):
        lin = torch.nn.Linear(w.shape[1], w.shape[0], bias=False).double()
        with torch.no_grad():
            lin.weight.copy_(w)
        net.append(lin)
        if i < LAYERS - 1:
            net.append(torch.nn.ReLU())
    return x, net


class Jacobians:
    """Per-parameter Jacobian blocks [b, *shape] of the net's single output, by three methods."""

    def __init__(self, net):
        self.net = net
        self.fnet, self.params = make_functional(net)
        self.params = tuple(p.detach() for p in self.params)

    def vmap(self, xb):
        def one(p, xi):
            return self.fnet(p, xi.unsqueeze(0)).squeeze()
        return list(vmap(jacrev(one), (None, 0))(self.params, xb))

    def jacobian(self, xb):
        def f(*p):
            return self.fnet(p, xb).squeeze(-1)
        return list(torch.autograd.functional.jacobian(f, self.params, vectorize=True))

    def loop(self, xb):
        rows = [[] for _ in self.params]
        ps = list(self.net.parameters())
        for i in range(xb.shape[0]):
            out = self.net(xb[i:i + 1]).squeeze()
            for r, g in zip(rows, torch.autograd.grad(out, ps)):
                r.append(g)
        return [torch.stack(r) for r in rows]


def contract(ja, jc):
    """sum over parameter tensors of J_a J_c^T: a b_a x b_c block of K."""
    k = None
    for a, c in zip(ja, jc):
        part = a.reshape(a.shape[0], -1) @ c.reshape(c.shape[0], -1).T
        k = part if k is None else k + part
    return k


def timed(fn):
    t = time.perf_counter()
    r = fn()
    return time.perf_counter() - t, r


def main():
    d, out = sys.argv[1], sys.argv[2]
    sample_rows = int(sys.argv[sys.argv.index("--sample-rows") + 1]) if "--sample-rows" in sys.argv else 4 * BLOCK
    full = "--full" in sys.argv
    x, net = load(d)
    n = x.shape[0]
    jac = Jacobians(net)
    p_count = sum(p.numel() for p in jac.params)
    r = {"python": sys.version.split()[0], "torch": torch.__version__, "numpy": np.__version__, "n": n,
         "parameters": p_count, "block": BLOCK}

    # Choose the fastest method and thread count on the first block (after one untimed call each).
    for name in ("vmap", "jacobian", "loop"):
        getattr(jac, name)(x[:2])
    best = None
    for threads in (1, 2):
        torch.set_num_threads(threads)
        for name in ("vmap", "jacobian", "loop"):
            t, _ = timed(lambda: getattr(jac, name)(x[:BLOCK]))
            r["calibrate_%s_t%d_s_per_row" % (name, threads)] = "%.4f" % (t / BLOCK)
            if best is None or t < best[0]:
                best = (t, name, threads)
    _, method, threads = best
    torch.set_num_threads(threads)
    r["method"] = method
    r["threads"] = threads
    rows_of = getattr(jac, method)

    k_ref = np.load(os.path.join(d, "K_rows.npy"))
    if full:
        blocks = math.ceil(n / BLOCK)
        k = torch.zeros(n, n, dtype=torch.float64)
        t0 = time.perf_counter()
        for a in range(blocks):
            ja = rows_of(x[a * BLOCK:(a + 1) * BLOCK])
            for c in range(a, blocks):
                jc = ja if c == a else rows_of(x[c * BLOCK:(c + 1) * BLOCK])
                kb = contract(ja, jc)
                k[a * BLOCK:a * BLOCK + kb.shape[0], c * BLOCK:c * BLOCK + kb.shape[1]] = kb
                k[c * BLOCK:c * BLOCK + kb.shape[1], a * BLOCK:a * BLOCK + kb.shape[0]] = kb.T
                del jc
        r["full_blocked_s"] = "%.1f" % (time.perf_counter() - t0)
        mine = k[:k_ref.shape[0]].numpy()
    else:
        block_times = []
        blocks = []
        for s in range(0, sample_rows, BLOCK):
            t, j = timed(lambda: rows_of(x[s:s + BLOCK]))
            block_times.append(t)
            if len(blocks) < 2:
                blocks.append(j)
            del j
        pair_times = []
        for _ in range(3):
            t, kb = timed(lambda: contract(blocks[0], blocks[1]))
            pair_times.append(t)
        t_block = statistics.median(block_times)
        t_pair = statistics.median(pair_times)
        pair_rate = 2.0 * BLOCK * BLOCK * p_count / t_pair
        g = torch.randn(2048, 2048, dtype=torch.float64)
        gemm_t = statistics.median(timed(lambda: g @ g)[0] for _ in range(3))
        gemm_rate = 2.0 * 2048 ** 3 / gemm_t
        b = math.ceil(n / BLOCK)
        r["row_s"] = "%.5f" % (t_block / BLOCK)
        r["block_s"] = "%.4f" % t_block
        r["block_runs"] = " ".join("%.4f" % s for s in sorted(block_times))
        r["pair_s"] = "%.4f" % t_pair
        r["pair_gflops"] = "%.2f" % (pair_rate / 1e9)
        r["gemm_gflops"] = "%.2f" % (gemm_rate / 1e9)
        r["lower_bound_s"] = "%.1f" % (n * t_block / BLOCK + float(n) * n * p_count / gemm_rate)
        r["blocked_s"] = "%.1f" % (b * (b + 1) / 2 * t_block + (b * (b - 1) / 2 + b / 2) * t_pair)
        k00 = contract(blocks[0], blocks[0])
        mine = torch.cat([k00, kb], 1).numpy()[:k_ref.shape[0]]
    ref = k_ref[:mine.shape[0], :mine.shape[1]]
    r["check_entries"] = mine.size
    r["max_rel_diff_vs_overparam"] = "%.2e" % (np.max(np.abs(mine - ref)) / np.max(np.abs(ref)))
    r["rss_peak_mb"] = "%.0f" % (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    with open(out, "w") as f:
        for key, value in r.items():
            f.write("%s=%s\n" % (key, value))


if __name__ == "__main__":
    main()
