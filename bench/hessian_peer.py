#!/usr/bin/env python3
"""The PyTorch side of the Hessian benchmark (bench/run-hessian.sh), on the data and weights the Java
side wrote (X.npy, y.npy, W1..W4.npy of the end-to-end benchmark).

    hessian_peer.py DIR OUT REPS SAMPLES

The loss is 1/2 sum (f - y)^2 of the fully connected ReLU net (no biases) on the first SAMPLES
inputs, in float64. As in PyHessian (arXiv 1912.07145, pyhessian/hessian.py), the gradient is taken
once with create_graph=True and each Hessian-vector product is a double backward through it
(torch.autograd.grad(grads, params, grad_outputs=v, retain_graph=True)); the top eigenvalue is
PyHessian's power iteration with its defaults (maxIter=100, tol=1e-3 on the relative change).
Times, median of REPS runs after one warm-up, with torch's thread count at 1 and at 2 (the
faster is kept):
  hvp    one product (the gradient's graph already built)
  power  the whole top-eigenvalue computation, building the gradient's graph included
Also compares its product on the Java side's seeded vector (v*.npy) with the Java result (hv*.npy).
Writes key=value lines to OUT.
"""
import os
import statistics
import sys
import time

import numpy as np
import torch

MAX_ITER = 100
TOL = 1e-3


def timed(reps, fn):
    fn()
    runs = []
    for _ in range(reps):
        t = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t)
    runs.sort()
    return statistics.median(runs), runs


def load(d, samples):
    x = torch.from_numpy(np.load(os.path.join(d, "X.npy"))[:samples].copy())
    y = torch.from_numpy(np.load(os.path.join(d, "y.npy"))[:samples].copy())
    ws = [torch.from_numpy(np.load(os.path.join(d, "W%d.npy" % i))).clone().requires_grad_(True) for i in range(1, 5)]
    return x, y, ws


def gradient_graph(x, y, ws):
    h = x
    for w in ws[:-1]:
        h = torch.relu(h @ w.T)
    f = h @ ws[-1].T
    loss = 0.5 * ((f - y) ** 2).sum()
    return torch.autograd.grad(loss, ws, create_graph=True)


def hvp(grads, ws, v):
    return torch.autograd.grad(grads, ws, grad_outputs=v, only_inputs=True, retain_graph=True)


def dot(a, b):
    return sum(torch.sum(p * q) for p, q in zip(a, b)).item()


def normalize(v):
    n = dot(v, v) ** 0.5
    return [p / (n + 1e-6) for p in v]


def power_iteration(x, y, ws):
    """PyHessian's hessian.eigenvalues(maxIter=100, tol=1e-3, top_n=1)."""
    grads = gradient_graph(x, y, ws)
    torch.manual_seed(0)
    v = normalize([torch.randn_like(w) for w in ws])
    eigenvalue = None
    for i in range(MAX_ITER):
        hv = hvp(grads, ws, v)
        tmp = dot(hv, v)
        v = normalize(hv)
        if eigenvalue is not None and abs(eigenvalue - tmp) / (abs(eigenvalue) + 1e-6) < TOL:
            return tmp, i + 1
        eigenvalue = tmp
    return eigenvalue, MAX_ITER


def main():
    d, out, reps, samples = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    r = {"torch": torch.__version__, "python": sys.version.split()[0], "threads_tried": "1,2",
         "power_tol": TOL, "samples": samples}
    x, y, ws = load(d, samples)

    v = [torch.from_numpy(np.load(os.path.join(d, "v%d.npy" % i))) for i in range(1, 5)]
    mine = [torch.from_numpy(np.load(os.path.join(d, "hv%d.npy" % i))) for i in range(1, 5)]
    theirs = hvp(gradient_graph(x, y, ws), ws, v)
    diff = max(torch.max(torch.abs(a - b)).item() for a, b in zip(mine, theirs))
    scale = max(torch.max(torch.abs(b)).item() for b in theirs)
    r["hvp_rel_diff"] = "%.2e" % (diff / scale)

    best = {}
    for threads in (1, 2):
        torch.set_num_threads(threads)
        grads = gradient_graph(x, y, ws)
        med, runs = timed(reps, lambda: hvp(grads, ws, v))
        if "hvp" not in best or med < best["hvp"][0]:
            best["hvp"] = (med, runs, threads)
        holder = {}

        def top():
            holder["result"] = power_iteration(x, y, ws)

        med, runs = timed(reps, top)
        if "power" not in best or med < best["power"][0]:
            best["power"] = (med, runs, threads)
            r["power_eigenvalue"] = repr(holder["result"][0])
            r["power_iterations"] = holder["result"][1]
    for key, (med, runs, threads) in best.items():
        r[key + "_s"] = "%.4f" % med
        r[key + "_runs"] = " ".join("%.3f" % s for s in runs)
        r[key + "_threads"] = threads
    with open(out, "w") as f:
        for key, value in r.items():
            f.write("%s=%s\n" % (key, value))


if __name__ == "__main__":
    main()
