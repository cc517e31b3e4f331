#!/usr/bin/env python3
"""Reference k-means results from scikit-learn for tests/reference.rs.

Run by hand (never in CI) in the pinned environment of bench/python/setup.sh
(scikit-learn and statsmodels from PyPI, versions in
bench/python/requirements.txt):

    bash bench/python/setup.sh
    bench/.venv/bin/python scripts/reference/sklearn_reference.py

It writes tests/reference/NAME.json for each of the real data sets below,
each with:
- `data`: the z-scored matrix (population sd), rounded to 5 decimals; the
  reference is computed on exactly these rounded values. Columns constant
  in the rows kept are dropped (they cannot be z-scored).
- `rows`: how the rows were chosen: all of them, or (above MAX_ROWS) a
  deterministic subsample, numpy.random.RandomState(SUBSAMPLE_SEED).permutation
  of the original rows, first MAX_ROWS, in original order;
- `classes`: the known classes (for the sets that have them) or null;
- `k`: the reference number of clusters of the older check (iris, wine,
  anes96: 3);
- `sklearn`: KMeans(n_clusters=k, n_init=50, random_state=0) best inertia
  (sum of squared distances) and its adjusted Rand index against the
  classes, and PCA(n_components=2) explained_variance_ratio_;
- `bestKnown`: for every k from 2 to 6, the lowest inertia scikit-learn
  found with KMeans(n_clusters=k, n_init=BEST_N_INIT, tol=0,
  max_iter=1000, random_state=s) for each s in BEST_SEEDS (greedy
  k-means++, Lloyd; tol=0 runs each start until no label changes), and how
  many of the seeds reached it (within 1e-9 relative).

Every data set ships with the packages (no download): scikit-learn's
bundled sets and statsmodels' datasets.
"""

import json
import pathlib

import numpy as np
import sklearn
import statsmodels
import statsmodels.api as sm
from sklearn.cluster import KMeans
from sklearn.datasets import (
    load_breast_cancer,
    load_diabetes,
    load_digits,
    load_iris,
    load_linnerud,
    load_wine,
)
from sklearn.decomposition import PCA
from sklearn.metrics import adjusted_rand_score

OUT = pathlib.Path(__file__).resolve().parents[2] / "tests" / "reference"
DECIMALS = 5
MAX_ROWS = 400
SUBSAMPLE_SEED = 2026
BEST_KS = range(2, 7)
BEST_N_INIT = 200
BEST_SEEDS = (0, 1, 2)


def zscore(x):
    x = np.asarray(x, dtype=float)
    return np.round((x - x.mean(axis=0)) / x.std(axis=0), DECIMALS)


def subsample(x, classes):
    """All rows up to MAX_ROWS, else a seeded subsample in original order."""
    n = x.shape[0]
    if n <= MAX_ROWS:
        return x, classes, "all"
    keep = np.sort(np.random.RandomState(SUBSAMPLE_SEED).permutation(n)[:MAX_ROWS])
    how = f"{MAX_ROWS} of {n}: RandomState({SUBSAMPLE_SEED}).permutation, first {MAX_ROWS}, in order"
    return x[keep], None if classes is None else np.asarray(classes)[keep], how


def best_known(x):
    out = []
    for k in BEST_KS:
        runs = [
            float(KMeans(n_clusters=k, n_init=BEST_N_INIT, tol=0.0, max_iter=1000, random_state=s).fit(x).inertia_)
            for s in BEST_SEEDS
        ]
        best = min(runs)
        reached = sum(1 for r in runs if r <= best * (1 + 1e-9))
        out.append({"k": k, "inertia": best, "seedsReaching": reached})
    return out


def write(name, source, columns, x, classes, k=3, subsampled=False):
    x = np.asarray(x, dtype=float)
    rows = "all"
    if subsampled:
        x, classes, rows = subsample(x, classes)
    varying = x.std(axis=0) > 0
    columns = [c for c, v in zip(columns, varying) if v]
    x = zscore(x[:, varying])
    km = KMeans(n_clusters=k, n_init=50, random_state=0).fit(x)
    ari = None if classes is None else float(adjusted_rand_score(classes, km.labels_))
    best = best_known(x)
    doc = {
        "name": name,
        "source": source,
        "rows": rows,
        "k": k,
        "columns": [str(c) for c in columns],
        "data": x.tolist(),
        "classes": None if classes is None else [int(c) for c in classes],
        "sklearn": {
            "version": sklearn.__version__,
            "nInit": 50,
            "randomState": 0,
            "inertia": float(km.inertia_),
            "ari": ari,
            "pcaExplained": [float(r) for r in PCA(n_components=2).fit(x).explained_variance_ratio_],
        },
        "bestKnown": {
            "version": sklearn.__version__,
            "nInit": BEST_N_INIT,
            "seeds": list(BEST_SEEDS),
            "tol": 0.0,
            "maxIter": 1000,
            "byK": best,
        },
    }
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{name}.json"
    path.write_text(json.dumps(doc, separators=(",", ":")) + "\n")
    figures = " ".join(f"k{b['k']}={b['inertia']:.4f}({b['seedsReaching']}/{len(BEST_SEEDS)})" for b in best)
    print(f"{name}: n={x.shape[0]} p={x.shape[1]} rows={rows}; best known {figures}")


def frame(dataset, drop=()):
    df = getattr(sm.datasets, dataset).load_pandas().data
    df = df.drop(columns=list(drop)).select_dtypes("number").dropna()
    return list(df.columns), df.to_numpy()


def main():
    print(f"scikit-learn {sklearn.__version__}, statsmodels {statsmodels.__version__}")
    skl = f"scikit-learn {sklearn.__version__}"
    stm = f"statsmodels {statsmodels.__version__}"
    iris = load_iris()
    write("iris", skl, iris.feature_names, iris.data, iris.target)
    wine = load_wine()
    write("wine", skl, wine.feature_names, wine.data, wine.target)
    anes = sm.datasets.anes96.load_pandas().data
    # Left-right placements of self, Clinton, Dole (1-7) and party id (0-6).
    columns = ["selfLR", "ClinLR", "DoleLR", "PID"]
    write("anes96", stm, columns, anes[columns].to_numpy(), None)
    cancer = load_breast_cancer()
    write("breast_cancer", skl, cancer.feature_names, cancer.data, cancer.target, k=2, subsampled=True)
    digits = load_digits()
    write("digits", skl, [f"pixel{i}" for i in range(64)], digits.data, digits.target, k=10, subsampled=True)
    diabetes = load_diabetes()
    write("diabetes", skl, diabetes.feature_names, diabetes.data, None, subsampled=True)
    linnerud = load_linnerud()
    both = np.hstack([linnerud.data, linnerud.target])
    write("linnerud", skl, linnerud.feature_names + linnerud.target_names, both, None)
    # Survey answers: marriage rating, religiousness, education, occupation...
    columns, x = frame("fair", drop=["affairs"])
    write("fair", stm, columns, x, None, subsampled=True)
    columns, x = frame("statecrime")
    write("statecrime", stm, columns, x, None)
    columns, x = frame("star98")
    write("star98", stm, columns, x, None)
    columns, x = frame("macrodata", drop=["year", "quarter"])
    write("macrodata", stm, columns, x, None)
    columns, x = frame("randhie")
    write("randhie", stm, columns, x, None, subsampled=True)


if __name__ == "__main__":
    main()
