import ArgumentParser

struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Drift report per asset class; exit 1 when a band is breached.")

  @OptionGroup var common: CommonOptions

  func run() throws {
    throw ValidationError("'ballast check' is not built yet")
  }
}
