import ArgumentParser
import BallastCore
import BallastFormats

/// `ballast report plan FILE`: the plan as an HTML page.
struct ReportPlan: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "plan",
    abstract: "An HTML report of a plan: allocation against bands, trades by account, lots, tax.",
    usage: "ballast report plan <file> [<plan options>] [--output <file>]",
    discussion: """
      Takes the options of 'ballast plan'. The page shows each asset class
      before and after the plan against its target and band, the trades grouped
      by account with each account's cash, every lot relieved with its gain and
      term, the tax summary and the warnings.

      Examples:
        ballast report plan Examples/household.yaml
        ballast report plan household.yaml --deposit 5000@brokerage --output plan.html
      """)

  @OptionGroup var plan: Plan

  func validate() throws { try ReportOutput.validate(plan.common) }

  func run() throws {
    try reportingInputErrors {
      var timer = PhaseTimer()
      let (household, tradePlan) = try plan.makePlan(&timer)
      let html = PlanReportPage.html(tradePlan, name: household.name, currency: household.currency, command: ReportOutput.commandLine)
      try ReportOutput.write(html, kind: "plan", common: plan.common, timer: timer)
    }
  }
}
