#!/usr/bin/env python3
"""Side-by-side timing: Clarabel (through cvxpy, tolerance 1e-12) on the problems of
`ballast bench optimize` (SyntheticProblem N = 20, 100, 500 with seed N; a 200-point frontier
at N = 100). Prints Clarabel's own solve time (solver_stats.solve_time, excluding cvxpy's
compilation) and the wall time of prob.solve. Run: python3 Tests/BallastOptimizerTests/Reference/time_clarabel.py
"""
import time, numpy as np, cvxpy as cp
from generate_references import synthetic, TIGHT, max_sharpe, min_variance

def best_of(fn, k=5):
    out = []
    for _ in range(k):
        t = time.perf_counter(); _, _, solve_time = fn(); out.append((solve_time, time.perf_counter() - t))
    return min(o[0] for o in out), min(o[1] for o in out)

print("problem                      clarabel solve   cvxpy wall")
for n in (20, 100, 500):
    mu, S = synthetic(n, n)
    for name, fn in (("min-variance", lambda: min_variance(mu, S)), ("max-sharpe", lambda: max_sharpe(mu, S))):
        s, w = best_of(fn, 5 if n < 500 else 3)
        print(f"N={n:<4} {name:<20} {s*1e3:10.3f} ms {w*1e3:10.1f} ms")
mu, S = synthetic(100, 100)
w = cp.Variable(100); R = cp.Parameter()
prob = cp.Problem(cp.Minimize(cp.quad_form(w, cp.psd_wrap(S))), [cp.sum(w) == 1, w >= 0, mu @ w >= R])
mv, _, _ = min_variance(mu, S)
targets = np.linspace(mu @ mv, mu.max(), 200)
t = time.perf_counter(); solve = 0.0
for r in targets:
    R.value = float(r); prob.solve(solver="CLARABEL", **TIGHT); solve += prob.solver_stats.solve_time
print(f"N=100 frontier 200 points   {solve*1e3:10.3f} ms {(time.perf_counter()-t)*1e3:10.1f} ms")
