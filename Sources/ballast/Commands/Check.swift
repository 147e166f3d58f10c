import ArgumentParser
import BallastCore
import BallastFormats

struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Drift report per asset class; exit 0 inside every band, 1 when a band is breached.",
    discussion: """
      Exit status: 0 when every class is inside its band, 1 when a band is
      breached, 2 or more for bad input. Scriptable from cron.

      Examples:
        ballast check Examples/household.yaml
        ballast check household.yaml --format json || notify "time to rebalance"
        ballast check household.yaml --format csv --output drift.csv
      """)

  @Argument(help: "The household file (YAML or JSON; '-' reads YAML from standard input).")
  var file: String

  @OptionGroup var common: CommonOptions

  func run() throws {
    var breached = false
    try reportingInputErrors {
      var timer = PhaseTimer()
      let household = try timer.measureLoad { try HouseholdReader.read(path: file) }
      let report = timer.measureCompute { household.canonicalized().driftReport() }
      let text: String
      switch common.format {
      case .json: text = DriftReportOutput.json(report).rendered()
      case .csv: text = DriftReportOutput.csv(report)
      case .table: text = DriftReportOutput.table(report, title: household.name, currency: household.currency)
      }
      try OutputSink.write(text, to: common.output)
      if common.timing { OutputSink.printError(timer.line) }
      breached = report.isBreached
    }
    if breached { throw ExitCode(1) }
  }
}
