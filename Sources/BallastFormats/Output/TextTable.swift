/// A plain-text table with aligned columns, for people reading a terminal.
public struct TextTable: Sendable {
  public enum Alignment: Sendable { case left, right }

  public struct Column: Sendable {
    public var title: String
    public var alignment: Alignment
    public init(_ title: String, _ alignment: Alignment = .right) {
      self.title = title
      self.alignment = alignment
    }
  }

  public var columns: [Column]
  public var rows: [[String]] = []

  public init(columns: [Column]) { self.columns = columns }

  public mutating func append(_ row: [String]) {
    precondition(row.count == columns.count, "row has \(row.count) cells for \(columns.count) columns")
    rows.append(row)
  }

  /// The table with a header line and a rule under it; every line ends with a newline.
  /// Widths count Unicode characters, so the columns line up for ASCII and most symbols.
  public func rendered(indent: String = "") -> String {
    var widths = columns.map { $0.title.count }
    for row in rows {
      for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
    }
    func line(_ cells: [String]) -> String {
      var parts: [String] = []
      for (i, cell) in cells.enumerated() {
        let pad = String(repeating: " ", count: widths[i] - cell.count)
        parts.append(columns[i].alignment == .left ? cell + pad : pad + cell)
      }
      var text = indent + parts.joined(separator: "  ")
      while text.hasSuffix(" ") { text.removeLast() }
      return text + "\n"
    }
    var out = line(columns.map(\.title))
    out += indent + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
    for row in rows { out += line(row) }
    return out
  }
}
