import Foundation
import Testing

@Suite(.enabled(if: CLI.executable != nil, "the ballast executable is not built next to the tests"))
struct PlanCommandTests {
  @Test func checkExitsOneWhenABandIsBreached() throws {
    let r = try CLI.run(["check", "Examples/household.yaml"])
    #expect(r.status == 1)
    #expect(r.stdout.contains("us_stocks") && r.stdout.contains("above band"))
  }

  @Test func checkExitsZeroInsideBands() throws {
    let yaml = """
      asOf: 2026-11-20
      securities: [{symbol: A, assetClass: a, price: 10}, {symbol: B, assetClass: b, price: 10}]
      targets: {a: 0.5, b: 0.5}
      accounts: [{id: x, type: taxExempt, holdings: [{symbol: A, quantity: 51}, {symbol: B, quantity: 49}]}]
      """
    let r = try CLI.run(["check", "-", "--format", "json"], stdin: yaml)
    #expect(r.status == 0)
    #expect(r.stdout.contains("\"breached\": false"))
  }

  @Test func planJSONHasTheSpecKeysAndIsByteIdentical() throws {
    let a = try CLI.run(["plan", "Examples/household.yaml", "--format", "json"])
    let b = try CLI.run(["plan", "Examples/household.yaml", "--format", "json"])
    #expect(a.status == 0)
    #expect(a.stdout == b.stdout)
    let json = try #require(try JSONSerialization.jsonObject(with: Data(a.stdout.utf8)) as? [String: Any])
    for key in ["asOf", "totalValue", "before", "after", "trades", "tax", "costs", "accounts", "warnings"] {
      #expect(json[key] != nil, "missing \(key)")
    }
    let trades = try #require(json["trades"] as? [[String: Any]])
    #expect(!trades.isEmpty)
    for key in ["account", "symbol", "side", "quantity", "price", "amount", "lots"] { #expect(trades[0][key] != nil) }
  }

  @Test func planCSVIsATradeList() throws {
    let r = try CLI.run(["plan", "Examples/household.yaml", "--format", "csv", "--no-tax"])
    #expect(r.status == 0)
    let lines = r.stdout.split(separator: "\n")
    #expect(lines.first == "account,symbol,side,quantity,price,amount,cost,assetClass")
    #expect(lines.count > 1)
  }

  @Test func timingGoesToStandardError() throws {
    let r = try CLI.run(["check", "Examples/simple.yaml", "--timing"])
    let line = r.stderr.trimmingCharacters(in: .newlines)
    #expect(line.range(of: #"^timing: load=[0-9]+\.[0-9]+ms compute=[0-9]+\.[0-9]+ms$"#, options: .regularExpression) != nil, "\(line)")
  }

  @Test func badInputExitsTwoAndWritesNothing() throws {
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("ballast-out-\(UUID().uuidString).json").path
    let r = try CLI.run(["plan", "-", "--output", out], stdin: "asOf: 2026-11-20\nsecurities: []\ntargets: {a: 0.5}\naccounts: []\n")
    #expect(r.status == 2)
    #expect(r.stderr.contains("ballast: error: -"))
    #expect(r.stderr.contains("targets: expected the weights to sum to 1, found 0.5"))
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  @Test func depositNeedsAnAccountWhenThereAreSeveral() throws {
    let r = try CLI.run(["plan", "Examples/household.yaml", "--deposit", "5000"])
    #expect(r.status == 2)
    #expect(r.stderr.contains("say which account: 5000@ACCOUNT"))
    let ok = try CLI.run(["plan", "Examples/household.yaml", "--deposit", "5000@roth", "--format", "json"])
    #expect(ok.status == 0)
  }

  @Test func missingFileIsAClearError() throws {
    let r = try CLI.run(["check", "no/such/file.yaml"])
    #expect(r.status == 2)
    #expect(r.stderr.contains("no/such/file.yaml: no such file"))
  }

  @Test func outputFileIsWrittenWhole() throws {
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("ballast-\(UUID().uuidString).csv").path
    defer { try? FileManager.default.removeItem(atPath: out) }
    let r = try CLI.run(["plan", "Examples/simple.yaml", "--format", "csv", "--output", out])
    #expect(r.status == 0 && r.stdout.isEmpty)
    #expect(try String(contentsOfFile: out, encoding: .utf8).hasPrefix("account,symbol,side"))
  }
}
