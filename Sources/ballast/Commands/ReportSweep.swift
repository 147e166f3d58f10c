import ArgumentParser

struct ReportSweep: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "sweep", abstract: "An HTML report of a sweep.")
}
