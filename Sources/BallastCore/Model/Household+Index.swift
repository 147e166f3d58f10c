extension Household {
  /// Where `symbol` stands in `securities`, or `nil` when the file does not list it.
  ///
  /// A binary search when `securities` are in symbol order (as in every canonical household),
  /// a scan otherwise; either way nothing is copied or hashed.
  func securityIndex(of symbol: Symbol, sorted: Bool) -> Int? {
    guard sorted else { return securities.firstIndex { $0.symbol == symbol } }
    let i = securities.lowerBound { $0.symbol < symbol }
    return i < securities.count && securities[i].symbol == symbol ? i : nil
  }

  /// Whether `securities` are in strictly increasing symbol order.
  var securitiesAreSorted: Bool { securities.isSorted { $0.symbol <= $1.symbol } }

  /// For every account and holding, the index of its security in `securities` (−1 when the
  /// file lists none): the one symbol lookup per holding that every later step reuses.
  func holdingSecurityIndices() -> [[Int]] {
    let sorted = securitiesAreSorted
    return accounts.map { account in
      account.holdings.map { securityIndex(of: $0.symbol, sorted: sorted) ?? -1 }
    }
  }

  /// Whether each account's menu allows each security, [account][security] (every security
  /// for an account without a menu).
  func menuMasks() -> [[Bool]] {
    accounts.map { account in
      guard let menu = account.allowed else { return [Bool](filledWith: true, count: securities.count) }
      let sortedMenu = menu.isSorted(by: <) ? menu : menu.sorted()
      return securities.map { security in
        let i = sortedMenu.lowerBound { $0 < security.symbol }
        return i < sortedMenu.count && sortedMenu[i] == security.symbol
      }
    }
  }
}

extension Array {
  /// Appends `element` and moves it back past the elements from `start` on that it is ordered
  /// before: insertion into a sorted run, stable, for the few items of a plan's short lists.
  mutating func appendInOrder(_ element: Element, from start: Int = 0, by areInIncreasingOrder: (Element, Element) -> Bool) {
    append(element)
    var j = count - 1
    while j > start && areInIncreasingOrder(self[j], self[j - 1]) {
      swapAt(j, j - 1)
      j -= 1
    }
  }

  /// The first index whose element is not `isBelow` the sought value, in an array ordered so
  /// that every element for which `isBelow` holds comes first (a binary search).
  func lowerBound(where isBelow: (Element) -> Bool) -> Int {
    var lo = 0
    var hi = count
    while lo < hi {
      let mid = (lo + hi) / 2
      if isBelow(self[mid]) { lo = mid + 1 } else { hi = mid }
    }
    return lo
  }
}
