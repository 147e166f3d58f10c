"""References for CovarianceRepairTests.swift: NumPy eigh eigenvalues and PyPortfolioOpt's
fix_nonpositive_semidefinite (spectral and diag) on fixed matrices.

Run: python3 generate_psd_references.py  (numpy 2.4.6, PyPortfolioOpt 1.6.0) and paste the
printed Swift literals into CovarianceRepairTests.swift.
"""
import warnings
import numpy as np
import pandas as pd
from pypfopt.risk_models import fix_nonpositive_semidefinite

warnings.simplefilter("ignore")
rng = np.random.default_rng(20261121)

def random_indefinite(n):
    """Q diag(λ) Qᵀ with two negative eigenvalues, rounded to 8 decimals; positive diagonal."""
    q, _ = np.linalg.qr(rng.normal(size=(n, n)))
    lam = np.concatenate([[-0.004, -0.001], rng.uniform(0.01, 0.09, size=n - 2)])
    m = np.round(q @ np.diag(lam) @ q.T, 8)
    assert (np.diag(m) > 0).all()
    return m

cases = {
    "threeAssets": np.array([[0.04, 0.036, 0.036], [0.036, 0.04, -0.036], [0.036, -0.036, 0.04]]),
    "fiveRandom": random_indefinite(5),
    "eightRandom": random_indefinite(8),
}

def lit(xs):
    return "[" + ", ".join(repr(float(x)) for x in np.ravel(xs)) + "]"

for name, m in cases.items():
    names = [f"A{i}" for i in range(len(m))]
    df = pd.DataFrame(m, index=names, columns=names)
    spectral = np.asarray(fix_nonpositive_semidefinite(df, fix_method="spectral"))
    diag = np.asarray(fix_nonpositive_semidefinite(df, fix_method="diag"))
    print(f'  static let {name} = Case(\n    n: {len(m)},\n    matrix: {lit(m)},\n'
          f'    eigenvalues: {lit(np.linalg.eigh(m)[0])},\n    spectral: {lit(spectral)},\n    diag: {lit(diag)})')
