import BallastCore
import BallastFormats
import BallastOptimizer
import Foundation
import QuadraticProgramming
import Testing

/// Agreement with cvxpy + Clarabel (tolerance 1e-12): weights within 1e-6, objective within
/// 1e-9 relative (`Fixtures/README.md` says how the references were made).
@Suite struct ReferenceAgreementTests {
  static let weightTolerance = 1e-6
  static let objectiveTolerance = 1e-9

  func check(_ optimiser: MeanVarianceOptimizer, _ c: ReferenceCase, _ label: String) throws {
    let r = try optimiser.optimize(c.objectiveKind)
    var worst = 0.0
    for i in 0..<c.weights.count { worst = max(worst, abs(r.weights[i] - c.weights[i])) }
    #expect(worst < Self.weightTolerance, "\(label) \(c.name): max weight difference \(worst)")
    let rel = abs(r.objectiveValue - c.objective) / max(abs(c.objective), 1e-300)
    #expect(rel < Self.objectiveTolerance, "\(label) \(c.name): objective \(r.objectiveValue) vs \(c.objective) (rel \(rel))")
    #expect(r.solver.residuals.maximum < 1e-10, "\(label) \(c.name): KKT \(r.solver.residuals)")
  }

  @Test(arguments: 0..<3)
  func panelWindowsAgree(window: Int) throws {
    let w = try #require(References.panel.count > window ? References.panel[window] : nil)
    let assets = w["assets"] as? [String] ?? []
    let est = w["estimates"] as? [String: [Double]] ?? [:]
    let mu = try #require(est["meanGeometric"]), S = try #require(est["sample"])
    let cov = try CovarianceMatrix(dimension: assets.count, values: S)
    for d in w["cases"] as? [[String: Any]] ?? [] {
      let c = ReferenceCase(d)
      let opt = try MeanVarianceOptimizer(assets: assets, expectedReturns: mu, covariance: cov, constraints: c.constraints(assets.count))
      try check(opt, c, "panel \(w["from"] ?? "")")
    }
  }

  @Test(arguments: 0..<3)
  func syntheticProblemsAgree(index: Int) throws {
    let s = try #require(References.synthetic.count > index ? References.synthetic[index] : nil)
    let n = s["n"] as? Int ?? 0, seed = s["seed"] as? Int ?? 0
    let p = SyntheticProblem.make(n: n, seed: UInt64(seed))
    for d in s["cases"] as? [[String: Any]] ?? [] {
      let c = ReferenceCase(d)
      let opt = try MeanVarianceOptimizer(assets: p.assets, expectedReturns: p.mu, covariance: p.covariance, constraints: c.constraints(n))
      try check(opt, c, "N=\(n)")
    }
  }

  /// Our estimators reproduce PyPortfolioOpt's on the same windows.
  @Test(arguments: 0..<3)
  func estimatorsMatchPyPortfolioOpt(window: Int) throws {
    let w = try #require(References.panel.count > window ? References.panel[window] : nil)
    let assets = w["assets"] as? [String] ?? []
    let est = w["estimates"] as? [String: [Double]] ?? [:]
    let url = try #require(References.url("daily_us_stocks_2013_2018.csv"))
    let table = try MarketDataCSV.read(path: url.path)
    let win = try table.window(columns: assets, from: CivilDate(iso: w["from"] as? String ?? ""), to: CivilDate(iso: w["to"] as? String ?? ""))
    let r = try ReturnSeries(assets: assets, prices: win.series)
    func close(_ a: [Double], _ b: [Double]?, _ what: String, _ tol: Double = 1e-10) {
      guard let b else { Issue.record("missing \(what)"); return }
      var worst = 0.0
      for i in 0..<a.count { worst = max(worst, abs(a[i] - b[i]) / max(abs(b[i]), 1e-3)) }
      #expect(worst < tol, "\(what): worst relative difference \(worst)")
    }
    close(ExpectedReturnEstimator.meanHistorical().estimate(r), est["meanGeometric"], "mean (geometric)")
    close(ExpectedReturnEstimator.meanHistorical(compounding: false).estimate(r), est["meanArithmetic"], "mean (arithmetic)")
    close(ExpectedReturnEstimator.exponential().estimate(r), est["ema"], "ema")
    close(try CovarianceEstimator.sample.estimate(r).values, est["sample"], "sample covariance")
    close(try CovarianceEstimator.exponential().estimate(r).values, est["exp"], "exponential covariance")
    close(try CovarianceEstimator.ledoitWolf.estimate(r).values, est["ledoitWolf"], "Ledoit–Wolf")
  }
}
