import Testing

@testable import BallastCore

/// `Identifier`'s `==` and `<` read short ASCII strings from the `String`'s own words; these
/// tests hold them to `String`'s answers (the reference) on every kind of string: short and
/// long, ASCII and not, with NUL bytes, and short strings kept in heap storage.
@Suite struct IdentifierTests {
  /// Strings of every form `String` has, several of them equal in content but stored apart.
  static func corpus() -> [String] {
    var out = ["", "a", "A", "S1", "S10", "S2", "VTI", "VTIAX", "cash", "class0", "acct1", "us_stocks",
      "a\u{0}", "a\u{0}\u{0}", "\u{0}", "ab\u{0}c", "fifteen_chars_x", "sixteen_chars_xy", "a much longer identifier than fits inline",
      "é", "e\u{301}", "café", "cafe\u{301}", "Ωmega", "z", "zz", "~", "\u{7f}"]
    // The same short contents in heap storage (a reserved capacity moves them out of line).
    for s in ["a", "S1", "VTI", "cash", "é"] {
      var t = s
      t.reserveCapacity(64)
      out.append(t)
    }
    // Built by interpolation and from substrings.
    for i in [0, 1, 9, 10, 99] { out.append("S\(i)") }
    out.append(String("xxS1".dropFirst(2)))
    var g = SeededGenerator(seed: 7)
    for _ in 0..<200 {
      let n = Int.random(in: 0...18, using: &g)
      out.append(String((0..<n).map { _ in Character(Unicode.Scalar(UInt8.random(in: 0...127, using: &g))) }))
    }
    return out
  }

  @Test func equalityAndOrderAreString() {
    let all = Self.corpus()
    var checked = 0
    for a in all {
      for b in all {
        let (x, y) = (Symbol(a), Symbol(b))
        #expect((x == y) == (a == b), "== of \(a.debugDescription) and \(b.debugDescription)")
        #expect((x < y) == (a < b), "< of \(a.debugDescription) and \(b.debugDescription)")
        checked += 1
      }
    }
    #expect(checked == all.count * all.count)
  }

  @Test func theFastPathIsTaken() {
    // Short ASCII strings are read inline; long or non-ASCII ones are not.
    #expect(Symbol.inlineASCII("VTI") != nil)
    #expect(Symbol.inlineASCII("fifteen_chars_x") != nil)
    #expect(Symbol.inlineASCII("sixteen_chars_xy") == nil)
    #expect(Symbol.inlineASCII("é") == nil)
  }
}
