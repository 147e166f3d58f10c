import BallastBacktest
import Foundation
internal import Yams

/// Reads a YAML strategy file: a list of strategies (or `strategies:` holding one). Each item
/// is a spec string, or a mapping with `name`, then either `spec: SPEC` or `kind: KIND` and the
/// same keys as the spec's parts (`abs: 0.05`, `to: edge`, `every: quarterly`, `window: 12`, …),
/// `assets:` for per-asset bands (`us_stock: 0.03` or `us_stock: {below: 0.02, above: 0.04}`),
/// and `table:` for the rows of a regime or VIX-bucket table
/// (`{below: 15, look: quarterly, band: 0.03}` or `{below: 15, multiplier: 0.6}`).
public enum StrategyFile {
  /// - Throws: ``InputError`` with the file, key path and line of the first problem.
  public static func read(path: String) throws -> [StrategySpec.Parsed] {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw InputError(file: path, message: "cannot read the strategy file (does it exist?)")
    }
    return try parse(String(decoding: data, as: UTF8.self), file: path)
  }

  public static func parse(_ text: String, file: String) throws -> [StrategySpec.Parsed] {
    let root: Node?
    do {
      root = try Yams.compose(yaml: text)
    } catch {
      throw InputError(file: file, message: "not valid YAML: \(error)")
    }
    guard var node = root else { throw InputError(file: file, message: "the file is empty; expected a list of strategies") }
    var path = ""
    if case .mapping(let m) = node {
      guard let inner = m["strategies"], m.count == 1 else {
        throw InputError(file: file, line: node.mark?.line, message: "expected a list of strategies or one key 'strategies'")
      }
      node = inner
      path = "strategies"
    }
    guard case .sequence(let items) = node, !items.isEmpty else {
      throw InputError(file: file, keyPath: path, line: node.mark?.line, message: "expected a non-empty list of strategies")
    }
    var out: [StrategySpec.Parsed] = []
    for (i, item) in items.enumerated() {
      out += try strategies(item, file: file, keyPath: path.isEmpty ? "[\(i)]" : "\(path)[\(i)]")
    }
    return out
  }

  static func strategies(_ node: Node, file: String, keyPath: String) throws -> [StrategySpec.Parsed] {
    let origin = StrategySpec.Origin(file: file, keyPath: keyPath, line: node.mark?.line)
    func fail(_ message: String, _ at: Node? = nil) -> InputError {
      InputError(file: file, keyPath: keyPath, line: (at ?? node).mark?.line, message: message)
    }
    if let text = node.scalar?.string {
      return try SweepRange.expand(text, origin: origin).map { try StrategySpec.parse($0, origin: origin) }
    }
    guard case .mapping(let m) = node else { throw fail("expected a spec string or a mapping") }
    var name: String?
    var spec: String?
    var kind: String?
    var parts: [String] = []
    var table: [StrategySpec.TableRow]?
    for (keyNode, value) in m {
      guard let key = keyNode.scalar?.string else { throw fail("expected a text key", keyNode) }
      switch key {
      case "name": name = value.scalar?.string
      case "spec": spec = value.scalar?.string
      case "kind": kind = value.scalar?.string
      case "assets": parts += try assetParts(value, fail: fail)
      case "table": table = try tableRows(value, fail: fail)
      default:
        guard let v = value.scalar?.string else { throw fail("expected a plain value for '\(key)'", value) }
        parts.append("\(key)=\(v)")
      }
    }
    guard let text = spec ?? kind.map({ parts.isEmpty ? $0 : $0 + ":" + parts.joined(separator: ",") }) else {
      throw fail("a strategy mapping needs 'spec' or 'kind'")
    }
    guard spec == nil || (kind == nil && parts.isEmpty) else { throw fail("give either 'spec' or 'kind' with its keys, not both") }
    let concrete = try SweepRange.expand(text, origin: origin)
    return try concrete.map { c in
      let label = name.map { concrete.count > 1 ? "\($0) \(c)" : $0 }
      return try StrategySpec.parse(c, name: label, table: table, origin: origin)
    }
  }

  static func assetParts(_ node: Node, fail: (String, Node?) -> InputError) throws -> [String] {
    guard case .mapping(let m) = node else { throw fail("'assets' must map asset names to bands", node) }
    var parts: [String] = []
    for (k, v) in m {
      guard let asset = k.scalar?.string else { throw fail("expected an asset name", k) }
      if let width = v.scalar?.string {
        parts.append("\(asset)=\(width)")
      } else if case .mapping(let inner) = v {
        for (ik, iv) in inner {
          guard let part = ik.scalar?.string, let value = iv.scalar?.string else { throw fail("expected 'abs: 0.05'-style keys", ik) }
          parts.append("\(asset).\(part)=\(value)")
        }
      } else {
        throw fail("expected a width or {abs, rel, below, above} for '\(asset)'", v)
      }
    }
    return parts
  }

  static func tableRows(_ node: Node, fail: (String, Node?) -> InputError) throws -> [StrategySpec.TableRow] {
    guard case .sequence(let rows) = node, !rows.isEmpty else { throw fail("'table' must be a non-empty list", node) }
    return try rows.map { row in
      guard case .mapping(let m) = row else { throw fail("expected {below, look, band} or {below, multiplier}", row) }
      var r = StrategySpec.TableRow(below: nil, look: nil, band: nil, multiplier: nil)
      for (k, v) in m {
        let key = k.scalar?.string ?? ""
        let text = v.scalar?.string ?? ""
        switch key {
        case "look":
          guard let f = RebalanceFrequency(rawValue: text) else { throw fail("unknown frequency '\(text)'", v) }
          r.look = f
        case "below", "band", "multiplier":
          guard let x = Double(text), x.isFinite else { throw fail("expected a number for '\(key)', found '\(text)'", v) }
          if key == "below" { r.below = x } else if key == "band" { r.band = x } else { r.multiplier = x }
        default: throw fail("unknown table key '\(key)'; expected below, look, band or multiplier", k)
        }
      }
      return r
    }
  }
}
