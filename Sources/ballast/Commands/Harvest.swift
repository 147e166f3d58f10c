import ArgumentParser
import BallastCore
import BallastFormats

struct Harvest: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "harvest",
    abstract: "Tax-loss harvesting: lots at a loss, their tax value, the substitute to buy, wash-sale blocks.",
    discussion: """
      Lists every lot in a taxable account whose loss passes the thresholds, what the loss is
      worth at the file's tax rates, a listed substitute (not substantially identical) to keep
      the exposure, and whether a purchase in the last 30 days (any account, the file's
      history) makes a sale now a wash sale, and until when. With --plan, prints the trades:
      sell the loss lots, buy the substitute with the proceeds in the same account.

      Examples:
        ballast harvest Examples/tax-aware.yaml
        ballast harvest Examples/tax-aware.yaml --min-loss 1000 --min-loss-pct 5
        ballast harvest Examples/tax-aware.yaml --plan --format csv
      """)

  @Argument(help: "The household file (YAML or JSON; '-' reads YAML from standard input).")
  var file: String

  @Option(help: ArgumentHelp("Skip lots whose loss is below this amount.", valueName: "amount"))
  var minLoss: String?

  @Option(help: ArgumentHelp("Skip lots whose loss is below this percentage of their cost.", valueName: "percent"))
  var minLossPct: Double?

  @Flag(help: "Print the harvesting trades instead of the list.")
  var plan = false

  @OptionGroup var common: CommonOptions

  func run() throws {
    try reportingInputErrors {
      var timer = PhaseTimer()
      let household = try timer.measureLoad { try HouseholdReader.read(path: file) }
      var scanner = HarvestScanner()
      if let text = minLoss {
        guard let v = FixedDecimal(exactly: text), !v.isNegative else {
          throw InputError(file: "--min-loss", message: "expected an amount of zero or more, found '\(text)'")
        }
        scanner.minLoss = v
      }
      if let p = minLossPct {
        guard p.isFinite, p >= 0, p <= 100 else {
          throw InputError(file: "--min-loss-pct", message: "expected a percentage from 0 to 100, found \(p)")
        }
        scanner.minLossFraction = p / 100
      }
      let text: String
      if plan {
        let trades = timer.measureCompute { scanner.plan(household) }
        switch common.format {
        case .json: text = TradePlanOutput.json(trades).rendered()
        case .csv: text = TradePlanOutput.csv(trades)
        case .table: text = TradePlanOutput.table(trades, title: household.name, currency: household.currency)
        }
      } else {
        let list = timer.measureCompute { scanner.candidates(in: household) }
        switch common.format {
        case .json: text = HarvestOutput.json(list, asOf: household.asOf).rendered()
        case .csv: text = HarvestOutput.csv(list)
        case .table: text = HarvestOutput.table(list, asOf: household.asOf, title: household.name)
        }
      }
      try OutputSink.write(text, to: common.output)
      if common.timing { OutputSink.printError(timer.line) }
    }
  }
}
