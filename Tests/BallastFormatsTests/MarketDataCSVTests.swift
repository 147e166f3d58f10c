import BallastCore
import BallastFormats
import Foundation
import Testing

@Suite struct MarketDataCSVTests {
  func parse(_ text: String) throws -> MarketDataTable {
    try MarketDataCSV.parse(Data(text.utf8), file: "t.csv")
  }

  @Test func readsColumnsAndEmptyCells() throws {
    let t = try parse("date,a,b\n2020-01-31,0.01,\n2020-02-29,-0.02,0.5\n")
    #expect(t.columns == ["a", "b"])
    #expect(t.dates.map(\.description) == ["2020-01-31", "2020-02-29"])
    #expect(t.values[0] == [0.01, -0.02])
    #expect(t.values[1][0].isNaN && t.values[1][1] == 0.5)
  }

  @Test(arguments: [
    ("date,a\n2020-01-02,1\n2020-01-01,2\n", "not sorted"),
    ("date,a\n2020-01-02,1\n2020-01-02,2\n", "duplicate date"),
    ("date,a\n2020-01-02,abc\n", "found 'abc'"),
    ("date,a\n2020-01-02,1e400\n", "found '1e400'"),
    ("date,a\n2020-13-02,1\n", "expected a date"),
    ("date,a\n2020-01-02,1,2\n", "expected 2 fields"),
    ("x,a\n2020-01-02,1\n", "'date'"),
    ("", "empty"),
    ("date,a,a\n2020-01-02,1,2\n", "twice"),
  ])
  func refusesBadInput(text: String, fragment: String) {
    #expect {
      try parse(text)
    } throws: { error in
      (error as? InputError)?.description.contains(fragment) == true
    }
  }

  @Test func windowRefusesEmptyCellAndUnknownColumn() throws {
    let t = try parse("date,a,b\n2020-01-31,0.01,\n2020-02-29,-0.02,0.5\n")
    let w = try t.window(columns: ["b"], from: CivilDate(iso: "2020-02-01"))
    #expect(w.series == [[0.5]])
    #expect(throws: InputError.self) { try t.window(columns: ["b"]) }
    #expect(throws: InputError.self) { try t.window(columns: ["zzz"]) }
  }
}
