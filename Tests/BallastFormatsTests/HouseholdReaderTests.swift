import BallastCore
import BallastFormats
import Foundation
import Testing

@Suite struct HouseholdReaderTests {
  static let valid = """
    household: Test
    asOf: 2026-11-20
    securities:
      - {symbol: VTI, assetClass: stocks, price: 285.10, substitutes: [ITOT]}
      - {symbol: ITOT, assetClass: stocks, price: 128.40}
      - {symbol: BND, assetClass: bonds, price: 72.40}
    targets:
      stocks: {weight: 0.60, band: 0.05}
      bonds: {weight: 0.40, band: {below: 0.02, above: 0.04}}
    accounts:
      - id: brokerage
        type: taxable
        cash: 1000.50
        holdings:
          - symbol: VTI
            lots:
              - {quantity: 10, cost: 1800, acquired: 2019-03-04}
      - id: ira
        type: taxDeferred
        allowed: [BND]
        holdings:
          - {symbol: BND, quantity: 50}
    cashFlows:
      - {account: ira, amount: -100}
    """

  func parse(_ text: String, file: String = "h.yaml") throws -> Household {
    try HouseholdReader.parse(Data(text.utf8), file: file)
  }

  @Test func readsTheExampleExactly() throws {
    let h = try parse(Self.valid)
    #expect(h.securities[0].price == FixedDecimal(exactly: "285.10"))
    #expect(h.accounts[0].cash.description == "1000.5")
    #expect(h.accounts[0].holdings[0].quantity == 10)
    #expect(h.targets.classes.map(\.weight) == [0.6, 0.4])
    #expect(h.targets.classes[1].edges.lower == 0.38 && abs(h.targets.classes[1].edges.upper - 0.44) < 1e-15)
    #expect(h.cashFlows[0].amount == Money(-100))
    #expect(h.accounts[1].allowed == [Symbol("BND")])
  }

  @Test func jsonReadsTheSameAsYAML() throws {
    let json = """
      {"asOf": "2026-11-20", "securities": [{"symbol": "VTI", "assetClass": "stocks", "price": 285.10}],
       "targets": {"stocks": 1}, "accounts": [{"id": "a", "type": "taxExempt", "cash": 0.1,
       "holdings": [{"symbol": "VTI", "quantity": 3.5}]}]}
      """
    let h = try parse(json, file: "h.json")
    #expect(h.accounts[0].cash == FixedDecimal(exactly: "0.1"))
    #expect(h.accounts[0].holdings[0].quantity == FixedDecimal(exactly: "3.5"))
  }

  @Test func readsTheTaxExtensions() throws {
    var text = Self.valid.replacingOccurrences(of: "household: Test", with: "household: Test\ntax: {lotMethod: specific, specificLots: [a1, b2], ordinaryLossLimit: 1500}")
    text = text.replacingOccurrences(of: "{symbol: ITOT, assetClass: stocks, price: 128.40}", with: "{symbol: ITOT, assetClass: stocks, price: 128.40, sameAs: [VTI]}")
    text = text.replacingOccurrences(of: "bonds: {weight: 0.40, band: {below: 0.02, above: 0.04}}", with: "bonds: {weight: 0.40, band: 0.05, location: [taxExempt, taxDeferred]}")
    let h = try parse(text)
    #expect(h.tax.lotMethod == .specific && h.tax.specificLots == ["a1", "b2"] && h.tax.ordinaryLossLimit == Money(1_500))
    #expect(h.security(Symbol("ITOT"))?.sameAs == [Symbol("VTI")])
    #expect(h.targets.classes[1].resolvedLocation == [.taxExempt, .taxDeferred])
    #expect(h.targets.classes[0].resolvedLocation == [.taxable, .taxExempt, .taxDeferred])  // "stocks": broad equity
    #expect(WashSaleRule(h).isIdentical(Symbol("VTI"), Symbol("ITOT")))
    let bad = Self.valid.replacingOccurrences(of: "household: Test", with: "household: Test\ntax: {lotMethod: lifo}")
    #expect { try parse(bad) } throws: { ($0 as? InputError)?.description.contains("tax.lotMethod: expected one of fifo, hifo, taxOptimal, specific") == true }
  }

