/// A JSON document built in code, written with a fixed key order.
///
/// Ballast never serialises through `JSONEncoder`: the order of keys is the order in which
/// they are given (SPEC §3 order first, additions after), numbers are written from exact
/// literals, and the same value always prints the same bytes.
public indirect enum JSONValue: Sendable, Equatable {
  case null
  case bool(Bool)
  /// A number written exactly as the given literal (already validated as a JSON number).
  case number(String)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    lhs.rendered(pretty: false) == rhs.rendered(pretty: false)
  }

  /// A JSON number from a `Double`: the shortest literal that reads back as the same value;
  /// `null` for NaN and infinities, which JSON cannot hold.
  public static func double(_ value: Double) -> JSONValue {
    guard value.isFinite else { return .null }
    if value == value.rounded(), abs(value) < 1e15 { return .number(String(Int64(value))) }
    return .number("\(value)")
  }

  public static func int(_ value: Int) -> JSONValue { .number(String(value)) }
}

extension JSONValue {
  /// The document as text; `pretty` indents by two spaces and ends with a newline.
  public func rendered(pretty: Bool = true) -> String {
    var out = ""
    write(to: &out, indent: pretty ? 0 : nil)
    if pretty { out.append("\n") }
    return out
  }

  private func write(to out: inout String, indent: Int?) {
    switch self {
    case .null: out.append("null")
    case .bool(let b): out.append(b ? "true" : "false")
    case .number(let literal): out.append(literal)
    case .string(let s): Self.writeString(s, to: &out)
    case .array(let items):
      writeContainer(open: "[", close: "]", count: items.count, to: &out, indent: indent) { i, out, inner in
        items[i].write(to: &out, indent: inner)
      }
    case .object(let members):
      writeContainer(open: "{", close: "}", count: members.count, to: &out, indent: indent) { i, out, inner in
        Self.writeString(members[i].0, to: &out)
        out.append(inner == nil ? ":" : ": ")
        members[i].1.write(to: &out, indent: inner)
      }
    }
  }

  private func writeContainer(
    open: String, close: String, count: Int, to out: inout String, indent: Int?,
    element: (Int, inout String, Int?) -> Void
  ) {
    out.append(open)
    guard count > 0 else { out.append(close); return }
    let inner = indent.map { $0 + 2 }
    for i in 0..<count {
      if i > 0 { out.append(",") }
      if let inner { out.append("\n" + String(repeating: " ", count: inner)) }
      element(i, &out, inner)
    }
    if let indent { out.append("\n" + String(repeating: " ", count: indent)) }
    out.append(close)
  }

  private static func writeString(_ s: String, to out: inout String) {
    out.append("\"")
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out.append("\\\"")
      case "\\": out.append("\\\\")
      case "\n": out.append("\\n")
      case "\r": out.append("\\r")
      case "\t": out.append("\\t")
      case let c where c.value < 0x20:
        let hex = String(c.value, radix: 16)
        out.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
      default: out.unicodeScalars.append(scalar)
      }
    }
    out.append("\"")
  }
}
