/// RFC 4180 CSV text: comma separated, `\n` line ends, fields quoted only when they must be.
public struct CSVWriter: Sendable {
  public private(set) var text = ""

  public init(header: [String]) { append(header) }

  public mutating func append(_ fields: [String]) {
    text += fields.map(Self.escape).joined(separator: ",") + "\n"
  }

  static func escape(_ field: String) -> String {
    guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
    var quoted = "\""
    for ch in field { quoted.append(ch == "\"" ? "\"\"" : String(ch)) }
    return quoted + "\""
  }
}
