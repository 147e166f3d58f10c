#!/usr/bin/env python3
"""Independent reference implementation of Ballast's backtest conventions (SPEC §4).

Written from the SPEC text only, without looking at the Swift kernel: a plain per-row loop
over numpy arrays, weights as holdings / value, two-pass sample statistics.

Run (from the repository root):
    python3 Tests/BallastBacktestTests/Reference/reference.py \
        > Tests/BallastBacktestTests/Reference/reference-fixtures.json

Needs numpy only. The cases read the bundled CSVs in Sources/BallastData/Resources.
"""
import csv, json, math, os, sys
import numpy as np

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
DATA = os.path.join(ROOT, "Sources", "BallastData", "Resources")


def read_csv(name):
    with open(os.path.join(DATA, name)) as f:
        rows = list(csv.reader(f))
    header = rows[0]
    dates = [r[0] for r in rows[1:]]
    cols = {h: [r[i] for r in rows[1:]] for i, h in enumerate(header) if i > 0}
    return dates, cols


def window(dates, cols, names, start, end):
    idx = [i for i, d in enumerate(dates) if start <= d <= end]
    out = []
    for n in names:
        vals = [cols[n][i] for i in idx]
        assert all(v != "" for v in vals), f"empty cell in {n}"
        out.append([float(v) for v in vals])
    return [dates[i] for i in idx], np.array(out).T  # rows x assets


