import BallastBacktest
import BallastCore
import Foundation

/// Reads back what `ballast backtest --format json --series FILE` wrote, so that a report can
/// be drawn without running the backtest again.
public enum SavedBacktest {
  /// The report (from the JSON) and the drawn paths (from the series CSV).
  /// - Throws: ``InputError`` naming the file, the key or line, and what was expected.
  public static func read(json jsonPath: String, series seriesPath: String) throws -> (BacktestReport, BacktestPaths) {
    let report = try readReport(jsonPath)
    let paths = try readSeries(seriesPath, report: report)
    return (report, paths)
  }

  static func readReport(_ path: String) throws -> BacktestReport {
    guard let data = FileManager.default.contents(atPath: path) else { throw InputError(file: path, message: "cannot read the file") }
    guard let root = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
      throw InputError(file: path, message: "expected the JSON object that 'ballast backtest --format json' writes")
    }
    func value<T>(_ key: String, in object: [String: Any], at path0: String = "", as type: T.Type) throws -> T {
      guard let v = object[key] as? T else {
        throw InputError(file: path, keyPath: path0.isEmpty ? key : "\(path0).\(key)", message: "missing or not a \(T.self)")
      }
      return v
    }
    func date(_ key: String) throws -> CivilDate {
      guard let d = CivilDate(iso: try value(key, in: root, as: String.self)) else {
        throw InputError(file: path, keyPath: key, message: "expected a date YYYY-MM-DD")
      }
      return d
    }
    let assets = try value("assets", in: root, as: [[String: Any]].self)
    let strategies = try value("strategies", in: root, as: [[String: Any]].self)
    let metrics = try strategies.enumerated().map { i, m -> BacktestMetrics in
      let at = "strategies[\(i)]"
      func n(_ k: String) throws -> Double {
        if m[k] is NSNull { return .nan }
        return try value(k, in: m, at: at, as: Double.self)
      }
      return BacktestMetrics.saved(
        name: try value("name", in: m, at: at, as: String.self), cagr: try n("cagr"), volatility: try n("volatility"),
        maxDrawdown: try n("maxDrawdown"), sharpe: try n("sharpe"), sortino: try n("sortino"), turnover: try n("turnover"),
        rebalances: Int(try n("rebalances")), costs: try n("costs"), finalValue: try n("finalValue"),
        trackingError: try n("trackingError"), averageDrift: try n("averageDrift"), rebalancingAlpha: try n("rebalancingAlpha"),
        netFlows: (try? n("netFlows")) ?? 0, finalUnitValue: (try? n("finalUnitValue")) ?? .nan)
    }
    return BacktestReport(
      from: try date("from"), to: try date("to"), periods: Int(try value("periods", in: root, as: Double.self)),
      periodsPerYear: try value("periodsPerYear", in: root, as: Double.self),
      assets: try assets.enumerated().map { try value("name", in: $1, at: "assets[\($0)]", as: String.self) },
      targets: try assets.enumerated().map { try value("target", in: $1, at: "assets[\($0)]", as: Double.self) },
      costBasisPoints: (root["costBps"] as? Double) ?? 0, source: (root["data"] as? String) ?? path,
      riskFree: root["riskFree"] as? String, results: metrics)
  }

  static func readSeries(_ path: String, report: BacktestReport) throws -> BacktestPaths {
    guard let data = FileManager.default.contents(atPath: path) else { throw InputError(file: path, message: "cannot read the file") }
    let rows = try CSVRecords.parse(String(decoding: data, as: UTF8.self), file: path)
    guard let header = rows.first, header.count >= 4, Array(header.prefix(4)) == ["strategy", "date", "value", "rebalanced"] else {
      throw InputError(file: path, line: 1, message: "expected the header strategy,date,value,rebalanced,<asset>… that '--series' writes")
    }
    let assets = Array(header.dropFirst(4))
    guard assets == report.assets else {
      throw InputError(file: path, line: 1, message: "the series has assets \(assets.joined(separator: ", ")), the JSON \(report.assets.joined(separator: ", "))")
    }
    var order: [String] = []
    var byName: [String: BacktestPaths.Strategy] = [:]
    var dates: [CivilDate] = []
    for (i, row) in rows.enumerated().dropFirst() where !(row.count == 1 && row[0].isEmpty) {
      guard row.count == header.count, let date = CivilDate(iso: row[1]), let v = Double(row[2]) else {
        throw InputError(file: path, line: i + 1, message: "expected \(header.count) fields: a strategy, a date, a value, 0 or 1, and one weight per asset")
      }
      let weights = try row.dropFirst(4).map { cell -> Double in
        guard let w = Double(cell) else { throw InputError(file: path, line: i + 1, message: "expected a weight, found '\(cell)'") }
        return w
      }
      if byName[row[0]] == nil {
        order.append(row[0])
        byName[row[0]] = BacktestPaths.Strategy(name: row[0], values: [], weights: [], rebalanced: [])
      }
      byName[row[0]]?.values.append(v)
      byName[row[0]]?.weights += weights
      byName[row[0]]?.rebalanced.append(row[3] == "1")
      if order.count == 1 { dates.append(date) }
    }
    let strategies = order.compactMap { byName[$0] }
    guard !strategies.isEmpty, strategies.allSatisfy({ $0.values.count == dates.count }) else {
      throw InputError(file: path, message: "every strategy must have one row per date")
    }
    return BacktestPaths(dates: dates, assets: assets, targets: report.targets, periodsPerYear: report.periodsPerYear, strategies: strategies)
  }
}

/// RFC 4180 records: comma separated, fields optionally quoted (a quote inside doubled).
enum CSVRecords {
  static func parse(_ text: String, file: String) throws -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var chars = Array(text)[...]
    while let c = chars.popFirst() {
      if quoted {
        if c == "\"" {
          if chars.first == "\"" { field.append("\""); chars.removeFirst() } else { quoted = false }
        } else {
          field.append(c)
        }
      } else if c == "\"" {
        quoted = true
      } else if c == "," {
        row.append(field)
        field = ""
      } else if c == "\n" || c == "\r\n" {
        row.append(field)
        rows.append(row)
        (row, field) = ([], "")
      } else {
        field.append(c)
      }
    }
    if quoted { throw InputError(file: file, line: rows.count + 1, message: "a quoted field is not closed") }
    if !field.isEmpty || !row.isEmpty {
      row.append(field)
      rows.append(row)
    }
    return rows
  }
}
