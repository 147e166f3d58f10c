public import Foundation

/// The bundled historical data sets (see `Resources/DATA.md` for sources and terms).
public enum BundledData {
  /// The URL of a bundled resource file, e.g. `monthly_asset_classes.csv`.
  public static func url(forResource name: String) -> URL? {
    Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Resources")
  }

  /// The path of a bundled data set's CSV file, or `nil` if the resource is missing.
  public static func path(of dataSet: BundledDataSet) -> String? {
    url(forResource: dataSet.file)?.path
  }

  /// Every bundled data set, in a fixed order (the order of `ballast data list`).
  public static let catalog: [BundledDataSet] = [
    .monthlyAssetClasses, .annualAssetClasses, .dailyUSStocks, .dailyVIX, .dailyTreasuryYields,
  ]

  /// The data set named `name` (e.g. `monthly_asset_classes`), if bundled.
  public static func dataSet(named name: String) -> BundledDataSet? {
    catalog.first { $0.name == name || $0.file == name }
  }
}

/// One bundled CSV: what it holds, its shape and where it comes from.
///
/// The shape (columns, first and last date, rows) is stated here and checked against the files
/// by the test suite, so `ballast data list` needs no parsing.
public struct BundledDataSet: Sendable, Hashable {
  /// Short name used on the command line, e.g. `monthly_asset_classes`.
  public let name: String
  /// The resource file name.
  public let file: String
  /// `returns`, `prices` or `levels` (what the numbers are).
  public let kind: String
  public let frequency: String
  /// Data columns in file order (the `date` column excluded).
  public let columns: [String]
  public let first: String
  public let last: String
  public let rows: Int
  /// The original publisher(s), as attributed in `Resources/DATA.md`.
  public let source: String
}

extension BundledDataSet {
  public static let monthlyAssetClasses = BundledDataSet(
    name: "monthly_asset_classes", file: "monthly_asset_classes.csv", kind: "returns", frequency: "monthly",
    columns: ["us_stock", "tbill_1m", "tbill_3m", "ust_10y", "gold", "cpi_inflation"],
    first: "1926-07-31", last: "2026-06-30", rows: 1200,
    source: "Kenneth R. French Data Library (CRSP); FRED/H.15; World Bank; BLS (Moody's columns removed)")

  public static let annualAssetClasses = BundledDataSet(
    name: "annual_asset_classes", file: "annual_asset_classes.csv", kind: "returns", frequency: "annual",
    columns: [
      "sp500_tr", "us_small_cap_tr", "tbill_3m", "tbond_10y", "baa_corp", "real_estate", "gold", "cpi_inflation",
    ],
    first: "1928-12-31", last: "2025-12-31", rows: 98,
    source: "Aswath Damodaran, NYU Stern, Historical Returns (January 2026 edition)")

  public static let dailyUSStocks = BundledDataSet(
    name: "daily_us_stocks", file: "daily_us_stocks.csv", kind: "prices", frequency: "daily",
    columns: [
      "AAPL", "AMD", "BAC", "BBY", "CVX", "GE", "HD", "JNJ", "JPM", "KO",
      "LLY", "MRK", "MSFT", "PEP", "PFE", "PG", "RRC", "UNH", "WMT", "XOM",
    ],
    first: "1990-01-02", last: "2022-12-28", rows: 8313,
    source: "skfolio datasets (BSD-3-Clause; for testing and examples only)")

  public static let dailyVIX = BundledDataSet(
    name: "daily_vix", file: "daily_vix.csv", kind: "levels", frequency: "daily",
    columns: ["open", "high", "low", "close"],
    first: "1990-01-02", last: "2026-07-23", rows: 9235,
    source: "Cboe Global Markets VIX history (via datahub finance-vix)")

  public static let dailyTreasuryYields = BundledDataSet(
    name: "daily_treasury_yields", file: "daily_treasury_yields.csv", kind: "levels", frequency: "daily",
    columns: ["dgs2", "dgs10", "dgs30"],
    first: "1962-01-02", last: "2026-07-28", rows: 16127,
    source: "FRED / Federal Reserve H.15 (public domain)")
}