  @Test func bundledExamplesAreValid() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    for name in ["household.yaml", "simple.yaml", "tax-aware.yaml"] {
      let h = try HouseholdReader.read(path: root.appendingPathComponent("Examples/\(name)").path)
      #expect(!h.accounts.isEmpty)
    }
  }

  /// Each bad input, the key path the message must name, and a fragment of what it says.
  static let badInputs: [(String, String, String, String)] = [
    ("weights", "stocks: {weight: 0.60", "stocks: {weight: 0.70", "sum to 1, found 1.1"),
    ("unknown symbol", "- symbol: VTI\n        lots", "- symbol: XYZ\n        lots", "accounts[0].holdings[0].symbol: unknown symbol 'XYZ'"),
    ("unknown class", "assetClass: bonds, price: 72.40", "assetClass: gold, price: 72.40", "securities[2].assetClass: asset class 'gold' of BND has no target"),
    ("negative quantity", "{symbol: BND, quantity: 50}", "{symbol: BND, quantity: -50}", "accounts[1].holdings[0].quantity: expected a quantity of zero or more, found -50"),
    ("negative price", "price: 72.40}", "price: -72.40}", "securities[2].price: expected a price greater than zero"),
    ("zero price", "price: 72.40}", "price: 0}", "securities[2].price: expected a price greater than zero"),
    ("missing price", "assetClass: bonds, price: 72.40}", "assetClass: bonds}", "securities[2].price: missing price of BND"),
    ("lot after asOf", "acquired: 2019-03-04", "acquired: 2027-01-01", "lots[0].acquired: lot acquired 2027-01-01, after asOf 2026-11-20"),
    ("duplicate account", "id: ira", "id: brokerage", "accounts[1]: duplicate account id 'brokerage'"),
    ("malformed date", "asOf: 2026-11-20", "asOf: 20/11/2026", "asOf: expected a date written YYYY-MM-DD"),
    ("impossible date", "asOf: 2026-11-20", "asOf: 2026-02-30", "asOf: expected a date written YYYY-MM-DD"),
    ("huge number", "cash: 1000.50", "cash: 1e400", "accounts[0].cash: expected a cash balance written as a plain decimal"),
    ("too many decimals", "cash: 1000.50", "cash: 0.0000000001", "accounts[0].cash: expected a cash balance written as a plain decimal"),
    ("duplicate key", "household: Test", "household: Test\nhousehold: Again", "duplicate key 'household'"),
    ("unknown key", "household: Test", "houshold: Test", "houshold: unknown key 'houshold'"),
    ("bad type", "type: taxDeferred", "type: roth", "accounts[1].type: expected one of taxable, taxDeferred, taxExempt, found 'roth'"),
    ("unknown flow account", "{account: ira, amount: -100}", "{account: roth, amount: -100}", "cashFlows[0].account: unknown account 'roth'"),
    ("menu symbol", "allowed: [BND]", "allowed: [AGG]", "accounts[1].allowed[0]: unknown symbol 'AGG'"),
    ("band out of range", "band: 0.05}", "band: 1.5}", "targets.stocks.band: expected a band width between 0.0 and 1.0"),
    ("text where a number goes", "cash: 1000.50", "cash: lots", "accounts[0].cash: expected a cash balance"),
    ("list where a mapping goes", "targets:\n  stocks", "targets:\n  - stocks: 1\n  stocks", "not valid YAML/JSON"),
    ("quantity differs from lots", "- symbol: VTI\n        lots", "- symbol: VTI\n        quantity: 11\n        lots", "quantity 11 differs from the sum of the lots, 10"),
    ("children as absolute weights", "stocks: {weight: 0.60, band: 0.05}", "stocks: {weight: 0.60, children: {us: 0.4, intl: 0.2}}", "write children as shares of their group"),
  ]

  @Test(arguments: badInputs)
  func refusesBadInputNamingTheKey(_ name: String, _ from: String, _ to: String, _ fragment: String) {
    let text = Self.valid.replacingOccurrences(of: from, with: to)
    #expect(text != Self.valid, "mutation '\(name)' did not apply")
    do {
      _ = try parse(text)
      Issue.record("\(name): accepted")
    } catch let error as InputError {
      #expect(error.description.contains(fragment), "\(name): \(error.description)")
      #expect(error.description.hasPrefix("h.yaml"))
    } catch {
      Issue.record("\(name): unexpected \(error)")
    }
  }

  @Test func errorsCarryTheLine() throws {
    let text = Self.valid.replacingOccurrences(of: "price: 72.40}", with: "price: -1}")
    #expect { try parse(text) } throws: { ($0 as? InputError)?.line == 6 }
  }

  @Test(arguments: [
    ("truncated", String(valid.prefix(200))),
    ("empty", ""),
    ("just a scalar", "hello"),
    ("a list", "- 1\n- 2"),
    ("deep nesting", String(repeating: "[", count: 100_000)),
    ("deep indentation", (0..<2000).map { String(repeating: " ", count: $0) + "a:" }.joined(separator: "\n")),
  ])
  func malformedDocumentsAreErrorsNotCrashes(_ name: String, _ text: String) {
    #expect(throws: InputError.self, "\(name)") { try parse(text) }
  }

  @Test func binaryAndOversizedFilesAreRefused() throws {
    #expect(throws: InputError.self) { try HouseholdReader.parse(Data([0x00, 0xFF, 0xFE, 0x12]), file: "b.bin") }
    #expect(throws: InputError.self) { try HouseholdReader.parse(Data(repeating: 0x20, count: HouseholdReader.maxFileSize + 1), file: "big.yaml") }
    // A 50 MB file on disk is refused before it is read into memory.
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("ballast-50mb-\(ProcessInfo.processInfo.processIdentifier).yaml").path
    #expect(FileManager.default.createFile(atPath: path, contents: nil))
    let handle = try #require(FileHandle(forWritingAtPath: path))
    try handle.truncate(atOffset: 50 << 20)
    try handle.close()
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect { try HouseholdReader.read(path: path) } throws: { ($0 as? InputError)?.message.contains("50 MB") == true }
  }
}
