import ArgumentParser

struct Plan: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "plan",
    abstract: "The trades that bring the household back to its targets.")

  @OptionGroup var common: CommonOptions

  func run() throws {
    throw ValidationError("'ballast plan' is not built yet")
  }
}
