import Foundation

/// The bundled historical data sets (see `Resources/DATA.md` for sources and terms).
public enum BundledData {
  /// The URL of a bundled resource file, e.g. `monthly_asset_classes.csv`.
  public static func url(forResource name: String) -> URL? {
    Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Resources")
  }
}
