extension Household {
  /// Where `symbol` stands in `securities`, or `nil` when the file does not list it.
  ///
  /// A binary search when `securities` are in symbol order (as in every canonical household),
  /// a scan otherwise; either way nothing is copied or hashed.
  func securityIndex(of symbol: Symbol, sorted: Bool) -> Int? {
    guard sorted else { return securities.firstIndex { $0.symbol == symbol } }
    var lo = 0
    var hi = securities.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if securities[mid].symbol < symbol { lo = mid + 1 } else { hi = mid }
    }
    return lo < securities.count && securities[lo].symbol == symbol ? lo : nil
  }

  /// Whether `securities` are in strictly increasing symbol order.
  var securitiesAreSorted: Bool {
    securities.indices.dropFirst().allSatisfy { securities[$0 - 1].symbol < securities[$0].symbol }
  }

  /// For every account and holding, the index of its security in `securities` (−1 when the
  /// file lists none): the one symbol lookup per holding that every later step reuses.
  func holdingSecurityIndices() -> [[Int]] {
    let sorted = securitiesAreSorted
    return accounts.map { account in
      account.holdings.map { securityIndex(of: $0.symbol, sorted: sorted) ?? -1 }
    }
  }
}

extension Household {
  /// Whether each account's menu allows each security, [account][security] (every security
  /// for an account without a menu).
  func menuMasks() -> [[Bool]] {
    accounts.map { account in
      guard let menu = account.allowed else { return [Bool](repeating: true, count: securities.count) }
      let sortedMenu = menu.indices.dropFirst().allSatisfy { menu[$0 - 1] <= menu[$0] } ? menu : menu.sorted()
      return securities.map { security in
        var lo = 0
        var hi = sortedMenu.count
        while lo < hi {
          let mid = (lo + hi) / 2
          if sortedMenu[mid] < security.symbol { lo = mid + 1 } else { hi = mid }
        }
        return lo < sortedMenu.count && sortedMenu[lo] == security.symbol
      }
    }
  }
}
