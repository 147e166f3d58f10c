import ArgumentParser
import BallastFormats
import BallastOptimizer

/// `ballast report optimize`: the efficient frontier as an HTML page.
struct ReportOptimize: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "optimize",
    abstract: "An HTML report of an optimisation: the efficient frontier, each asset, the chosen portfolio.",
    usage: "ballast report optimize (--prices <file> | --mu <file> --cov <file>) [<optimize options>]",
    discussion: """
      Takes the options of 'ballast optimize'; the frontier has 40 points unless
      --frontier says otherwise.

      Examples:
        ballast report optimize --mu mu.csv --cov cov.csv --objective max-sharpe
        ballast report optimize --prices prices.csv --from 2015-01-01 \\
          --cov ledoit-wolf --output frontier.html
      """)

  @OptionGroup var optimize: Optimize

  func validate() throws { try ReportOutput.validate(optimize.common) }

  func run() throws {
    try reportingInputErrors {
      var o = optimize
      if o.frontier == nil { o.frontier = 40 }
      var timer = PhaseTimer()
      let input = try timer.measureLoad { try o.loadInput() }
      let report: OptimizeReport
      let points: [OptimizeReportPage.AssetPoint]
      do {
        report = try timer.measureCompute { try o.compute(input) }
        let (mu, cov, _) = try o.estimates(input)
        points = input.assets.indices.map { i in
          OptimizeReportPage.AssetPoint(name: input.assets[i], expectedReturn: mu[i], volatility: max(0, cov[i, i]).squareRoot())
        }
      } catch let error as OptimizationError {
        OutputSink.printError("ballast: error: \(error.description)")
        throw ExitCode(3)
      }
      let html = OptimizeReportPage.html(report, assets: points, command: ReportOutput.commandLine)
      try ReportOutput.write(html, kind: "optimize", common: o.common, timer: timer)
    }
  }
}
