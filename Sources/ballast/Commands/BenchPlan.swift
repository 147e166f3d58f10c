import ArgumentParser

struct BenchPlan: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "plan", abstract: "Benchmark: plan.")

  func run() throws {
    throw ValidationError("'ballast bench plan' is not built yet")
  }
}
