#!/usr/bin/env python3
"""Independent reference solutions for Ballast's optimiser tests.

Run from the repository root (dev tools only, never runtime dependencies):

    pip install cvxpy clarabel pyportfolioopt scikit-learn pandas numpy
    python3 Tests/BallastOptimizerTests/Reference/generate_references.py

It writes Tests/BallastOptimizerTests/Fixtures/references.json:
  * "panel": PyPortfolioOpt 1.6 estimates (mean_historical_return, ema_historical_return,
    sample_cov, exp_cov, CovarianceShrinkage.ledoit_wolf) on windows of the fixture
    daily_us_stocks_2013_2018.csv, and optimal weights for several objectives and bounds;
  * "synthetic": problems of 20, 100 and 500 assets from the SplitMix64 formula of
    Sources/BallastOptimizer/SyntheticProblem.swift (re-implemented below), with optimal weights.
Every QP is solved by cvxpy + Clarabel at tolerances 1e-12 (tol_gap_abs, tol_gap_rel, tol_feas),
in the formulations PyPortfolioOpt uses (max-Sharpe by homogenisation). Clarabel's solve times are
recorded for the side-by-side speed figure ("clarabelSeconds").
"""
import json, sys, time, os
import numpy as np, pandas as pd, cvxpy as cp
from pypfopt import expected_returns, risk_models

HERE = os.path.dirname(os.path.abspath(__file__))
FIX = os.path.join(HERE, "..", "Fixtures")
TIGHT = dict(tol_gap_abs=1e-12, tol_gap_rel=1e-12, tol_feas=1e-12, tol_ktratio=1e-10, max_iter=400)
MASK = (1 << 64) - 1

def splitmix(seed):
    state = seed
    while True:
        state = (state + 0x9E3779B97F4A7C15) & MASK
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        yield float((z ^ (z >> 31)) >> 11) * 2.0 ** -53

def synthetic(n, seed):
    g = splitmix(seed); k = 4
    B = np.zeros((n, k))
    for i in range(n):
        for f in range(k):
            u = next(g)
            B[i, f] = 0.08 + 0.17 * u if f == 0 else 0.2 * (u - 0.5)
    s = np.array([0.10 + 0.30 * next(g) for _ in range(n)])
    mu = np.array([0.02 + 0.14 * next(g) for _ in range(n)])
    S = B @ B.T + np.diag(s * s)
    return mu, (S + S.T) / 2

LOOSER = dict(tol_gap_abs=1e-10, tol_gap_rel=1e-10, tol_feas=1e-10, tol_ktratio=1e-8, max_iter=400)

def solve(prob):
    """Clarabel at 1e-12; problems with a second-order cone (target risk) that stall there are
    re-solved at 1e-10, which still bounds the objective error far below the 1e-9 test tolerance."""
    t = time.perf_counter()
    prob.solve(solver="CLARABEL", **TIGHT)
    if prob.status != "optimal":
        prob.solve(solver="CLARABEL", **LOOSER)
    wall = time.perf_counter() - t
    assert prob.status == "optimal", prob.status
    return prob.solver_stats.solve_time or wall

def constraints_for(w, lo, hi, groups):
    cons = [cp.sum(w) == 1, w >= lo, w <= hi]
    for members, glo, ghi in groups:
        cons += [cp.sum(w[members]) <= ghi, cp.sum(w[members]) >= glo]
    return cons

def min_variance(mu, S, lo=0.0, hi=1.0, groups=()):
    w = cp.Variable(len(mu))
    p = cp.Problem(cp.Minimize(cp.quad_form(w, cp.psd_wrap(S))), constraints_for(w, lo, hi, groups))
    t = solve(p); x = w.value
    return x, float(x @ S @ x), t

