public import BallastCore
public import Foundation
internal import Yams

/// Reads household files (SPEC §1) in YAML or JSON and validates them completely.
///
/// The extension decides the format (`.json` is JSON, anything else YAML; `-` is standard
/// input read as YAML); YAML 1.2 is a superset of JSON, so one parser serves both and every
/// error can name a line. Amounts are read from their literal text, never through `Double`.
public enum HouseholdReader {
  /// Files above this size are refused before parsing (a household of 10,000 lots is ~1 MB).
  public static let maxFileSize = 32 << 20
  /// Deeper nesting than this is refused before parsing (the household schema needs 6).
  static let maxNesting = 64

  public static func read(path: String) throws -> Household {
    let data: Data
    if path == "-" {
      data = FileHandle.standardInput.readDataToEndOfFile()
    } else {
      guard FileManager.default.fileExists(atPath: path) else {
        throw InputError(file: path, message: "no such file")
      }
      let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
      guard size <= maxFileSize else {
        throw InputError(file: path, message: "the file is \(size >> 20) MB; a household file may be at most \(maxFileSize >> 20) MB")
      }
      guard let d = FileManager.default.contents(atPath: path) else {
        throw InputError(file: path, message: "cannot read the file")
      }
      data = d
    }
    return try parse(data, file: path)
  }

  /// Parses and validates a household document.
  /// - Throws: ``InputError`` naming the key path and line of the first problem.
  public static func parse(_ data: Data, file: String) throws -> Household {
    guard data.count <= maxFileSize else {
      throw InputError(file: file, message: "the input is \(data.count >> 20) MB; a household file may be at most \(maxFileSize >> 20) MB")
    }
    guard !data.contains(0), let text = String(data: data, encoding: .utf8) else {
      throw InputError(file: file, message: "the file is not UTF-8 text (is it a binary file?)")
    }
    try checkNesting(text, file: file)
    let root: Node
    do {
      guard let node = try Yams.compose(yaml: text) else {
        throw InputError(file: file, message: "the file is empty; expected a household mapping (see SPEC §1)")
      }
      root = node
    } catch let error as YamlError {
      throw inputError(error, file: file)
    }
    return try HouseholdDecoder(file: file).household(DocumentNode(node: root, path: "", file: file))
  }

  static func inputError(_ error: YamlError, file: String) -> InputError {
    switch error {
    case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
      .composer(_, let problem, let mark, _):
      return InputError(file: file, line: mark.line, message: "not valid YAML/JSON: \(problem) (column \(mark.column))")
    case .duplicatedKeysInMapping(let duplicates, let context):
      return InputError(
        file: file, line: context.mark.line,
        message: "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in one mapping")
    case .reader(let problem, _, _, _):
      return InputError(file: file, message: "cannot read the text: \(problem)")
    default:
      return InputError(file: file, message: "not valid YAML/JSON")
    }
  }

  /// Refuses pathological nesting (`[[[[…`) before the recursive composer sees it.
  static func checkNesting(_ text: String, file: String) throws {
    var depth = 0
    var line = 1
    var indent = 0
    var atLineStart = true
    for b in text.utf8 {
      if atLineStart {
        if b == UInt8(ascii: " ") || b == UInt8(ascii: "-") {
          indent += 1
          if indent > 4 * maxNesting {
            throw InputError(file: file, line: line, message: "indentation deeper than \(4 * maxNesting) columns")
          }
        } else {
          atLineStart = false
        }
      }
      switch b {
      case UInt8(ascii: "["), UInt8(ascii: "{"):
        depth += 1
        if depth > maxNesting {
          throw InputError(file: file, line: line, message: "nesting deeper than \(maxNesting) levels")
        }
      case UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1)
      case UInt8(ascii: "\n"):
        line += 1
        indent = 0
        atLineStart = true
      default: break
      }
    }
  }
}
