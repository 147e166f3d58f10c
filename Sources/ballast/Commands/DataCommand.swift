import ArgumentParser

struct DataCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "data",
    abstract: "List the bundled historical data sets.")

  @OptionGroup var common: CommonOptions

  func run() throws {
    throw ValidationError("'ballast data' is not built yet")
  }
}
