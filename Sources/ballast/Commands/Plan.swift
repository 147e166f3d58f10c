import ArgumentParser
import BallastCore
import BallastFormats

struct Plan: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "plan",
    abstract: "The trades that bring the household back to its targets, account by account.",
    discussion: """
      Targets hold for the household as a whole; each account pays for its purchases with its
      own cash and sales, buys only what its menu allows, and never sells more than it holds.

      Examples:
        ballast plan Examples/household.yaml
        ballast plan Examples/household.yaml --method toBandEdge --format json
        ballast plan household.yaml --deposit 5000@brokerage --withdraw 2000@ira --format csv
      """)

  @Argument(help: "The household file (YAML or JSON; '-' reads YAML from standard input).")
  var file: String

  @Option(help: "auto, toTarget, toBandEdge or cashFlowOnly (default: the file's settings.method).")
  var method: String?

  @Option(help: ArgumentHelp("A deposit AMOUNT[@ACCOUNT] (repeatable).", valueName: "amount[@account]"))
  var deposit: [String] = []

  @Option(help: ArgumentHelp("A withdrawal AMOUNT[@ACCOUNT] (repeatable).", valueName: "amount[@account]"))
  var withdraw: [String] = []

  @Flag(help: "Whole shares only (the remainder stays as cash).")
  var wholeShares = false

  @Flag(help: "Ignore taxes and lots: no lot relief, no tax estimate, no preference among account types.")
  var noTax = false

  @Option(help: ArgumentHelp("Never exceed this estimated tax: stop short of the targets instead.", valueName: "amount"))
  var maxTax: String?

  @Option(help: "The order taxable lots are sold in: taxOptimal (default), fifo, hifo or specific (tax.specificLots).")
  var lots: String?

  @OptionGroup var common: CommonOptions

  func run() throws {
    try reportingInputErrors {
      var timer = PhaseTimer()
      let (household, plan) = try makePlan(&timer)
      let text: String
      switch common.format {
      case .json: text = TradePlanOutput.json(plan).rendered()
      case .csv: text = TradePlanOutput.csv(plan)
      case .table: text = TradePlanOutput.table(plan, title: household.name, currency: household.currency)
      }
      try OutputSink.write(text, to: common.output)
      if common.timing { OutputSink.printError(timer.line) }
    }
  }

  /// Reads the household and plans it (also used by `ballast report plan`).
  func makePlan(_ timer: inout PhaseTimer) throws -> (Household, TradePlan) {
    let household = try timer.measureLoad { try HouseholdReader.read(path: file) }
    let request = try PlanRequest(
      method: method.map(parseMethod), cashFlows: parseFlows(deposit, sign: 1, household) + parseFlows(withdraw, sign: -1, household),
      wholeShares: wholeShares ? true : nil, ignoreTaxes: noTax, maxTax: maxTax.map(parseMaxTax),
      lotMethod: lots.map(parseLots))
    do {
      return (household, try timer.measureCompute { try HouseholdPlanner().plan(household, request: request) })
    } catch let error as PlanError {
      throw InputError(file: file, message: error.message)
    }
  }

  func parseMethod(_ text: String) throws -> RebalanceMethod {
    guard let m = RebalanceMethod(rawValue: text) else {
      throw InputError(file: "--method", message: "expected one of \(RebalanceMethod.allCases.map(\.rawValue).joined(separator: ", ")), found '\(text)'")
    }
    return m
  }

  func parseMaxTax(_ text: String) throws -> Money {
    guard let v = FixedDecimal(exactly: text), !v.isNegative else {
      throw InputError(file: "--max-tax", message: "expected an amount of zero or more, such as 1500, found '\(text)'")
    }
    return v
  }

  func parseLots(_ text: String) throws -> LotSelection {
    guard let m = LotSelection(rawValue: text) else {
      throw InputError(file: "--lots", message: "expected one of \(LotSelection.allCases.map(\.rawValue).joined(separator: ", ")), found '\(text)'")
    }
    return m
  }

  /// `5000`, `5000@brokerage`: the account may be left out only when there is one account.
  func parseFlows(_ values: [String], sign: Int, _ h: Household) throws -> [CashFlow] {
    let option = sign > 0 ? "--deposit" : "--withdraw"
    return try values.map { text in
      let parts = text.split(separator: "@", maxSplits: 1).map(String.init)
      guard let amount = parts.first.flatMap({ FixedDecimal(exactly: $0) }), amount > .zero else {
        throw InputError(file: option, message: "expected a positive amount such as 5000 or 5000@brokerage, found '\(text)'")
      }
      let ids = h.accounts.map(\.id)
      let account: AccountID
      if parts.count == 2 {
        account = AccountID(parts[1])
        guard ids.contains(account) else {
          throw InputError(file: option, message: "unknown account '\(parts[1])'; accounts are: \(ids.map(\.rawValue).sorted().joined(separator: ", "))")
        }
      } else if ids.count == 1 {
        account = ids[0]
      } else {
        throw InputError(file: option, message: "say which account: \(text)@ACCOUNT, one of \(ids.map(\.rawValue).sorted().joined(separator: ", "))")
      }
      return CashFlow(account: account, amount: sign > 0 ? amount : -amount)
    }
  }
}
