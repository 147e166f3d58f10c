import Foundation
import Testing

/// `ballast report backtest --saved FILE --saved-series FILE` draws the same page as running
/// the backtest, from what `ballast backtest --format json --series FILE` wrote.
@Suite(.enabled(if: CLI.executable != nil, "the ballast executable is not built next to the tests"))
struct ReportSavedCLITests {
  let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ballast-saved-\(UUID().uuidString)")

  func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

  @Test func savedResultDrawsTheSamePage() throws {
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let strategies = ["--strategy", "none", "--strategy", "band:abs=0.05", "--strategy", "dynamic:base=0.05,window=12"]
    #expect(try CLI.run(["backtest", "--format", "json", "--series", path("s.csv"), "--output", path("r.json")] + strategies).status == 0)
    #expect(try CLI.run(["report", "backtest", "--saved", path("r.json"), "--saved-series", path("s.csv"), "--output", path("saved.html")]).status == 0)
    #expect(try CLI.run(["report", "backtest", "--output", path("live.html")] + strategies).status == 0)
    func body(_ file: String) throws -> [String] {
      try String(contentsOfFile: path(file), encoding: .utf8).split(separator: "\n").map(String.init)
        .filter { !$0.contains("<code>") && !$0.contains("Source:") }
    }
    let saved = try body("saved.html")
    #expect(saved.count > 50)
    #expect(saved == (try body("live.html")))
  }

  @Test func savedResultNeedsItsSeries() throws {
    let r = try CLI.run(["report", "backtest", "--saved", "/nonexistent.json"])
    #expect(r.status == 2)
    #expect(r.stderr.contains("also give --saved-series FILE"))
  }
}
