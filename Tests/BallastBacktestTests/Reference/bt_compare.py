#!/usr/bin/env python3
"""Cross-check of `ballast backtest` against bt (pmorissette/bt), a dev-time tool only.

Run (bt is not a dependency of Ballast; install it in a throw-away virtualenv):
    python3 -m venv /tmp/btenv && /tmp/btenv/bin/pip install bt
    swift build
    /tmp/btenv/bin/python Tests/BallastBacktestTests/Reference/bt_compare.py

Cases where the conventions coincide (no costs, fractional shares, bt told to trade on the
same rows as Ballast) must agree to rounding; the script also prints where they differ by
design: bt's RunMonthly trades on the *first* row of a new month (Ballast: the last row of
each month), and ffn's CAGR counts calendar days (Ballast: rows / periodsPerYear).
"""
import json, os, subprocess, sys
import numpy as np
import pandas as pd
import bt

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
DATA = os.path.join(ROOT, "Sources", "BallastData", "Resources")
BALLAST = os.path.join(ROOT, ".build", "debug", "ballast")


def ballast(args):
    out = subprocess.run([BALLAST, "backtest", "--format", "json", "--series", "/tmp/bt_series.csv"] + args,
                         capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(out.stderr)
    out = out.stdout
    series = pd.read_csv("/tmp/bt_series.csv", parse_dates=["date"])
    return json.loads(out), series


def run_bt(prices, weights, algos_first, name):
    s = bt.Strategy(name, algos_first + [bt.algos.SelectAll(), bt.algos.WeighSpecified(**weights), bt.algos.Rebalance()])
    res = bt.run(bt.Backtest(s, prices, initial_capital=1_000_000.0, integer_positions=False, progress_bar=False))
    return res


def compare(label, ours, series, name, res):
    v_ours = series[series.strategy == name].set_index("date")["value"]
    v_bt = res.prices[res.backtest_list[0].name] / 100.0  # bt rebases to 100
    v_bt = v_bt.reindex(v_ours.index)
    rel = float(np.max(np.abs(v_bt.values / v_ours.values - 1)))
    m = next(s for s in ours["strategies"] if s["name"] == name)
    stats = res.stats[res.backtest_list[0].name]
    print(f"{label}: {name}")
    print(f"  final value      ballast {m['finalValue']:.12f}  bt {v_bt.iloc[-1]:.12f}")
    print(f"  max |path diff|  {rel:.2e} (relative)")
    print(f"  max drawdown     ballast {m['maxDrawdown']:.10f}  ffn {stats['max_drawdown']:.10f}")
    print(f"  CAGR             ballast {m['cagr']:.10f}  ffn {stats['cagr']:.10f} (ffn: calendar days / 365.25)")
    return rel


def monthly_case():
    df = pd.read_csv(os.path.join(DATA, "monthly_asset_classes.csv"), parse_dates=["date"], index_col="date")
    r = df.loc["1990-01-01":"2018-12-31", ["us_stock", "ust_10y"]]
    prices = (1 + r).cumprod() / (1 + r.iloc[0])  # row 0's return is not earned: price 1.0 at the start
    ours, series = ballast(["--assets", "us_stock=0.6,ust_10y=0.4", "--from", "1990-01-01", "--to", "2018-12-31",
                            "--strategy", "none", "--strategy", "calendar:monthly"])
    w = {"us_stock": 0.6, "ust_10y": 0.4}
    worst = compare("monthly 60/40 1990-2018", ours, series, "none", run_bt(prices, w, [bt.algos.RunOnce()], "once"))
    # On monthly rows, bt's RunMonthly fires on every row, as calendar:monthly does (Ballast skips
    # the final row, where a cost-free trade changes nothing).
    worst = max(worst, compare("monthly 60/40 1990-2018", ours, series, "calendar:monthly",
                               run_bt(prices, w, [bt.algos.RunMonthly(run_on_first_date=True)], "monthly")))
    return worst


def daily_case():
    df = pd.read_csv(os.path.join(DATA, "daily_us_stocks.csv"), parse_dates=["date"], index_col="date")
    names = ["AAPL", "JNJ", "XOM", "KO", "MSFT"]
    prices = df.loc["2000-01-01":"2010-12-31", names]
    ours, series = ballast(["--prices", os.path.join(DATA, "daily_us_stocks.csv"), "--assets", ",".join(names),
                            "--equal-weight", "--from", "2000-01-01", "--to", "2010-12-31", "--strategy", "calendar:monthly"])
    w = {n: 0.2 for n in names}
    month_ends = prices.index.to_series().groupby(prices.index.to_period("M")).max()
    dates = [prices.index[0]] + [d for d in month_ends if d != prices.index[-1]]
    same = run_bt(prices, w, [bt.algos.RunOnDate(*dates)], "same-dates")
    worst = compare("daily 5 stocks 2000-2010, bt on Ballast's dates", ours, series, "calendar:monthly", same)
    first = run_bt(prices, w, [bt.algos.RunMonthly(run_on_first_date=True)], "first-of-month")
    v_ours = series[series.strategy == "calendar:monthly"].set_index("date")["value"]
    v_first = (first.prices["first-of-month"] / 100.0).reindex(v_ours.index)
    print("daily 5 stocks 2000-2010, bt RunMonthly (trades on the first row of a new month):")
    print(f"  final value      ballast {v_ours.iloc[-1]:.6f}  bt {v_first.iloc[-1]:.6f}  "
          f"(differs by design: {v_first.iloc[-1] / v_ours.iloc[-1] - 1:+.4%})")
    return worst


if __name__ == "__main__":
    worst = max(monthly_case(), daily_case())
    print(f"worst relative difference where conventions coincide: {worst:.2e}")
    sys.exit(0 if worst < 1e-9 else 1)
