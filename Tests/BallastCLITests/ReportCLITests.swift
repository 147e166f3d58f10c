import Foundation
import Testing

/// `ballast report …` end to end: each report type is written by the built executable, then
/// opened in a real headless browser (Debian's chromium) that must parse it and draw its charts.
@Suite struct ReportCLITests {
  /// A fresh directory for one test's files.
  static func tempDir() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ballast-report-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
  }

  /// Three assets' expected returns and covariance for `report optimize`.
  static func muCov(in dir: URL) throws -> [String] {
    let mu = dir.appendingPathComponent("mu.csv"), cov = dir.appendingPathComponent("cov.csv")
    try "asset,mu\nBND,0.03\nSTK,0.08\nINTL,0.07\n".write(to: mu, atomically: true, encoding: .utf8)
    try "asset,BND,STK,INTL\nBND,0.0036,0.0003,0.0004\nSTK,0.0003,0.0324,0.0180\nINTL,0.0004,0.0180,0.0400\n"
      .write(to: cov, atomically: true, encoding: .utf8)
    return ["--mu", mu.path, "--cov", cov.path]
  }

  /// The arguments of each report type, and the number of charts it must draw.
  static func cases(_ dir: URL) throws -> [(kind: String, args: [String], charts: Int)] {
    [
      ("plan", ["report", "plan", "Examples/household.yaml"], 1),
      ("backtest", ["report", "backtest"], 4 + 5),
      ("sweep", ["report", "sweep", "--strategy", "band:abs=0.01..0.1/10", "--cost-bps", "10"], 4),
      ("optimize", ["report", "optimize"] + (try muCov(in: dir)), 1),
    ]
  }

  static func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

  @Test func everyReportIsWrittenSelfContainedAndDeterministic() throws {
    let dir = try Self.tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    for c in try Self.cases(dir) {
      let out = dir.appendingPathComponent("\(c.kind).html").path
      let r = try CLI.run(c.args + ["--output", out])
      #expect(r.status == 0, "\(c.kind): \(r.stderr)")
      #expect(r.stderr.contains("wrote \(out)"))
      let html = try String(contentsOfFile: out, encoding: .utf8)
      #expect(!html.contains("http://") && !html.contains("https://") && !html.lowercased().contains("<script"), "\(c.kind)")
      #expect(Self.count("<svg", in: html) == c.charts, "\(c.kind)")
      let again = try CLI.run(c.args + ["--output", "-", "--quiet"])
      #expect(again.stdout.replacingOccurrences(of: " --output - --quiet", with: "") == html.replacingOccurrences(of: " --output \(out)", with: ""), "\(c.kind) is not deterministic")
      #expect(again.stderr.isEmpty)
    }
  }

  @Test func reportsRefuseOtherFormatsAndBadSweeps() throws {
    let json = try CLI.run(["report", "plan", "Examples/household.yaml", "--format", "json", "--output", "-"])
    #expect(json.status != 0 && json.stderr.contains("always HTML"))
    let noRange = try CLI.run(["report", "sweep", "--strategy", "band:abs=0.05", "--output", "-"])
    #expect(noRange.status != 0 && noRange.stderr.contains("a..b/n"))
    let bad = try CLI.run(["report", "plan", "no-such-file.yaml", "--output", "-"])
    #expect(bad.status == 2)
  }

  @Test func errorsArePlainTextOffATerminal() throws {
    let r = try CLI.run(["check", "no-such-file.yaml"])
    #expect(r.status == 2)
    #expect(r.stderr.hasPrefix("ballast: error: no-such-file.yaml"))
    #expect(!r.stderr.contains("\u{1B}["), "no ANSI escapes into a pipe")
  }

  // MARK: - In a real browser

  static let chromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }

  /// Runs headless chromium on `file` with `extra` arguments; returns standard output.
  static func browse(_ file: URL, _ extra: [String], profile: URL) throws -> (status: Int32, stdout: String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: try #require(chromium))
    p.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile.path)", "--window-size=1200,800"]
      + extra + [file.absoluteString]
    let out = Pipe()
    p.standardOutput = out
    p.standardError = FileHandle.nullDevice
    try p.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  @Test(.enabled(if: chromium != nil, "chromium is not installed: apt-get install -y --no-install-recommends chromium"))
  func everyReportLoadsAndDrawsInHeadlessChromium() throws {
    let dir = try Self.tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    for c in try Self.cases(dir) {
      let file = dir.appendingPathComponent("\(c.kind).html")
      let r = try CLI.run(c.args + ["--output", file.path, "--quiet"])
      try #require(r.status == 0, "\(c.kind): \(r.stderr)")
      let dom = try Self.browse(file, ["--dump-dom"], profile: dir.appendingPathComponent("profile-\(c.kind)"))
      #expect(dom.status == 0, "\(c.kind): chromium failed")
      // The browser parsed the whole page (the footer is last) and built every chart's marks.
      #expect(dom.stdout.contains("<footer>"), "\(c.kind): page did not load completely")
      #expect(Self.count("<svg", in: dom.stdout) == c.charts, "\(c.kind)")
      #expect(Self.count("<path", in: dom.stdout) + Self.count("<rect", in: dom.stdout) >= 3 * c.charts, "\(c.kind): too few marks")
      #expect(!dom.stdout.contains("parsererror"), "\(c.kind)")
      let png = dir.appendingPathComponent("\(c.kind).png")
      let shot = try Self.browse(file, ["--screenshot=\(png.path)"], profile: dir.appendingPathComponent("profile-\(c.kind)"))
      #expect(shot.status == 0)
      let bytes = try Data(contentsOf: png)
      #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) && bytes.count > 20_000, "\(c.kind): screenshot is empty")
    }
  }
}
