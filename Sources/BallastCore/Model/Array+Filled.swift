extension Array {
  /// An array of `count` copies of `value`: `Array(repeating:count:)` by another road.
  ///
  /// `Array(repeating:count:)` allocates through a generic standard-library entry point that
  /// looks the storage type up in the runtime's metadata cache on every call (about 500
  /// instructions, and an atomic counter shared by every thread). Reserving and appending
  /// is specialized for `Element` at compile time and skips that lookup. The planner builds
  /// many short filled arrays per household, so this is the form it uses.
  init(filledWith value: Element, count: Int) {
    self = []
    reserveCapacity(count)
    for _ in 0..<count { append(value) }
  }
}