def period_key(date, freq):
    y, m, d = int(date[:4]), int(date[5:7]), int(date[8:10])
    return {"monthly": (y, m), "quarterly": (y, (m - 1) // 3), "semiannual": (y, (m - 1) // 6),
            "annual": (y,)}[freq]


def widths(spec, names, targets):
    """Band widths below/above per asset: min of the given abs, rel*target, below/above."""
    lo, hi = [], []
    for a, t in zip(names, targets):
        parts = dict(spec.get("global", {}))
        parts.update(spec.get("assets", {}).get(a, {}))
        cand_lo, cand_hi = [], []
        if "abs" in parts:
            cand_lo.append(parts["abs"]); cand_hi.append(parts["abs"])
        if "rel" in parts:
            r = parts["rel"] * t if t > 0 else math.inf
            cand_lo.append(r); cand_hi.append(r)
        if "below" in parts: cand_lo.append(parts["below"])
        if "above" in parts: cand_hi.append(parts["above"])
        lo.append(min(cand_lo)); hi.append(min(cand_hi))
    return np.array(lo), np.array(hi)


def simulate(dates, R, targets, strat, ppy, cost_bps, rf):
    n, k = R.shape
    tgt = np.array(targets)
    h = tgt * 1.0
    V = [1.0]
    rebal, turnover, costs, drift_sum = 0, 0.0, 0.0, 0.0
    kind = strat["kind"]
    if kind in ("band", "hybrid"):
        lo, hi = widths(strat, None or strat["names"], targets)
    look_freq = strat.get("freq")
    for t in range(1, n):
        h = h * (1.0 + R[t])
        v = h.sum()
        w = h / v
        drift_sum += np.max(np.abs(w - tgt))
        trade = False
        if t < n - 1:
            is_end = look_freq is None or period_key(dates[t], look_freq) != period_key(dates[t + 1], look_freq)
            if kind == "calendar":
                trade = is_end
            elif kind in ("band", "hybrid") and is_end:
                trade = bool(np.any(w - tgt > hi) or np.any(tgt - w > lo))
        if trade:
            traded = np.abs(tgt - w).sum()
            turnover += traded / 2
            c = cost_bps / 1e4 * traded * v
            costs += c
            v = v - c
            h = tgt * v
            rebal += 1
        V.append(v)
    V = np.array(V)
    r = V[1:] / V[:-1] - 1
    m = n - 1
    x = r - rf[1:]
    bench = R[1:] @ tgt
    peak = np.maximum.accumulate(V)
    cagr = (V[-1] / V[0]) ** (ppy / m) - 1
    return {
        "cagr": cagr,
        "volatility": np.std(r, ddof=1) * math.sqrt(ppy),
        "maxDrawdown": min(0.0, float(np.min(V / peak - 1))),
        "sharpe": np.mean(x) / np.std(x, ddof=1) * math.sqrt(ppy),
        "sortino": np.mean(x) * ppy / (math.sqrt(np.mean(np.minimum(x, 0) ** 2)) * math.sqrt(ppy)),
        "turnover": turnover / (m / ppy),
        "rebalances": rebal,
        "costs": costs,
        "finalValue": V[-1],
        "trackingError": np.std(r - bench, ddof=1) * math.sqrt(ppy),
        "averageDrift": drift_sum / m,
    }


def parse_spec(spec, names):
    kind, _, rest = spec.partition(":")
    s = {"kind": kind, "names": names, "global": {}, "assets": {}}
    for part in filter(None, rest.split(",")):
        if "=" not in part:
            s["freq"] = part
            continue
        key, val = part.split("=")
        if key in ("abs", "rel", "below", "above"):
            s["global"][key] = float(val)
        elif "." in key:
            a, p = key.split(".")
            s["assets"].setdefault(a, {})[p] = float(val)
        else:
            s["assets"].setdefault(key, {})["abs"] = float(val)
    if kind == "calendar":
        s["freq"] = rest
    return s


CASES = [
    {"name": "monthly 60/40 1990-2018, rf, 10 bps", "file": "monthly_asset_classes.csv", "prices": False,
     "assets": [["us_stock", 0.6], ["ust_10y", 0.4]], "from": "1990-01-01", "to": "2018-12-31",
     "riskFree": "tbill_1m", "costBps": 10,
     "strategies": ["none", "calendar:monthly", "calendar:quarterly", "calendar:semiannual", "calendar:annual",
                    "band:abs=0.05", "band:rel=0.25", "band:abs=0.05,rel=0.1", "hybrid:quarterly,abs=0.03",
                    "band:below=0.02,above=0.04", "band:abs=0.01"]},
    {"name": "monthly three assets 1970-2020", "file": "monthly_asset_classes.csv", "prices": False,
     "assets": [["us_stock", 0.5], ["ust_10y", 0.3], ["gold", 0.2]], "from": "1970-03-15", "to": "2020-06-30",
     "riskFree": None, "costBps": 0,
     "strategies": ["none", "calendar:annual", "band:abs=0.05,us_stock=0.03", "band:rel=0.2,gold.above=0.02",
                    "hybrid:semiannual,abs=0.02,rel=0.25"]},
    {"name": "daily five stocks 2000-2010, 5 bps", "file": "daily_us_stocks.csv", "prices": True,
     "assets": [["AAPL", 0.2], ["JNJ", 0.2], ["XOM", 0.2], ["KO", 0.2], ["MSFT", 0.2]],
     "from": "2000-01-01", "to": "2010-12-31", "riskFree": None, "costBps": 5,
     "strategies": ["none", "calendar:monthly", "calendar:quarterly", "band:abs=0.05", "band:rel=0.3"]},
    {"name": "annual stocks/bonds 1928-2025", "file": "annual_asset_classes.csv", "prices": False,
     "assets": [["sp500_tr", 0.7], ["tbond_10y", 0.3]], "from": "1928-01-01", "to": "2025-12-31",
     "riskFree": "tbill_3m", "costBps": 25,
     "strategies": ["none", "calendar:annual", "band:abs=0.1", "band:abs=0.05,to=target"]},
]

PPY = {"monthly_asset_classes.csv": 12, "daily_us_stocks.csv": 252, "annual_asset_classes.csv": 1}


def run_case(case):
    dates, cols = read_csv(case["file"])
    names = [a for a, _ in case["assets"]]
    targets = [w for _, w in case["assets"]]
    extra = [case["riskFree"]] if case["riskFree"] else []
    d, X = window(dates, cols, names + extra, case["from"], case["to"])
    R = X[:, : len(names)]
    if case["prices"]:
        P = R
        R = np.zeros_like(P)
        R[1:] = P[1:] / P[:-1] - 1
    rf = X[:, len(names)] if extra else np.zeros(len(d))
    ppy = PPY[case["file"]]
    results = {}
    for spec in case["strategies"]:
        clean = spec.replace(",to=target", "")
        results[spec] = simulate(d, R, targets, parse_spec(clean, names), ppy, case["costBps"], rf)
    none = results["none"]["cagr"]
    for v in results.values():
        v["rebalancingAlpha"] = v["cagr"] - none
    return {**case, "rows": len(d), "first": d[0], "last": d[-1], "expected": results}


if __name__ == "__main__":
    out = {"generator": "Tests/BallastBacktestTests/Reference/reference.py", "numpy": np.__version__,
           "cases": [run_case(c) for c in CASES]}
    json.dump(out, sys.stdout, indent=1, default=float)
    sys.stdout.write("\n")
