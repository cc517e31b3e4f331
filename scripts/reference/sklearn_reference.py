#!/usr/bin/env python3
"""Reference k-means results from scikit-learn for tests/reference.rs.

Run by hand (not in CI) after `pip install scikit-learn statsmodels`:

    python3 scripts/reference/sklearn_reference.py

It writes tests/reference/{iris,wine,anes96}.json, each with:
- `data`: the z-scored matrix (population sd), rounded to 5 decimals; the
  reference is computed on exactly these rounded values;
- `classes`: the known classes (iris, wine) or null;
- `k`: the reference number of clusters;
- `sklearn`: KMeans(n_clusters=k, n_init=50, random_state=0) best inertia
  (sum of squared distances) and its adjusted Rand index against the classes,
  and PCA(n_components=2) explained_variance_ratio_ for the projection.

All three data sets ship with the packages (no download): iris and wine with
scikit-learn, anes96 (American National Election Study 1996) with statsmodels.
For anes96 the attitude and self-placement columns are used: selfLR, ClinLR,
DoleLR (left-right placements of self, Clinton, Dole, 1-7) and PID (party
identification, 0-6).
"""

import json
import pathlib

import numpy as np
import sklearn
from sklearn.cluster import KMeans
from sklearn.decomposition import PCA
from sklearn.datasets import load_iris, load_wine
from sklearn.metrics import adjusted_rand_score
import statsmodels.api as sm

OUT = pathlib.Path(__file__).resolve().parents[2] / "tests" / "reference"
DECIMALS = 5


def zscore(x):
    x = np.asarray(x, dtype=float)
    return np.round((x - x.mean(axis=0)) / x.std(axis=0), DECIMALS)


def write(name, columns, x, classes, k):
    x = zscore(x)
    km = KMeans(n_clusters=k, n_init=50, random_state=0).fit(x)
    ari = None if classes is None else float(adjusted_rand_score(classes, km.labels_))
    doc = {
        "name": name,
        "k": k,
        "columns": columns,
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
    }
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{name}.json"
    path.write_text(json.dumps(doc, separators=(",", ":")) + "\n")
    print(f"{name}: n={x.shape[0]} p={x.shape[1]} k={k} inertia={km.inertia_:.6f} ari={ari}")


def main():
    iris = load_iris()
    write("iris", list(iris.feature_names), iris.data, iris.target, 3)
    wine = load_wine()
    write("wine", list(wine.feature_names), wine.data, wine.target, 3)
    anes = sm.datasets.anes96.load_pandas().data
    columns = ["selfLR", "ClinLR", "DoleLR", "PID"]
    write("anes96", columns, anes[columns].to_numpy(), None, 3)


if __name__ == "__main__":
    main()
