import BallastCore
import ArgumentParser
import BallastOptimizer
import Foundation
import QuadraticProgramming

/// `ballast bench optimize`: times the optimiser on seeded synthetic problems
/// (``SyntheticProblem``, N = 20, 100, 500) and a 200-point frontier at N = 100, checks every
/// result (status optimal, KKT residual ≤ 1e-9) and prints the figures. Build with
/// `swift build -c release` first.
struct BenchOptimize: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "optimize", abstract: "Benchmark: mean-variance optimisation (min-variance, max-Sharpe, frontier).",
    discussion: """
      Examples:
        swift build -c release && .build/release/ballast bench optimize
      """)

  @Option(help: "Minimum measuring time per figure, in seconds.")
  var seconds: Double = 0.5

  func validate() throws {
    guard seconds.isFinite, seconds >= 0, seconds <= 3600 else {
      throw ValidationError("--seconds must be a number from 0 to 3600 (found \(seconds))")
    }
  }

  func run() throws {
    print("ballast bench optimize — compute time per solve (QP build + solve), median of repeated runs")
    print(pad("problem", 34) + pad("median", 12) + pad("min", 12) + "iterations  check")
    for n in [20, 100, 500] {
      let p = SyntheticProblem.make(n: n, seed: UInt64(n))
      let opt = try MeanVarianceOptimizer(assets: p.assets, expectedReturns: p.mu, covariance: p.covariance)
      for (label, objective) in [("min-variance", Objective.minVariance), ("max-sharpe", .maxSharpe(riskFreeRate: 0))] {
        var last: PortfolioResult?
        let times = try measure { last = try opt.optimize(objective) }
        report("N=\(n) \(label)", times, last)
      }
    }
    for n in [100, 500] {
      let (names, returns) = Self.iidReturns(n: n, periods: 2 * n, seed: UInt64(n))
      let r = try ReturnSeries(assets: names, columns: returns)
      let opt = try MeanVarianceOptimizer(
        assets: names, expectedReturns: ExpectedReturnEstimator.meanHistorical(compounding: false).estimate(r),
        covariance: try CovarianceEstimator.sample.estimate(r))
      for (label, objective) in [("min-variance", Objective.minVariance), ("max-sharpe", .maxSharpe(riskFreeRate: 0))] {
        var last: PortfolioResult?
        let times = try measure { last = try opt.optimize(objective) }
        report("N=\(n) T=\(2 * n) iid \(label)", times, last)
      }
    }
    let p = SyntheticProblem.make(n: 100, seed: 100)
    let opt = try MeanVarianceOptimizer(assets: p.assets, expectedReturns: p.mu, covariance: p.covariance)
    var frontier: [PortfolioResult] = []
    let times = try measure { frontier = try opt.efficientFrontier(points: 200) }
    let ok = frontier.count == 200 && frontier.allSatisfy { $0.solver.status == .optimal && $0.solver.residuals.maximum <= 1e-9 }
    print(pad("N=100 frontier, 200 points", 34) + pad(ms(median(times)), 12) + pad(ms(times.min() ?? 0), 12)
      + pad(String(frontier.reduce(0) { $0 + $1.solver.iterations }), 12) + (ok ? "ok" : "FAILED"))
    if !ok { throw ExitCode(1) }
  }

  /// Seeded returns with little structure (one weak common factor plus independent noise), whose
  /// sample covariance gives dense minimum-variance portfolios: the hard case for an active-set
  /// method.
  static func iidReturns(n: Int, periods: Int, seed: UInt64) -> ([String], [[Double]]) {
    var rng = SeededGenerator(seed: seed)
    func normal() -> Double {
      let u = max(rng.unit(), 1e-300), v = rng.unit()
      return (-2 * Foundation.log(u)).squareRoot() * Foundation.cos(2 * Double.pi * v)
    }
    let market = (0..<periods).map { _ in 0.01 * normal() }
    let cols = (0..<n).map { _ -> [Double] in
      let beta = 0.5 + rng.unit(), vol = 0.01 + 0.02 * rng.unit(), drift = 0.0004 * rng.unit()
      return market.map { drift + beta * $0 + vol * normal() }
    }
    return ((0..<n).map { "A\($0)" }, cols)
  }

  func measure(_ body: () throws -> Void) throws -> [Double] {
    let clock = ContinuousClock()
    var times: [Double] = []
    let begin = clock.now
    while times.count < 5 || (clock.now - begin < .milliseconds(Int(seconds * 1000)) && times.count < 100_000) {
      let start = clock.now
      try body()
      let d = (clock.now - start).components
      times.append(Double(d.seconds) * 1e3 + Double(d.attoseconds) / 1e15)
    }
    return times
  }

  func report(_ label: String, _ times: [Double], _ r: PortfolioResult?) {
    let ok = r.map { $0.solver.status == .optimal && $0.solver.residuals.maximum <= 1e-9 } ?? false
    print(pad(label, 34) + pad(ms(median(times)), 12) + pad(ms(times.min() ?? 0), 12)
      + pad(String(r?.solver.iterations ?? 0), 12) + (ok ? "ok" : "FAILED"))
  }

  func median(_ t: [Double]) -> Double { t.sorted()[t.count / 2] }
  func ms(_ v: Double) -> String { String(format: "%.4f ms", v) }
  func pad(_ s: String, _ w: Int) -> String { s.count >= w ? s + " " : s + String(repeating: " ", count: w - s.count) }
}
