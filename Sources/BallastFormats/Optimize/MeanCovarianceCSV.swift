public import BallastOptimizer
import Foundation

/// Reads the `--mu` and `--cov` files of `ballast optimize` (SPEC §2):
/// - `--mu`: a header row, then one row per asset: name, annual expected return;
/// - `--cov`: a square table whose header row (after one leading cell) and first column are
///   the asset names, annualised covariances in the cells.
///
/// The result is in the order of the `--mu` rows; `--cov` must name the same assets (in any
/// order) and be symmetric.
public enum MeanCovarianceCSV {
  /// - Throws: ``InputError`` naming the file, line and cell.
  public static func read(muPath: String, covPath: String) throws -> (assets: [String], mu: [Double], covariance: CovarianceMatrix) {
    let (assets, mu) = try readMu(try lines(muPath), file: muPath)
    let covariance = try readCov(try lines(covPath), file: covPath, assets: assets)
    return (assets, mu, covariance)
  }

  static func lines(_ path: String) throws -> [(number: Int, fields: [String])] {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw InputError(file: path, message: "cannot read the file (does it exist?)")
    }
    var out: [(Int, [String])] = []
    var lineNumber = 0
    let bytes = [UInt8](data)
    for raw in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
      lineNumber += 1
      var fields: [String] = []
      for cell in raw.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
        var trimmed = cell[...]
        while let b = trimmed.first, b == 32 || b == 9 || b == 34 { trimmed = trimmed.dropFirst() }
        while let b = trimmed.last, b == 32 || b == 9 || b == 34 || b == 13 { trimmed = trimmed.dropLast() }
        fields.append(String(decoding: trimmed, as: UTF8.self))
      }
      if fields.allSatisfy(\.isEmpty) { continue }
      out.append((lineNumber, fields))
    }
    guard !out.isEmpty else { throw InputError(file: path, message: "the file is empty") }
    return out
  }

  static func number(_ s: String, file: String, line: Int, key: String) throws -> Double {
    guard let v = Double(s), v.isFinite else {
      throw InputError(file: file, keyPath: key, line: line, message: "expected a finite number, found '\(s)'")
    }
    return v
  }

  static func readMu(_ rows: [(number: Int, fields: [String])], file: String) throws -> ([String], [Double]) {
    var assets: [String] = [], mu: [Double] = []
    for row in rows.dropFirst() {
      guard row.fields.count == 2 else {
        throw InputError(file: file, line: row.number, message: "expected 2 fields (asset, expected return), found \(row.fields.count)")
      }
      let name = row.fields[0]
      guard !name.isEmpty else { throw InputError(file: file, line: row.number, message: "the asset name is empty") }
      guard !assets.contains(name) else { throw InputError(file: file, keyPath: name, line: row.number, message: "asset '\(name)' appears twice") }
      assets.append(name)
      mu.append(try number(row.fields[1], file: file, line: row.number, key: name))
    }
    guard !assets.isEmpty else { throw InputError(file: file, message: "the file has a header but no asset rows") }
    return (assets, mu)
  }

  static func readCov(_ rows: [(number: Int, fields: [String])], file: String, assets: [String]) throws -> CovarianceMatrix {
    let header = Array(rows[0].fields.dropFirst())
    let n = header.count
    guard Set(header) == Set(assets), n == assets.count else {
      throw InputError(file: file, line: rows[0].number,
        message: "the header names \(header.joined(separator: ", ")); expected the assets of --mu: \(assets.joined(separator: ", "))")
    }
    guard rows.count == n + 1 else {
      throw InputError(file: file, message: "expected \(n) rows after the header (a square matrix), found \(rows.count - 1)")
    }
    var byName: [String: [Double]] = [:]
    for row in rows.dropFirst() {
      guard row.fields.count == n + 1 else {
        throw InputError(file: file, line: row.number, message: "expected \(n + 1) fields, found \(row.fields.count)")
      }
      let name = row.fields[0]
      guard header.contains(name), byName[name] == nil else {
        throw InputError(file: file, keyPath: name, line: row.number, message: "row name '\(name)' is unknown or repeated; rows must name the header's assets once each")
      }
      byName[name] = try (0..<n).map { try number(row.fields[$0 + 1], file: file, line: row.number, key: "\(name).\(header[$0])") }
    }
    let column = Dictionary(uniqueKeysWithValues: header.enumerated().map { ($1, $0) })
    var values: [Double] = []
    for a in assets {
      for b in assets { values.append(byName[a]?[column[b] ?? 0] ?? .nan) }
    }
    do {
      return try CovarianceMatrix(dimension: n, values: values)
    } catch let e as OptimizationError {
      throw InputError(file: file, message: e.message)
    }
  }
}
