import Foundation
import Testing

/// End-to-end tests of `ballast backtest` and `ballast data list`, run through the built
/// binary (`.build/debug/ballast` next to the test bundle).
@Suite struct BacktestCLITests {
  struct Output {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// The `ballast` executable of this build, or `nil` when it has not been built.
  static let binary: URL? = {
    var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    for _ in 0..<4 {
      for config in ["debug", "release"] {
        let candidate = dir.appendingPathComponent(".build/\(config)/ballast")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      }
      dir.deleteLastPathComponent()
    }
    return nil
  }()

  static var repoRoot: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  }

  func ballast(_ args: [String]) throws -> Output {
    let binary = try #require(Self.binary, "the ballast binary is not built (run swift build first)")
    let p = Process()
    p.executableURL = binary
    p.arguments = args
    let out = Pipe()
    let err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return Output(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
  }

  func temp(_ name: String, _ text: String? = nil) throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ballast-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let url = dir.appendingPathComponent(name)
    try? FileManager.default.removeItem(at: url)
    if let text { try Data(text.utf8).write(to: url) }
    return url.path
  }

  @Test(.enabled(if: binary != nil, "ballast binary not built")) func defaultComparisonTable() throws {
    let r = try ballast(["backtest"])
    #expect(r.status == 0)
    for name in ["none", "calendar:annual", "calendar:quarterly", "band:abs=0.05", "dynamic:base=0.05,window=12"] {
      #expect(r.stdout.contains("\n" + name + " "), "missing \(name)")
    }
    for column in ["annual return", "volatility", "max drawdown", "Sharpe", "Sortino", "turnover", "rebalances", "rebalancing alpha"] {
      #expect(r.stdout.contains(column))
    }
    #expect(r.stdout.contains("2008-01-31 to 2023-12-31"))
  }

  @Test(.enabled(if: binary != nil, "ballast binary not built")) func jsonHasTheSpecShapeAndIsDeterministic() throws {
    let args = ["backtest", "--format", "json", "--strategy", "none", "--strategy", "band:abs=0.02..0.06/5", "--timing"]
    let a = try ballast(args)
    let b = try ballast(args)
    #expect(a.status == 0 && a.stdout == b.stdout)
    #expect(a.stderr.hasPrefix("timing: load=") && a.stderr.contains("ms compute="))
    let doc = try #require(try JSONSerialization.jsonObject(with: Data(a.stdout.utf8)) as? [String: Any])
    for key in ["from", "to", "periods", "periodsPerYear", "strategies"] { #expect(doc[key] != nil, "\(key)") }
    let strategies = try #require(doc["strategies"] as? [[String: Any]])
    #expect(strategies.map { $0["name"] as? String } == [
      "none", "band:abs=0.02", "band:abs=0.03", "band:abs=0.04", "band:abs=0.05", "band:abs=0.06",
    ])
    for key in [
      "name", "cagr", "volatility", "maxDrawdown", "sharpe", "sortino", "turnover", "rebalances", "costs", "finalValue",
      "trackingError", "averageDrift", "rebalancingAlpha",
    ] {
      #expect(strategies[0][key] != nil, "\(key)")
    }
  }

  @Test(.enabled(if: binary != nil, "ballast binary not built")) func returnsFileCsvAndSeries() throws {
    let csv = try temp("r.csv", "date,a,b,rf\n2020-01-31,0,0,0\n2020-02-29,0.2,0,0.001\n2020-03-31,0,0.1,0.001\n")
    let series = try temp("series.csv")
    let r = try ballast([
      "backtest", "--returns", csv, "--assets", "a=0.5,b=0.5", "--risk-free", "rf", "--strategy", "band:abs=0.04",
      "--cost-bps", "100", "--format", "csv", "--series", series,
    ])
    #expect(r.status == 0, "\(r.stderr)")
    let lines = r.stdout.split(separator: "\n")
    #expect(lines.count == 2 && lines[0].hasPrefix("name,cagr,volatility,maxDrawdown,sharpe,sortino,turnover,rebalances,costs"))
    let fields = lines[1].split(separator: ",", omittingEmptySubsequences: false)
    #expect(fields[0] == "band:abs=0.04" && fields[7] == "1")  // one rebalance
    #expect(abs((Double(fields[8]) ?? 0) - 0.001) < 1e-15)  // cost 1 % of 1.1 × 1/11
    #expect(fields[5] == "")  // sortino undefined (no negative excess return)
    let s = try String(contentsOfFile: series, encoding: .utf8)
    #expect(s.hasPrefix("strategy,date,value,rebalanced,a,b\n"))
    #expect(s.contains("band:abs=0.04,2020-02-29,1.099") && s.contains(",1,0.5,0.5\n"))
    #expect(s.contains("band:abs=0.04,2020-03-31,1.15395"))
  }

  @Test(.enabled(if: binary != nil, "ballast binary not built")) func badInputExitsTwoAndWritesNothing() throws {
    let csv = try temp("bad.csv", "date,a,b\n2020-01-31,0.01,0.02\n2020-02-29,,0.01\n2020-03-31,0.01,0.01\n")
    let out = try temp("out.json")
    let r = try ballast(["backtest", "--returns", csv, "--assets", "a=0.5,b=0.5", "--output", out, "--format", "json"])
    #expect(r.status == 2)
    #expect(r.stderr.contains("bad.csv:3: a: empty cell in column 'a' on 2020-02-29"))
    #expect(!FileManager.default.fileExists(atPath: out))
    let spec = try ballast(["backtest", "--strategy", "band:abs=0.05,abz=0.01"])
    #expect(spec.status == 2 && spec.stderr.contains("band names asset 'abz'"))
    let weights = try ballast(["backtest", "--assets", "us_stock=0.7,ust_10y=0.4"])
    #expect(weights.status == 2 && weights.stderr.contains("sum to 1"))
  }

  @Test(.enabled(if: binary != nil, "ballast binary not built")) func strategyFileAndCashFlows() throws {
    let yaml = try temp("s.yaml", "strategies:\n  - name: yearly\n    kind: calendar\n    every: annual\n  - band:rel=0.2,to=edge\n")
    let r = try ballast([
      "backtest", "--strategy-file", yaml, "--contribution", "0.01/month", "--format", "json", "--from", "2000", "--to", "2010",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("\"name\": \"yearly\"") && r.stdout.contains("\"name\": \"band:rel=0.2,to=edge\""))
    #expect(r.stdout.contains("\"netFlows\": 1.3"))  // 130 monthly contributions of 0.01 (never on the first or final row)
  }

  @Test(.enabled(if: binary != nil, "ballast binary not built")) func dataList() throws {
    let r = try ballast(["data", "list", "--format", "csv"])
    #expect(r.status == 0)
    let names = r.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[0] }
    #expect(names == ["monthly_asset_classes", "annual_asset_classes", "daily_us_stocks", "daily_vix", "daily_treasury_yields"])
    #expect(!r.stdout.contains("corp_aaa"))
  }
}
