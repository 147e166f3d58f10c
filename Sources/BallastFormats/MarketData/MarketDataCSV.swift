import BallastCore
public import Foundation

/// Reads market-data CSV files: a header row whose first column is `date`, then one row per
/// date (`YYYY-MM-DD`, strictly increasing), comma separated; a cell is empty or a finite
/// decimal number.
public enum MarketDataCSV {
  /// Reads and parses a file. - Throws: ``InputError`` naming the file, line and column.
  public static func read(path: String) throws -> MarketDataTable {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw InputError(file: path, message: "cannot read the file (does it exist?)")
    }
    return try parse(data, file: path)
  }

  /// Parses CSV bytes. - Throws: ``InputError`` for anything but a well-formed table.
  public static func parse(_ data: Data, file: String) throws -> MarketDataTable {
    try data.withUnsafeBytes { raw in
      var parser = Parser(bytes: raw.bindMemory(to: UInt8.self), file: file)
      return try parser.run()
    }
  }

  private struct Parser {
    let bytes: UnsafeBufferPointer<UInt8>
    let file: String
    var position = 0
    var line = 1

    init(bytes: UnsafeBufferPointer<UInt8>, file: String) {
      self.bytes = bytes
      self.file = file
    }

    func fail(_ message: String, column: String = "", line: Int? = nil) -> InputError {
      InputError(file: file, keyPath: column, line: line ?? self.line, message: message)
    }

    /// The next line's fields as byte ranges, or nil at the end of the input.
    mutating func nextFields() throws -> [Range<Int>]? {
      guard position < bytes.count else { return nil }
      var fields: [Range<Int>] = []
      var start = position
      while position < bytes.count {
        let b = bytes[position]
        if b == UInt8(ascii: ",") {
          fields.append(start..<position)
          start = position + 1
        } else if b == UInt8(ascii: "\n") {
          break
        } else if b == UInt8(ascii: "\"") {
          throw fail("quoted fields are not supported in market data")
        } else if b == 0 {
          throw fail("the file is not text (it contains a NUL byte)")
        }
        position += 1
      }
      var end = position
      if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
      fields.append(start..<end)
      position += 1
      return fields
    }

    func text(_ r: Range<Int>) -> String {
      String(decoding: UnsafeBufferPointer(rebasing: bytes[r]), as: UTF8.self)
    }

    mutating func run() throws -> MarketDataTable {
      guard let header = try nextFields(), !(header.count == 1 && header[0].isEmpty) else {
        throw fail("the file is empty; expected a header row starting with 'date'")
      }
      let names = header.map(text).map { $0.trimmingCharacters(in: .whitespaces) }
      guard names[0] == "date" else {
        throw fail("expected the first column of the header to be 'date', found '\(names[0])'")
      }
      let columns = Array(names.dropFirst())
      guard !columns.isEmpty else { throw fail("the header names no data column after 'date'") }
      var seen = Set<String>()
      for c in columns {
        guard !c.isEmpty else { throw fail("a column of the header has no name") }
        guard seen.insert(c).inserted else { throw fail("column '\(c)' appears twice in the header") }
      }
      line += 1
      var dates: [CivilDate] = []
      var lines: [Int] = []
      var values = [[Double]](repeating: [], count: columns.count)
      while let fields = try nextFields() {
        defer { line += 1 }
        if fields.count == 1 && fields[0].isEmpty { continue }  // blank line (e.g. at the end)
        guard fields.count == names.count else {
          throw fail("expected \(names.count) fields, found \(fields.count)")
        }
        let dateText = text(fields[0])
        guard let date = CivilDate(iso: dateText) else {
          throw fail("expected a date YYYY-MM-DD, found '\(dateText)'", column: "date")
        }
        if let last = dates.last, date <= last {
          throw fail(
            date == last ? "duplicate date \(date)" : "dates are not sorted: \(date) comes after \(last)",
            column: "date")
        }
        dates.append(date)
        lines.append(line)
        for c in 0..<columns.count {
          values[c].append(try number(fields[c + 1], column: columns[c]))
        }
      }
      guard !dates.isEmpty else { throw fail("the file has a header but no rows", line: 1) }
      return MarketDataTable(file: file, dates: dates, columns: columns, values: values, lines: lines)
    }

    func number(_ r: Range<Int>, column: String) throws -> Double {
      if r.isEmpty { return .nan }
      if let v = plainDecimal(r) { return v }
      let s = Substring(text(r))
      guard let v = Double(s), v.isFinite,
        s.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == 46 || $0 == 45 || $0 == 43 || $0 == 101 || $0 == 69 })
      else {
        throw fail("expected a finite number or an empty cell, found '\(s)'", column: column)
      }
      return v
    }

    /// Fast path for `[-]digits[.digits]` with at most 15 digits: the integer mantissa and the
    /// power of ten are exact doubles, so their quotient is correctly rounded, the same value
    /// `Double(String)` gives (Clinger's fast path). Anything else returns `nil`.
    func plainDecimal(_ r: Range<Int>) -> Double? {
      var i = r.lowerBound
      let negative = bytes[i] == UInt8(ascii: "-")
      if negative { i += 1 }
      var mantissa: UInt64 = 0
      var digits = 0
      var fraction = -1
      while i < r.upperBound {
        let b = bytes[i]
        if b >= 48 && b <= 57 {
          mantissa = mantissa &* 10 &+ UInt64(b &- 48)
          digits += 1
          if fraction >= 0 { fraction += 1 }
        } else if b == UInt8(ascii: "."), fraction < 0 {
          fraction = 0
        } else {
          return nil
        }
        i += 1
      }
      guard digits > 0, digits <= 15, fraction != 0 else { return nil }
      let v = Double(mantissa) / Self.powersOfTen[max(fraction, 0)]
      return negative ? -v : v
    }

    /// 10⁰ … 10¹⁵, each exact in binary floating point.
    static let powersOfTen: [Double] = (0...15).map { (0..<$0).reduce(1.0) { acc, _ in acc * 10 } }
  }
}
