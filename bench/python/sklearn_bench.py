#!/usr/bin/env python3
"""scikit-learn's side of bench/kmeans.mjs: KMeans(algorithm="lloyd") on one
thread (threadpoolctl limits OpenMP and BLAS to 1) on the matrix the bench
wrote, with the same workloads:

  (a) up to ITERATIONS Lloyd iterations from the given centroids (tol=0:
      scikit-learn stops earlier only if no label changes) -> ms/iteration
  (b) one fit with one greedy k-means++ start (n_init=1, default tol 1e-4)

Prints one JSON object. Each workload runs once untimed, then REPEATS times;
the median is reported.

  python sklearn_bench.py MATRIX.f64 ROWS WIDTH K INIT.f64 ITERATIONS REPEATS
"""

import json
import statistics
import sys
import time

import numpy as np
import sklearn
from sklearn.cluster import KMeans
from threadpoolctl import threadpool_limits


def timed(fn, repeats):
    fn()
    times, out = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        out = fn()
        times.append((time.perf_counter() - start) * 1000.0)
    return statistics.median(times), out


def main():
    matrix, rows, width, k, init, iterations, repeats = sys.argv[1:8]
    rows, width, k, iterations, repeats = int(rows), int(width), int(k), int(iterations), int(repeats)
    x = np.fromfile(matrix, dtype="<f8").reshape(rows, width)
    centres = np.fromfile(init, dtype="<f8").reshape(k, width)
    with threadpool_limits(limits=1):
        fixed = lambda: KMeans(n_clusters=k, init=centres, n_init=1, max_iter=iterations, tol=0.0, algorithm="lloyd").fit(x)
        ms_a, a = timed(fixed, repeats)
        fit = lambda: KMeans(n_clusters=k, init="k-means++", n_init=1, algorithm="lloyd", random_state=1).fit(x)
        ms_b, b = timed(fit, repeats)
    print(json.dumps({
        "version": sklearn.__version__,
        "fixed": {"ms": ms_a, "iterations": int(a.n_iter_)},
        "fit": {"ms": ms_b, "iterations": int(b.n_iter_), "inertia": float(b.inertia_)},
    }))


if __name__ == "__main__":
    main()
