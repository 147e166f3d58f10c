import ArgumentParser

struct Optimize: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "optimize",
    abstract: "Mean-variance weights from prices or from expected returns and covariance.")

  @OptionGroup var common: CommonOptions

  func run() throws {
    throw ValidationError("'ballast optimize' is not built yet")
  }
}
