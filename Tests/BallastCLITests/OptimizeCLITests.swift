import Foundation
import Testing

/// End-to-end tests of `ballast optimize`, running the built executable.
@Suite struct OptimizeCLITests {
  /// `.build/debug/ballast` next to the test bundle, or nil (the tests then say why they skip).
  static let executable: URL? = {
    var candidates: [URL] = []
    let bundle = Bundle.main.bundleURL
    candidates.append(bundle.deletingLastPathComponent().appendingPathComponent("ballast"))
    candidates.append(bundle.appendingPathComponent("ballast"))
    candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("ballast"))
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
  }()

  struct Run { var status: Int32; var stdout: String; var stderr: String }

  func run(_ arguments: [String]) throws -> Run {
    let exe = try #require(Self.executable, "the ballast executable was not found next to the test bundle; run `swift build` first")
    let p = Process()
    p.executableURL = exe
    p.arguments = arguments
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return Run(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
  }

  func temp(_ name: String, _ text: String) throws -> String {
    // A directory of its own per call: tests run in parallel and would otherwise read a file
    // while another test rewrites it.
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ballast-optimize-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let url = dir.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url.path
  }

  /// Two uncorrelated assets with variances 0.04 and 0.09: the minimum-variance weights are
  /// (0.09, 0.04)/0.13.
  func twoAssetFiles() throws -> (String, String) {
    (try temp("mu.csv", "asset,mu\nBND,0.03\nSTK,0.08\n"),
     try temp("cov.csv", "asset,BND,STK\nBND,0.04,0\nSTK,0,0.09\n"))
  }

  func json(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  @Test func minVarianceFromMuAndCovHasSpecKeysAndHandDerivedWeights() throws {
    guard Self.executable != nil else { print("skipped: no ballast executable (swift build first)"); return }
    let (mu, cov) = try twoAssetFiles()
    let r = try run(["optimize", "--mu", mu, "--cov", cov, "--objective", "min-variance", "--format", "json"])
    #expect(r.status == 0, "\(r.stderr)")
    let d = try json(r.stdout)
    let weights = try #require(d["weights"] as? [String: Double])
    #expect(abs((weights["BND"] ?? 0) - 0.09 / 0.13) < 1e-12)
    #expect(abs((weights["STK"] ?? 0) - 0.04 / 0.13) < 1e-12)
    for key in ["objective", "weights", "expectedReturn", "volatility", "sharpe", "solver"] { #expect(d[key] != nil, "missing \(key)") }
    #expect(r.stdout.hasPrefix("{\n  \"objective\": \"min-variance\",\n  \"weights\": {\n    \"BND\""))
    #expect((d["solver"] as? [String: Any])?["status"] as? String == "optimal")
  }

  @Test func sameInputGivesSameBytes() throws {
    guard Self.executable != nil else { print("skipped: no ballast executable (swift build first)"); return }
    let prices = try temp("prices.csv", Self.pricesCSV)
    let args = ["optimize", "--prices", prices, "--objective", "max-sharpe", "--format", "json", "--frontier", "5", "--value", "10000"]
    let a = try run(args), b = try run(args)
    #expect(a.status == 0, "\(a.stderr)")
    #expect(a.stdout == b.stdout)
    let d = try json(a.stdout)
    #expect((d["frontier"] as? [Any])?.count == 5)
    let allocation = try #require(d["allocation"] as? [String: Any])
    #expect((allocation["leftover"] as? Double ?? -1) >= 0)
  }

  @Test func unreachableTargetReturnIsAnErrorNamingTheCause() throws {
    guard Self.executable != nil else { print("skipped: no ballast executable (swift build first)"); return }
    let (mu, cov) = try twoAssetFiles()
    let r = try run(["optimize", "--mu", mu, "--cov", cov, "--objective", "target-return=0.5"])
    #expect(r.status == 3)
    #expect(r.stderr.contains("target return 0.5 is above the highest expected return"))
    #expect(r.stdout.isEmpty)
  }

  @Test func badCovFileNamesFileAndLine() throws {
    guard Self.executable != nil else { print("skipped: no ballast executable (swift build first)"); return }
    let mu = try temp("mu2.csv", "asset,mu\nBND,0.03\nSTK,0.08\n")
    let cov = try temp("cov2.csv", "asset,BND,STK\nBND,0.04,0\nSTK,zero,0.09\n")
    let r = try run(["optimize", "--mu", mu, "--cov", cov])
    #expect(r.status == 2)
    #expect(r.stderr.contains("cov2.csv:3"))
    #expect(r.stderr.contains("found 'zero'"))
  }

  @Test func csvAndTableFormats() throws {
    guard Self.executable != nil else { print("skipped: no ballast executable (swift build first)"); return }
    let (mu, cov) = try twoAssetFiles()
    let csv = try run(["optimize", "--mu", mu, "--cov", cov, "--objective", "utility=2", "--format", "csv"])
    #expect(csv.stdout.hasPrefix("asset,weight\nBND,"))
    let table = try run(["optimize", "--mu", mu, "--cov", cov, "--objective", "max-sharpe", "--risk-free", "0.01", "--timing"])
    #expect(table.stdout.contains("objective        max-sharpe"))
    #expect(table.stderr.contains("timing: load="))
  }

  /// 80 business-day rows of four assets, from a fixed formula.
  static let pricesCSV: String = {
    var text = "date,AAA,BBB,CCC,DDD\n"
    var p = [50.0, 20.0, 100.0, 10.0]
    var state: UInt64 = 42
    for day in 0..<80 {
      let month = 1 + day / 20, dom = 1 + day % 20
      text += "2020-\(month < 10 ? "0" : "")\(month)-\(dom < 10 ? "0" : "")\(dom)," + p.map { String(format: "%.4f", $0) }.joined(separator: ",") + "\n"
      for i in 0..<4 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        let u = Double(state >> 11) * 0x1p-53
        p[i] *= 1 + 0.0008 * Double(i + 1) + 0.02 * (u - 0.5)
      }
    }
    return text
  }()
}
