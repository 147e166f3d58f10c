extension TaxSummary {
  /// Sums the gains and losses of `sales` by term and estimates the tax.
  ///
  /// Netting: losses offset gains of the same term first; a net loss of one term then offsets a
  /// net gain of the other. The tax is max(0, net short)·shortTermRate + max(0, net long)·
  /// longTermRate, rounded half-even to cents. (Deducting net losses against ordinary income
  /// and carrying them forward is left to the tax-aware planner.)
  public init(sales: [LotSale], rates: TaxSettings) {
    self.init()
    for s in sales {
      let g = s.gain
      switch (s.term, g.isNegative) {
      case (.short, false): shortTermGains += g
      case (.short, true): shortTermLosses += g
      case (.long, false): longTermGains += g
      case (.long, true): longTermLosses += g
      }
    }
    var netShort = shortTermGains + shortTermLosses
    var netLong = longTermGains + longTermLosses
    if netShort.isNegative && netLong > .zero {
      netLong += netShort
      netShort = .zero
    } else if netLong.isNegative && netShort > .zero {
      netShort += netLong
      netLong = .zero
    }
    let st = FixedDecimal(rates.shortTermRate, places: 9) ?? .zero
    let lt = FixedDecimal(rates.longTermRate, places: 9) ?? .zero
    estimatedTax = (max(netShort, .zero) * st + max(netLong, .zero) * lt).rounded(places: 2)
  }
}
