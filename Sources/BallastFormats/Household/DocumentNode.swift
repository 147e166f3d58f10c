internal import BallastCore
internal import Yams

/// A node of a parsed YAML/JSON document together with where it is: the key path from the
/// root (`accounts[1].holdings[0].quantity`) and its line. Every accessor either returns the
/// value in the expected shape or throws an ``InputError`` that says what was expected and
/// what was found there.
struct DocumentNode {
  let node: Node
  let path: String
  let file: String

  var line: Int? { node.mark?.line }

  func error(_ message: String) -> InputError {
    InputError(file: file, keyPath: path, line: line, message: message)
  }

  var isScalar: Bool {
    if case .scalar = node { return true }
    return false
  }

  var isNull: Bool {
    if case .scalar(let s) = node { return node.null != nil || (s.style == .plain && s.string.isEmpty) }
    return false
  }

  /// A short description of what stands here, for "found …".
  var found: String {
    switch node {
    case .scalar(let s): return isNull ? "nothing (null)" : "'\(s.string.prefix(60))'"
    case .mapping: return "a mapping"
    case .sequence: return "a list"
    case .alias: return "an alias"
    }
  }

  func child(_ key: String, _ node: Node) -> DocumentNode {
    DocumentNode(node: node, path: path.isEmpty ? key : "\(path).\(key)", file: file)
  }

  /// The mapping's entries in document order; keys outside `allowed` are refused.
  func mapping(allowed: [String]? = nil) throws -> DocumentMapping {
    guard case .mapping(let m) = node else { throw error("expected a mapping, found \(found)") }
    var entries: [(String, DocumentNode)] = []
    for (k, v) in m {
      guard case .scalar(let key) = k else { throw error("expected text keys, found a \(k)") }
      if let allowed, !allowed.contains(key.string) {
        throw InputError(
          file: file, keyPath: path.isEmpty ? key.string : "\(path).\(key.string)", line: k.mark?.line,
          message: "unknown key '\(key.string)'; expected one of: \(allowed.joined(separator: ", "))")
      }
      entries.append((key.string, child(key.string, v)))
    }
    return DocumentMapping(owner: self, entries: entries)
  }

  func sequence() throws -> [DocumentNode] {
    guard case .sequence(let s) = node else { throw error("expected a list, found \(found)") }
    return s.enumerated().map { DocumentNode(node: $0.element, path: "\(path)[\($0.offset)]", file: file) }
  }

  func string() throws -> String {
    guard case .scalar(let s) = node, !isNull else { throw error("expected text, found \(found)") }
    return s.string
  }

  /// A non-empty identifier without spaces or control characters.
  func identifier(_ what: String) throws -> String {
    let s = try string()
    guard !s.isEmpty, s.count <= 100, !s.contains(where: { $0.isWhitespace || $0.asciiValue.map { $0 < 32 } == true })
    else { throw error("expected \(what) (1–100 characters, no spaces), found \(found)") }
    return s
  }

  /// An exact decimal; `sign` restricts it. Exponents and more than nine decimals are refused.
  func decimal(_ what: String = "a decimal number", sign: Sign = .any) throws -> FixedDecimal {
    guard case .scalar(let s) = node, !isNull else { throw error("expected \(what), found \(found)") }
    guard let value = FixedDecimal(exactly: s.string.trimmingWhitespace()) else {
      throw error(
        "expected \(what) written as a plain decimal (e.g. 285.10, at most 9 decimals and 10^12 in size), found '\(s.string.prefix(60))'")
    }
    switch sign {
    case .any: break
    case .nonNegative where value.isNegative: throw error("expected \(what) of zero or more, found \(value)")
    case .positive where value.raw <= 0: throw error("expected \(what) greater than zero, found \(value)")
    default: break
    }
    return value
  }

  enum Sign { case any, nonNegative, positive }

  /// A number in `range` (weights, rates, band widths), read exactly and then converted.
  func fraction(_ what: String, in range: ClosedRange<Double> = 0...1) throws -> Double {
    let v = try decimal(what).doubleValue
    guard range.contains(v) else {
      throw error("expected \(what) between \(range.lowerBound) and \(range.upperBound), found \(v)")
    }
    return v
  }

  func integer(_ what: String, in range: ClosedRange<Int>) throws -> Int {
    let d = try decimal(what)
    guard d == d.rounded(places: 0), let v = Int(exactly: Double(d.raw / FixedDecimal.scale)), range.contains(v) else {
      throw error("expected \(what): a whole number from \(range.lowerBound) to \(range.upperBound), found \(found)")
    }
    return v
  }

  func bool() throws -> Bool {
    switch try string().lowercased() {
    case "true", "yes": return true
    case "false", "no": return false
    default: throw error("expected true or false, found \(found)")
    }
  }

  func date() throws -> CivilDate {
    guard let d = CivilDate(iso: try string().trimmingWhitespace()) else {
      throw error("expected a date written YYYY-MM-DD, found \(found)")
    }
    return d
  }

  /// A list of identifiers; a single identifier is taken as a list of one.
  func identifierList(_ what: String) throws -> [DocumentNode] {
    if case .scalar = node { return [self] }
    return try sequence()
  }

  func oneOf<T: RawRepresentable>(_ type: T.Type) throws -> T where T.RawValue == String, T: CaseIterable {
    let s = try string()
    guard let v = T(rawValue: s) else {
      throw error("expected one of \(T.allCases.map(\.rawValue).joined(separator: ", ")), found \(found)")
    }
    return v
  }
}

/// The entries of a mapping node, looked up by key.
struct DocumentMapping {
  let owner: DocumentNode
  let entries: [(String, DocumentNode)]

  /// The value under `key`, or nil when the key is absent or null.
  subscript(key: String) -> DocumentNode? {
    guard let v = entries.first(where: { $0.0 == key })?.1, !v.isNull else { return nil }
    return v
  }

  func required(_ key: String, _ what: String) throws -> DocumentNode {
    guard let v = self[key] else {
      throw InputError(
        file: owner.file, keyPath: owner.path.isEmpty ? key : "\(owner.path).\(key)", line: owner.line,
        message: "missing \(what)")
    }
    return v
  }
}

extension String {
  func trimmingWhitespace() -> String {
    var s = Substring(self)
    while s.first?.isWhitespace == true { s.removeFirst() }
    while s.last?.isWhitespace == true { s.removeLast() }
    return String(s)
  }
}
