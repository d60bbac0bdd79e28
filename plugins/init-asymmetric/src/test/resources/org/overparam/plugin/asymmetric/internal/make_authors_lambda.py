#!/usr/bin/env python3
"""Writes authors_lambda.csv: the node weights of arXiv 2302.01002 as the authors' code computes them.

Their code (github.com/juho-lee/asymmetrical_scaling, sampling_utils.py, 'const_and_zipfian') takes
lambda = a/p + (1 - a) * scipy.stats.zipfian.pmf(k, 1/alpha, p) at k = 0, 1, ..., p-1. SciPy's
zipfian pmf is k^(-s) / sum_{j=1..p} j^(-s) for 1 <= k <= p and 0 elsewhere, so node 0 holds a/p only.
This script evaluates it with SciPy itself, independently of Overparam; NodeWeightsTest compares
NodeWeights.authors with these numbers entry for entry. Needs numpy and scipy:

    python3 make_authors_lambda.py > authors_lambda.csv
"""
import numpy as np
import scipy
from scipy.stats import zipfian

CASES = [(7, 0.3, 0.4), (5, 0.0, 0.7), (12, 0.5, 0.5), (1, 0.5, 0.5)]

print(f"# p,a,alpha,node,lambda  (scipy {scipy.__version__}, numpy {np.__version__})")
for p, a, alpha in CASES:
    lam = a / p * np.ones(p) + (1 - a) * zipfian.pmf(np.arange(p), 1 / alpha, p)
    for i, v in enumerate(lam):
        print(f"{p},{a!r},{alpha!r},{i},{float(v)!r}")
