import ArgumentParser
import BallastFormats
import Foundation

/// `ballast report`: self-contained HTML reports with charts.
struct Report: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Self-contained HTML reports with charts: plan, backtest, sweep, optimize.",
    discussion: """
      Each subcommand takes the options of the command it reports on and writes
      one HTML file: inline SVG charts and inline CSS, no scripts, no network,
      printable. The file is report-KIND.html unless --output names another
      ('--output -' writes to standard output); it is written whole or not at
      all. The same input always gives the same bytes.

      Examples:
        ballast report plan Examples/household.yaml --output plan.html
        ballast report backtest --output backtest.html
        ballast report backtest --data daily_us_stocks --equal-weight \\
          --strategy none --strategy calendar:annual --strategy band:abs=0.05
        ballast report sweep --strategy band:abs=0.005..0.1/40 --cost-bps 10
        ballast report optimize --mu mu.csv --cov cov.csv --frontier 40
      """,
    subcommands: [ReportPlan.self, ReportBacktest.self, ReportSweep.self, ReportOptimize.self])
}

/// Writing a finished report, shared by the report subcommands.
enum ReportOutput {
  /// Refuses `--format` other than table: a report is always HTML.
  static func validate(_ common: CommonOptions) throws {
    guard common.format == .table else {
      throw ValidationError("a report is always HTML; --format does not apply (use 'ballast \(common.format.rawValue == "json" ? "plan|backtest|optimize --format json" : "… --format csv")' for data)")
    }
  }

  /// Writes `html` to `--output` (default `report-KIND.html`; `-` for standard output) and
  /// notes the file and its size on standard error unless `quiet`.
  static func write(_ html: String, kind: String, common: CommonOptions, timer: PhaseTimer) throws {
    let path = common.output ?? "report-\(kind).html"
    try OutputSink.write(html, to: path == "-" ? nil : path)
    if common.timing { OutputSink.printError(timer.line) }
    if path != "-" && !common.quiet {
      OutputSink.printError(TerminalStyle.note("wrote \(path) (\(ReportNumber.fixed(Double(html.utf8.count) / 1024, 1)) KiB)"))
    }
  }

  /// The command line as typed, for the report's subtitle (the program name as `ballast`).
  static var commandLine: String {
    (["ballast"] + CommandLine.arguments.dropFirst().map(quoted)).joined(separator: " ")
  }

  static func quoted(_ arg: String) -> String {
    let plain = arg.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "-_./=:,@%+".unicodeScalars.contains($0) }
    return plain && !arg.isEmpty ? arg : "'" + arg.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