def target_return(mu, S, R, lo=0.0, hi=1.0, groups=()):
    w = cp.Variable(len(mu))
    p = cp.Problem(cp.Minimize(cp.quad_form(w, cp.psd_wrap(S))), constraints_for(w, lo, hi, groups) + [mu @ w >= R])
    t = solve(p); x = w.value
    return x, float(x @ S @ x), t

def utility(mu, S, delta, lo=0.0, hi=1.0, groups=()):
    w = cp.Variable(len(mu))
    p = cp.Problem(cp.Maximize(mu @ w - 0.5 * delta * cp.quad_form(w, cp.psd_wrap(S))), constraints_for(w, lo, hi, groups))
    t = solve(p); x = w.value
    return x, float(mu @ x - 0.5 * delta * x @ S @ x), t

def target_risk(mu, S, sigma, lo=0.0, hi=1.0, groups=()):
    w = cp.Variable(len(mu))
    L = np.linalg.cholesky(S)  # ‖Lᵀw‖ ≤ σ: a better-conditioned cone than wᵀSw ≤ σ²
    p = cp.Problem(cp.Maximize(mu @ w), constraints_for(w, lo, hi, groups) + [cp.norm(L.T @ w) <= sigma])
    t = solve(p); x = polish_target_risk(mu, S, sigma, w.value)
    return x, float(mu @ x), t

def polish_target_risk(mu, S, sigma, x):
    """Clarabel stalls short of 1e-12 on this cone, so the reference is polished analytically on
    Clarabel's support F (weights > 1e-7, no other bound active): stationarity
    μ − 2λΣw − ν1 = 0 gives w = Σ_F⁻¹(μ − ν1)/(2λ) with 2λ = B − νC from the budget and
    A − 2νB + ν²C = σ²(B − νC)² from the risk constraint (A = μᵀΣ⁻¹μ, B = μᵀΣ⁻¹1, C = 1ᵀΣ⁻¹1).
    The polished point is kept only if it is feasible and at least as good."""
    F = np.where(x > 1e-7)[0]
    SF = S[np.ix_(F, F)]; m = mu[F]; one = np.ones(len(F))
    a = np.linalg.solve(SF, m); b = np.linalg.solve(SF, one)
    A, B, C = m @ a, m @ b, one @ b
    s2 = sigma * sigma
    # (C − σ²C²) ν² + (−2B + 2σ²BC) ν + (A − σ²B²) = 0
    roots = np.roots([C - s2 * C * C, -2 * B + 2 * s2 * B * C, A - s2 * B * B])
    best = x
    for nu in roots:
        if abs(nu.imag) > 1e-12: continue
        nu = nu.real; two_lambda = B - nu * C
        if two_lambda <= 0: continue
        wF = (a - nu * b) / two_lambda
        if np.any(wF < -1e-12): continue
        w = np.zeros(len(mu)); w[F] = np.maximum(wF, 0)
        if abs(np.sqrt(w @ S @ w) - sigma) < 1e-12 * sigma and mu @ w >= mu @ best - 1e-9:
            best = w
    return best

def max_sharpe(mu, S, rf=0.0, lo=0.0, hi=1.0, groups=()):
    """PyPortfolioOpt's homogenised formulation: min yᵀSy, (mu-rf)ᵀy = 1, lo k <= y <= hi k, sum y = k >= 0."""
    n = len(mu); y = cp.Variable(n); k = cp.Variable()
    cons = [(mu - rf) @ y == 1, cp.sum(y) == k, k >= 0, y >= lo * k, y <= hi * k]
    for members, glo, ghi in groups:
        cons += [cp.sum(y[members]) <= ghi * k, cp.sum(y[members]) >= glo * k]
    p = cp.Problem(cp.Minimize(cp.quad_form(y, cp.psd_wrap(S))), cons)
    t = solve(p); x = y.value / k.value
    return x, float((mu @ x - rf) / np.sqrt(x @ S @ x)), t

def case(name, fn, *args, **kw):
    x, obj, t = fn(*args, **kw)
    return {"name": name, "weights": [float(v) for v in x], "objective": obj, "clarabelSeconds": t}

