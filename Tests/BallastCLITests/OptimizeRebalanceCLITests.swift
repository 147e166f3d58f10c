import Foundation
import Testing

/// `ballast optimize --current-weights … --cost-bps … --max-turnover …`, `--fix-cov`, and the
/// `optimized:` backtest strategy, through the built executable.
extension OptimizeCLITests {
  func rebalance(_ extra: [String]) throws -> [String: Any] {
    let (mu, cov) = try twoAssetFiles()
    let r = try run(["optimize", "--mu", mu, "--cov", cov, "--objective", "min-variance", "--format", "json",
                     "--current-weights", "BND=0.5,STK=0.5"] + extra)
    #expect(r.status == 0, "\(r.stderr)")
    return try #require(try json(r.stdout)["rebalance"] as? [String: Any])
  }

  func weight(_ section: [String: Any], _ asset: String) -> Double {
    (section["weights"] as? [String: Double])?[asset] ?? .nan
  }

  /// Two uncorrelated assets (variances 0.04, 0.09), target t = (0.09, 0.04)/0.13, current
  /// (0.5, 0.5), λ = 1. Moving δ into BND changes the tracking-error gradient by 0.13δ, so the
  /// optimum stops where 0.13 (w − t)_BND = −2c: w_BND = (0.09 − 2c)/0.13; no trade at all
  /// when 0.13 × |0.5 − t_BND| = 0.025 ≤ 2c, i.e. c ≥ 125 bps.
  static let boundaryCases: [(Double, Double)] = [
    (0, 0.09 / 0.13), (20, 0.086 / 0.13), (120, 0.066 / 0.13), (130, 0.5),
  ]

  @Test(arguments: boundaryCases)
  func costAwareRebalanceStopsAtTheNoTradeBoundary(bps: Double, expected: Double) throws {
    guard Self.executable != nil else { print("skipped: no ballast executable (swift build first)"); return }
    let r = try rebalance(["--cost-bps", "\(bps)"])
    #expect(abs(weight(r, "BND") - expected) <= 1e-9, "\(r)")
    #expect(abs(weight(r, "BND") + weight(r, "STK") - 1) <= 1e-12)
  }

  @Test func turnoverLimitCapsTheTrade() throws {
    guard Self.executable != nil else { print("skipped: no ballast executable (swift build first)"); return }
    let r = try rebalance(["--max-turnover", "0.1"])
    #expect(abs(weight(r, "BND") - 0.55) <= 1e-9)
    #expect(abs((r["turnover"] as? Double ?? 0) - 0.1) <= 1e-9)
  }

  @Test func badRebalanceInputExitsTwo() throws {
    guard Self.executable != nil else { print("skipped: no ballast executable (swift build first)"); return }
    let (mu, cov) = try twoAssetFiles()
    for extra in [["--current-weights", "BND=0.5,XYZ=0.5"], ["--current-weights", "BND=0.5,STK=0.4"],
                  ["--cost-bps", "10"], ["--current-weights", "BND=1", "--max-turnover", "-1"]] {
      let r = try run(["optimize", "--mu", mu, "--cov", cov] + extra)
      #expect(r.status >= 2, "\(extra)")
      #expect(r.stdout.isEmpty)
    }
  }

  /// A 3 × 3 matrix with eigenvalue −0.032: refused with --fix-cov none, repaired otherwise.
  /// The max-Sharpe weights on the spectral repair, (0, 0.5333…, 0.4667…), are those of cvxpy
  /// with Clarabel on `V diag(max(λ, 0)) Vᵀ` from numpy's eigh.
  @Test func nonPositiveSemidefiniteCovarianceIsRepairedOrRefused() throws {
    guard Self.executable != nil else { print("skipped: no ballast executable (swift build first)"); return }
    let mu = try temp("mu3.csv", "asset,mu\nA,0.1\nB,0.12\nC,0.08\n")
    let cov = try temp("cov3.csv", ",A,B,C\nA,0.04,0.036,0.036\nB,0.036,0.04,-0.036\nC,0.036,-0.036,0.04\n")
    let base = ["optimize", "--mu", mu, "--cov", cov, "--objective", "max-sharpe", "--format", "json"]
    let refused = try run(base + ["--fix-cov", "none"])
    #expect(refused.status >= 2 && refused.stderr.contains("not positive semi-definite"))
    let fixed = try run(base)
    #expect(fixed.status == 0, "\(fixed.stderr)")
    let d = try json(fixed.stdout)
    #expect((d["warnings"] as? [String])?.first?.contains("spectral") == true)
    let w = try #require(d["weights"] as? [String: Double])
    #expect(abs((w["B"] ?? 0) - 0.5333333333333333) <= 1e-7 && abs((w["C"] ?? 0) - 0.4666666666666667) <= 1e-7)
    let diag = try run(base + ["--fix-cov", "diag"])
    #expect(diag.status == 0 && diag.stdout.contains("diag method"))
  }

  @Test func optimizedBacktestStrategyRunsAndBadSpecsExitTwo() throws {
    guard Self.executable != nil else { print("skipped: no ballast executable (swift build first)"); return }
    let args = ["backtest", "--data", "daily_us_stocks", "--assets", "JNJ,KO,XOM,MSFT", "--equal-weight", "--from", "2015",
                "--to", "2018", "--format", "json", "--strategy", "calendar:monthly", "--strategy"]
    let ok = try run(args + ["optimized:min-variance,window=126,cov=ledoit-wolf,bounds=0:0.5"])
    #expect(ok.status == 0, "\(ok.stderr)")
    let strategies = try #require(try json(ok.stdout)["strategies"] as? [[String: Any]])
    #expect(strategies.map { $0["name"] as? String } == ["calendar:monthly", "optimized:min-variance,window=126,cov=ledoit-wolf,bounds=0:0.5"])
    #expect(strategies.allSatisfy { ($0["rebalances"] as? Int ?? 0) == 47 })
    for bad in ["optimized:objective=best", "optimized:bounds=0:0.1", "optimized:window=3"] {
      let r = try run(args + [bad])
      #expect(r.status >= 2, "\(bad)")
      #expect(r.stdout.isEmpty)
    }
  }
}
