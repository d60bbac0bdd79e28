#!/usr/bin/env python3
"""The peers' side of the end-to-end benchmark (bench/run-e2e.sh): PyTorch CPU and numpy on the
data and weights the Java side wrote.

    peer.py DIR OUT REPS [--eigen-only]

Times, as median of REPS runs after one warm-up: a full-batch GD step (forward, squared loss
1/2 sum (f - y)^2, backward by autograd, W -= lr grad) of the same fully connected ReLU net in
float64 and float32, with torch's thread count at 1 and at 2 (the report takes the faster), and
numpy.linalg.eigvalsh of the 2000 x 2000 Gram matrix K. Writes key=value lines to OUT.
"""
import os
import statistics
import sys
import time

import numpy as np

LR = 1e-3


def timed(reps, fn):
    fn()
    runs = []
    for _ in range(reps):
        t = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t)
    runs.sort()
    return statistics.median(runs), runs


def fc_step_factory(torch, dtype, d):
    x = torch.from_numpy(np.load(os.path.join(d, "X.npy"))).to(dtype)
    y = torch.from_numpy(np.load(os.path.join(d, "y.npy"))).to(dtype)
    ws = []
    for i in range(1, 5):
        w = torch.from_numpy(np.load(os.path.join(d, "W%d.npy" % i))).to(dtype)
        ws.append(w.clone().requires_grad_(True))

    def step():
        h = x
        for w in ws[:-1]:
            h = torch.relu(h @ w.T)
        f = h @ ws[-1].T
        loss = 0.5 * ((f - y) ** 2).sum()
        loss.backward()
        with torch.no_grad():
            for w in ws:
                w -= LR * w.grad
                w.grad = None
        return float(loss)

    return step


def main():
    d, out, reps = sys.argv[1], sys.argv[2], int(sys.argv[3])
    eigen_only = "--eigen-only" in sys.argv
    r = {"python": sys.version.split()[0], "numpy": np.__version__}
    if not eigen_only:
        import torch
        r["torch"] = torch.__version__
        r["torch_default_threads"] = torch.get_num_threads()
        for name, dtype in (("double", torch.float64), ("float", torch.float32)):
            for threads in (1, 2):
                torch.set_num_threads(threads)
                step = fc_step_factory(torch, dtype, d)
                r["fc_%s_loss0" % name] = step()
                med, runs = timed(reps, step)
                r["fc_%s_t%d_s" % (name, threads)] = "%.6f" % med
                r["fc_%s_t%d_runs" % (name, threads)] = " ".join("%.4f" % s for s in runs)
    k = np.load(os.path.join(d, "K.npy"))
    holder = {}

    def eig():
        holder["w"] = np.linalg.eigvalsh(k)

    med, runs = timed(reps, eig)
    r["eig_all_s"] = "%.6f" % med
    r["eig_all_runs"] = " ".join("%.4f" % s for s in runs)
    mine = os.path.join(d, "eig_native.npy")
    if os.path.exists(mine):
        r["eig_max_abs_diff_vs_overparam"] = "%.2e" % np.max(np.abs(np.load(mine) - holder["w"]))
    with open(out, "w") as f:
        for key, value in r.items():
            f.write("%s=%s\n" % (key, value))


if __name__ == "__main__":
    main()
