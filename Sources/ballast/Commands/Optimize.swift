import ArgumentParser
import BallastCore
import BallastFormats
import BallastOptimizer
import Foundation

/// `ballast optimize` (SPEC §2–3): mean-variance weights from prices or from `--mu`/`--cov`.
struct Optimize: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "optimize",
    abstract: "Mean-variance weights from prices or from expected returns and covariance.",
    discussion: """
      Returns are daily simple returns annualised with 252 (PyPortfolioOpt's conventions).
      --cov takes an estimator (sample, exp, ledoit-wolf) with --prices, or a CSV file with --mu.
      Exit status: 0 on success, 2 for bad input, 3 when the problem has no solution (the message
      names the cause: an unreachable target, contradictory bounds, a singular covariance).
      Examples:
        ballast optimize --prices daily_us_stocks.csv --from 2015-01-01 --objective max-sharpe
        ballast optimize --mu mu.csv --cov cov.csv --objective target-return=0.12 --format json
        ballast optimize --mu mu.csv --cov cov.csv --objective min-variance \
          --current-weights A=0.5,B=0.3,C=0.2 --cost-bps 20 --max-turnover 0.1
      Cost-aware rebalancing (--current-weights) minimises ½λ(w − t)ᵀΣ(w − t) + c·Σ|w − current|
      toward the optimised target t, within the same bounds and groups: assets whose marginal
      tracking-error gain is below the cost are not traded (the no-trade region).
      """)

  @OptionGroup var common: CommonOptions

  @Option(help: ArgumentHelp("Prices CSV: a date column and one column per asset.", valueName: "file"))
  var prices: String?
  @Option(help: ArgumentHelp("First date of the price window (YYYY-MM-DD).", valueName: "date"))
  var from: String?
  @Option(help: ArgumentHelp("Last date of the price window (YYYY-MM-DD).", valueName: "date"))
  var to: String?
  @Option(help: ArgumentHelp("Comma-separated subset of the price columns (default: all).", valueName: "A,B,C"))
  var assets: String?
  @Option(help: ArgumentHelp("Expected returns CSV (asset, annual return).", valueName: "file"))
  var mu: String?
  @Option(help: ArgumentHelp("Covariance: sample|exp|ledoit-wolf with --prices, or a CSV file with --mu.", valueName: "method|file"))
  var cov: String?
  @Option(help: "Expected returns from prices: mean (geometric) or ema.")
  var returns: ReturnMethod = .mean
  @Option(help: ArgumentHelp("min-variance | max-sharpe | target-return=R | target-risk=S | utility=A", valueName: "objective"))
  var objective: String = "max-sharpe"
  @Option(name: .customLong("risk-free"), help: "Annual risk-free rate for the Sharpe ratio.")
  var riskFree: Double = 0
  @Option(help: ArgumentHelp("Weight bounds for every asset.", valueName: "lo:hi"))
  var bounds: String = "0:1"
  @Option(help: ArgumentHelp("Group bound, repeatable: NAME=A,B,C:lo:hi.", valueName: "spec"))
  var group: [String] = []
  @Option(help: ArgumentHelp("Also compute the efficient frontier with N points.", valueName: "N"))
  var frontier: Int?
  @Option(help: ArgumentHelp("Allocate this amount into whole shares at the last prices.", valueName: "amount"))
  var value: Double?
  @Option(help: ArgumentHelp("Repair a covariance matrix that is not positive semi-definite: spectral, diag or none (an error).", valueName: "method"))
  var fixCov: CovarianceFix = .spectral
  @Option(help: ArgumentHelp("Current weights (A=0.3,B=0.7 or a CSV asset,weight): rebalance toward the optimum with costs.", valueName: "list|file"))
  var currentWeights: String?
  @Option(help: ArgumentHelp("Linear cost of trading, in basis points of the traded weight (with --current-weights).", valueName: "bps"))
  var costBps: Double?
  @Option(help: ArgumentHelp("Largest turnover Σ|w − current| allowed (with --current-weights), e.g. 0.2.", valueName: "T"))
  var maxTurnover: Double?
  @Option(help: ArgumentHelp("Tracking-error aversion λ in ½λ·TE² + costs (with --current-weights).", valueName: "λ"))
  var teAversion: Double = 1
  @Option(help: "Discrete allocation method: exact (integer program) or greedy.")
  var allocation: AllocationMethod = .exact

  enum ReturnMethod: String, ExpressibleByArgument, Sendable { case mean, ema }
  enum AllocationMethod: String, ExpressibleByArgument, Sendable { case exact, greedy }
  enum CovarianceFix: String, ExpressibleByArgument, Sendable {
    case spectral, diag, none
    var repair: CovarianceRepair? { CovarianceRepair(rawValue: rawValue) }
  }

  func validate() throws {
    if prices == nil && mu == nil { throw ValidationError("give --prices FILE, or --mu FILE with --cov FILE") }
    if prices != nil && mu != nil { throw ValidationError("give either --prices or --mu/--cov, not both") }
    if mu != nil && cov == nil { throw ValidationError("--mu needs --cov FILE") }
    if value != nil && prices == nil { throw ValidationError("--value needs --prices (the last prices price the shares)") }
    if let f = frontier, f < 2 { throw ValidationError("--frontier needs at least 2 points") }
    if currentWeights == nil && (costBps != nil || maxTurnover != nil) {
      throw ValidationError("--cost-bps and --max-turnover need --current-weights")
    }
    if let c = costBps, !(c >= 0 && c.isFinite) { throw ValidationError("--cost-bps must be a non-negative number") }
    if let t = maxTurnover, !(t >= 0 && t.isFinite) { throw ValidationError("--max-turnover must be a non-negative number") }
    guard teAversion > 0, teAversion.isFinite else { throw ValidationError("--te-aversion must be positive") }
    _ = try parsedObjective()
    _ = try parsedBounds()
  }

  func run() throws {
    try reportingInputErrors {
      var timer = PhaseTimer()
      let input = try timer.measureLoad { try loadInput() }
      let report: OptimizeReport
      do {
        report = try timer.measureCompute { try compute(input) }
      } catch let error as OptimizationError {
        OutputSink.printError("ballast: error: \(error.description)")
        throw ExitCode(3)
      }
      let text: String
      switch common.format {
      case .json: text = report.json.rendered()
      case .table: text = report.table()
      case .csv: text = report.csv
      }
      try OutputSink.write(text, to: common.output)
      if common.timing { OutputSink.printError(timer.line) }
    }
  }
}
