import ArgumentParser

struct BenchOptimize: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "optimize", abstract: "Benchmark: optimize.")

  func run() throws {
    throw ValidationError("'ballast bench optimize' is not built yet")
  }
}