def objective_cases(mu, S, groups_for_panel=None):
    mv, _, _ = min_variance(mu, S)
    r_mv = float(mu @ mv)
    r_hi = float(np.max(mu))
    out = [
        case("min-variance", min_variance, mu, S),
        case("max-sharpe", max_sharpe, mu, S),
        case("max-sharpe rf=0.02", max_sharpe, mu, S, 0.02),
        case("target-return", target_return, mu, S, r_mv + 0.5 * (r_hi - r_mv)),
        case("utility=2", utility, mu, S, 2.0),
        case("target-risk", target_risk, mu, S, float(np.sqrt(mv @ S @ mv)) * 1.25),
    ]
    n = len(mu)
    hi = max(0.1, 2.0 / n)
    out += [
        case(f"min-variance hi={hi}", min_variance, mu, S, 0.0, hi),
        case(f"max-sharpe hi={hi}", max_sharpe, mu, S, 0.0, 0.0, hi),
    ]
    out[-2]["upper"] = hi; out[-1]["upper"] = hi
    for c, arg in zip(out[3:6], [r_mv + 0.5 * (r_hi - r_mv), 2.0, float(np.sqrt(mv @ S @ mv)) * 1.25]):
        c["parameter"] = arg
    out[2]["parameter"] = 0.02
    if groups_for_panel:
        out.append(dict(case("min-variance groups", min_variance, mu, S, 0.0, 1.0, groups_for_panel),
                        groups=[[m, lo, hi_] for m, lo, hi_ in groups_for_panel]))
        out.append(dict(case("max-sharpe groups", max_sharpe, mu, S, 0.0, 0.0, 1.0, groups_for_panel),
                        groups=[[m, lo, hi_] for m, lo, hi_ in groups_for_panel]))
    return out

def panel():
    prices = pd.read_csv(os.path.join(FIX, "daily_us_stocks_2013_2018.csv"), index_col="date", parse_dates=True)
    windows = []
    for start, end in [("2013-01-01", "2015-12-31"), ("2016-01-01", "2018-12-31"), ("2014-07-01", "2016-06-30")]:
        p = prices.loc[start:end]
        mu = expected_returns.mean_historical_return(p).values
        S = risk_models.sample_cov(p).values
        groups = [([0, 1, 12], 0.0, 0.15), ([4, 19, 16], 0.05, 1.0)]  # tech ≤ 15 %, energy ≥ 5 %
        windows.append({
            "from": start, "to": end, "assets": list(p.columns),
            "estimates": {
                "meanGeometric": list(map(float, mu)),
                "meanArithmetic": list(map(float, expected_returns.mean_historical_return(p, compounding=False).values)),
                "ema": list(map(float, expected_returns.ema_historical_return(p).values)),
                "sample": list(map(float, S.ravel())),
                "exp": list(map(float, risk_models.exp_cov(p).values.ravel())),
                "ledoitWolf": list(map(float, risk_models.CovarianceShrinkage(p).ledoit_wolf().values.ravel())),
            },
            "cases": objective_cases(mu, S, groups),
        })
        print("panel", start, end, file=sys.stderr)
    return windows

def synthetic_cases():
    out = []
    for n, seed in [(20, 20), (100, 100), (500, 500)]:
        mu, S = synthetic(n, seed)
        out.append({"n": n, "seed": seed, "cases": objective_cases(mu, S)})
        print("synthetic", n, file=sys.stderr)
    return out

if __name__ == "__main__":
    doc = {"generator": "Tests/BallastOptimizerTests/Reference/generate_references.py",
           "solver": "cvxpy %s + Clarabel, tol 1e-12" % cp.__version__,
           "panel": panel(), "synthetic": synthetic_cases()}
    with open(os.path.join(FIX, "references.json"), "w") as f:
        json.dump(doc, f, separators=(",", ":"))
