"""Reference optima for LinearProgrammingTests, solved by SciPy's HiGHS (independent of Ballast).

Run: python3 Tests/LinearProgrammingTests/Reference/make_lp_fixtures.py > Tests/LinearProgrammingTests/Reference/lp_fixtures.json
(SciPy 1.17.1, numpy 2.4.6; seeds 0..39.) Each problem: minimise c.x s.t. rows (=, <=, >=) b, 0 <= x <= u.
"""
import json
import numpy as np
from scipy.optimize import linprog

problems = []
for seed in range(40):
    rng = np.random.default_rng(seed)
    m, n = int(rng.integers(2, 8)), int(rng.integers(3, 14))
    A = np.round(rng.normal(size=(m, n)), 3) * (rng.random((m, n)) < 0.7)
    x0 = np.round(rng.random(n) * 3, 3)           # a known feasible point
    u = [float(v) if rng.random() < 0.6 else None for v in np.round(x0 + rng.random(n) * 2, 3)]
    rel = [["eq", "le", "ge"][int(k)] for k in rng.integers(0, 3, size=m)]
    b = A @ x0
    b = np.array([b[i] + (0.5 if rel[i] == "le" else -0.5 if rel[i] == "ge" else 0) for i in range(m)])
    c = np.round(rng.normal(size=n), 3)
    Aub, bub, Aeq, beq = [], [], [], []
    for i in range(m):
        if rel[i] == "eq": Aeq.append(A[i]); beq.append(b[i])
        elif rel[i] == "le": Aub.append(A[i]); bub.append(b[i])
        else: Aub.append(-A[i]); bub.append(-b[i])
    res = linprog(c, A_ub=np.array(Aub) if Aub else None, b_ub=bub or None,
                  A_eq=np.array(Aeq) if Aeq else None, b_eq=beq or None,
                  bounds=[(0, ub) for ub in u], method="highs",
                  options={"primal_feasibility_tolerance": 1e-10, "dual_feasibility_tolerance": 1e-10})
    status = {0: "optimal", 2: "infeasible", 3: "unbounded"}[res.status]
    problems.append({"seed": seed, "A": A.tolist(), "b": b.tolist(), "c": c.tolist(), "u": u,
                     "relations": rel, "status": status,
                     "objective": float(res.fun) if status == "optimal" else None})
print(json.dumps(problems))
