#!/usr/bin/python3
"""The pandas + SciPy reference for scripts/bench-compare.mjs: the same work as `drift-inspect compare`.

Reads both files (pandas.read_csv, or read_parquet when pyarrow or fastparquet is installed), then for every column:
  - numeric with more than 5 distinct values (over both sides, as Evidently counts them):
      n <= 1000 usable reference values: scipy.stats.ks_2samp; above: scipy.stats.wasserstein_distance / reference
      std (floor 0.001), drift at >= 0.1; plus the chart's histogram (numpy.histogram, shared equal-width edges,
      min(30, Sturges) bins) and each side's describe (min, 5/25/50/75/95 %, max, mean, std, missing);
  - categorical (or numeric with at most 5 values): value_counts on each side over the union of categories;
      n <= 1000: chi-squared (scipy.stats.chi2_contingency, no correction) or, for two values, the pooled
      two-proportion z-test; above: Jensen-Shannon distance (scipy.spatial.distance.jensenshannon), drift at >= 0.1;
  - datetime (ISO strings in CSV): parsed, histogram and describe only (not tested, as drift-inspect does).
Prints one JSON line: times (imports, read, tests), peak RSS (resource.getrusage, MB) and the drifted columns.
Usage: /usr/bin/python3 scripts/bench_pandas.py REFERENCE CURRENT
Needs Debian python3-pandas and python3-scipy (apt-get install -y python3-pandas python3-scipy).
"""
import time

T0 = time.perf_counter()
import json  # noqa: E402
import math  # noqa: E402
import re  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from scipy import stats  # noqa: E402
from scipy.spatial import distance  # noqa: E402

T_IMPORTED = time.perf_counter()
SMALL_SAMPLE_MAX = 1000
FEW_VALUES_MAX = 5
P_THRESHOLD = 0.05
DISTANCE_THRESHOLD = 0.1
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?Z?$")


def read(path):
    if path.endswith(".parquet"):
        return pd.read_parquet(path)
    return pd.read_csv(path)


def describe(values, rows):
    d = values.describe(percentiles=[0.05, 0.25, 0.5, 0.75, 0.95])
    return {"missing": int(rows - len(values)), **{k: float(v) for k, v in d.items()}}


def histogram(ref, cur):
    n = len(ref) + len(cur)
    bins = min(30, math.ceil(math.log2(max(n, 1))) + 1)
    edges = np.histogram_bin_edges(np.concatenate([ref, cur]), bins=bins)
    return np.histogram(ref, edges)[0] / max(len(ref), 1), np.histogram(cur, edges)[0] / max(len(cur), 1)


def categorical(ref, cur):
    """Counts over the union of both sides' categories, then the default test (Evidently's choice)."""
    rc = ref.value_counts()
    cc = cur.value_counts()
    union = rc.index.union(cc.index)
    r = rc.reindex(union, fill_value=0).to_numpy(dtype=float)
    c = cc.reindex(union, fill_value=0).to_numpy(dtype=float)
    n = r.sum()
    if n == 0 or c.sum() == 0:
        return None
    if n <= SMALL_SAMPLE_MAX:
        if len(union) > 2:
            p = stats.chi2_contingency(np.array([r, c]), correction=False)[1]
            return {"test": "chi2", "statistic": None, "pValue": float(p), "drifted": bool(p < P_THRESHOLD)}
        # Pooled two-proportion z-test on the first category.
        p1, p2 = r[0] / n, c[0] / c.sum()
        pooled = (r[0] + c[0]) / (n + c.sum())
        se = math.sqrt(pooled * (1 - pooled) * (1 / n + 1 / c.sum()))
        p = 1.0 if se == 0 else float(2 * stats.norm.sf(abs(p1 - p2) / se))
        return {"test": "z", "statistic": None, "pValue": p, "drifted": bool(p < P_THRESHOLD)}
    js = float(distance.jensenshannon(r / n, c / c.sum()))
    return {"test": "jensen_shannon", "statistic": js, "pValue": None, "drifted": bool(js >= DISTANCE_THRESHOLD)}


def numeric(ref, cur):
    r = ref[np.isfinite(ref)]
    c = cur[np.isfinite(cur)]
    if len(r) == 0 or len(c) == 0:
        return None
    if pd.concat([r, c]).nunique() <= FEW_VALUES_MAX:
        return categorical(r, c)
    rv, cv = r.to_numpy(), c.to_numpy()
    histogram(rv, cv)
    if len(rv) <= SMALL_SAMPLE_MAX:
        p = float(stats.ks_2samp(rv, cv).pvalue)
        return {"test": "ks", "statistic": None, "pValue": p, "drifted": bool(p < P_THRESHOLD)}
    w = float(stats.wasserstein_distance(rv, cv) / max(np.std(rv), 0.001))
    return {"test": "wasserstein", "statistic": w, "pValue": None, "drifted": bool(w >= DISTANCE_THRESHOLD)}


def main(ref_path, cur_path):
    t_read0 = time.perf_counter()
    ref = read(ref_path)
    cur = read(cur_path)
    t_read = time.perf_counter()
    results = {}
    for name in ref.columns:
        if name not in cur.columns:
            continue
        a, b = ref[name], cur[name]
        if a.dtype == object:
            first = a.dropna()
            first = first.iloc[0] if len(first) else ""
            if isinstance(first, str) and ISO_DATE.match(first):
                # A timestamp column: shown (histogram, describe), not tested.
                a = pd.to_datetime(a).astype("int64").where(a.notna())
                b = pd.to_datetime(b).astype("int64").where(b.notna())
                fa, fb = a.dropna(), b.dropna()
                histogram(fa.to_numpy(), fb.to_numpy())
                describe(fa, len(a)), describe(fb, len(b))
                results[name] = {"test": None, "drifted": None}
                continue
        if pd.api.types.is_datetime64_any_dtype(a):
            fa = a.dropna().astype("int64")
            fb = b.dropna().astype("int64")
            histogram(fa.to_numpy(), fb.to_numpy())
            describe(fa, len(a)), describe(fb, len(b))
            results[name] = {"test": None, "drifted": None}
            continue
        if pd.api.types.is_numeric_dtype(a) and not pd.api.types.is_bool_dtype(a):
            a = a.astype(float)
            b = b.astype(float)
            fa, fb = a[np.isfinite(a)], b[np.isfinite(b)]
            describe(fa, len(a)), describe(fb, len(b))
            results[name] = numeric(a, b)
        else:
            # Each side's missing count and distinct values, as the report's side summary.
            a.isna().sum(), b.isna().sum(), a.nunique(), b.nunique()
            results[name] = categorical(a.dropna(), b.dropna())
    t_tests = time.perf_counter()
    judged = [r for r in results.values() if r and r["drifted"] is not None]
    drifted = sorted(name for name, r in results.items() if r and r["drifted"])
    out = {
        "importSeconds": T_IMPORTED - T0,
        "readSeconds": t_read - t_read0,
        "testSeconds": t_tests - t_read,
        "seconds": t_tests - t_read0,
        "peakMb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "rows": [len(ref), len(cur)],
        "judged": len(judged),
        "drifted": drifted,
        "tests": sorted({r["test"] for r in results.values() if r and r["test"]}),
    }
    print(json.dumps(out))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
